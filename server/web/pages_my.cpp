// GET /my/responses: a signed-in party's responses in every consultation,
// with their state and, after close, how each point was handled (the same
// queries as GET /v1/consultations/{id}/responses?party=, so a party sees
// exactly what the API shows it). Anonymous readers are sent to /sign-in;
// another role gets 403 (the page is a party's own list). While a
// consultation is open each response can be amended (the response form) or
// withdrawn with a reason (pages_receipt.cpp); each links to its receipt.
#include "server/app/read_views.h"
#include "server/app/response_queries.h"
#include "server/web/page_data.h"
#include "server/web/pages.h"

namespace hoering::web {
namespace {

using boost::beast::http::verb;

Result<PageReply> MyResponses(const PageCall& call) {
  if (auto refused = UnlessParty(call)) return std::move(*refused);
  nlohmann::json consultations = nlohmann::json::array();
  auto all = AllConsultations(call.ctx);
  if (!all.ok()) return all.status();
  for (const auto& c : *all) {
    const std::string id = c.value("id", "");
    app::ResponsesQuery mine;
    mine.consultation = id;
    mine.party = call.who.party;
    mine.limit = 1000;
    auto page = app::ResponsesPage(call.ctx, call.who, mine);
    if (!page.ok()) return page.status();
    if (page->items.empty()) continue;
    nlohmann::json entry = ConsultationEntry(call, c);
    nlohmann::json responses = nlohmann::json::array();
    const bool open = c.value("state", "") == "open";
    auto text = ConsultedText(call, c);  // headings of the points' sections
    const RenderedText* headings = text.ok() ? text->get() : nullptr;
    for (const auto& r : page->items) {
      nlohmann::json e = ResponseEntry(call, r, id, c.value("agreement", ""),
                                       c.value("time_zone", "UTC"), headings);
      const std::string rid = r.value("id", "");
      e["receipt_href"] = ReceiptHref(id, rid);
      if (open && !r.value("withdrawn", false)) {
        e["can_change"] = true;
        e["version"] = r.value("stream_version", 0);
        e["amend_href"] = "/consultations/" + UrlEncode(id) + "/respond?response=" + UrlEncode(rid);
        e["withdraw_href"] =
            "/consultations/" + UrlEncode(id) + "/responses/" + UrlEncode(rid) + "/withdraw";
      }
      responses.push_back(std::move(e));
    }
    if (open) {
      entry["respond_href"] = "/consultations/" + UrlEncode(id) + "/respond";
    }
    entry["responses"] = responses;
    consultations.push_back(std::move(entry));
  }
  nlohmann::json data = {
      {"consultations", consultations},
      {"party", app::PartyName(call.ctx.views, call.who.party).value_or(call.who.party)}};
  return HtmlPage{"my_responses", call.T("my.title"), std::move(data)};
}

}  // namespace

void AddMyPages(Pages& pages) {
  pages.Add(verb::get, "/my/responses", MyResponses);
}

}  // namespace hoering::web
