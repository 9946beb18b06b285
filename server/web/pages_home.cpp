// GET /: the consultations, open first, then upcoming, then closed, with the
// deadline in each consultation's time zone and how long is left; and the
// agreements. From the same queries as GET /v1/consultations and
// GET /v1/agreements.
#include "server/app/agreement_access.h"
#include "server/web/page_data.h"
#include "server/web/pages.h"

namespace hoering::web {
namespace {

Result<PageReply> Home(const PageCall& call) {
  nlohmann::json open = nlohmann::json::array(), scheduled = nlohmann::json::array(),
                 closed = nlohmann::json::array();
  auto all = AllConsultations(call.ctx);
  if (!all.ok()) return all.status();
  for (const auto& c : *all) {
    nlohmann::json entry = ConsultationEntry(call, c);
    (entry["is_open"] ? open : entry["is_scheduled"] ? scheduled : closed).push_back(entry);
  }
  nlohmann::json agreements = nlohmann::json::array();
  for (const auto& a : app::AgreementsPage(call.ctx, {"", 1000}).items) {
    const std::string id = a.value("id", "");
    agreements.push_back({{"id", id},
                          {"title", a.value("title", "")},
                          {"subtitle", a.value("subtitle", "")},
                          {"href", "/agreements/" + UrlEncode(id)}});
  }
  nlohmann::json data = {{"open", open},
                         {"has_open", !open.empty()},
                         {"scheduled", scheduled},
                         {"has_scheduled", !scheduled.empty()},
                         {"closed", closed},
                         {"has_closed", !closed.empty()},
                         {"agreements", agreements}};
  return HtmlPage{"home", call.T("home.title"), std::move(data)};
}

}  // namespace

void AddHomePage(Pages& pages) {
  pages.Add(boost::beast::http::verb::get, "/", Home);
}

}  // namespace hoering::web
