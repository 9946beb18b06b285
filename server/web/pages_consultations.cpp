// The public pages of a consultation:
//   GET /consultations/{id}                  the consulted text with a table of
//       contents and section anchors, deadline, invited parties, state; after
//       close the published responses (100 a page, ?after=), the report and
//       the diff to the latest version published after the consulted one
//   GET /consultations/{id}/responses/{rid}  one response as the reader may see it
//   GET /consultations/{id}/report           the report, with its downloads; the
//       page is built from the whole report in memory (app::ReportFor, every
//       visible response on one page), the downloads (/v1 .../report) stream
// Visibility is the queries' (response_queries.h, report_query.h): a page
// shows exactly what the API shows the same caller.
#include "domain/agreements/agreement_views.h"
#include "server/app/agreement_access.h"
#include "server/app/agreement_text_queries.h"
#include "server/app/consultation_queries.h"
#include "server/app/read_views.h"
#include "server/app/report_publish.h"
#include "server/app/report_query.h"
#include "server/app/response_queries.h"
#include "server/web/page_data.h"
#include "server/web/pages.h"
#include "server/web/text_view.h"

namespace hoering::web {
namespace {

namespace ag = agreements;
using boost::beast::http::verb;

// The newest version of the agreement published after `consulted`, or 0.
std::uint32_t LatestAfter(const PageCall& call, const std::string& agreement,
                          std::uint32_t consulted) {
  auto state = app::LoadAgreement(call.ctx, agreement);
  if (!state.ok()) return 0;
  const ag::VersionInfo* latest = (*state)->latest_version();
  return latest && latest->number > consulted ? latest->number : 0;
}

Result<PageReply> ShowConsultation(const PageCall& call) {
  const std::string& id = call.Param("id");
  auto doc = app::ConsultationFor(call.ctx, id);
  if (!doc.ok()) return doc.status();
  const nlohmann::json& c = doc->body;
  nlohmann::json data = {{"c", ConsultationEntry(call, c)}};
  const std::string agreement = c.value("agreement", "");
  const std::uint32_t version = c.contains("version") ? c["version"].value("number", 0u) : 0u;
  if (auto state = app::LoadAgreement(call.ctx, agreement); state.ok()) {
    data["c"]["agreement_title"] = (*state)->info().title;
  }
  auto text = ConsultedText(call, c);
  if (!text.ok()) return text.status();
  data["sections"] = (*text)->sections;
  data["toc"] = (*text)->toc;
  nlohmann::json invited = nlohmann::json::array();
  for (const auto& party : c.value("invited", nlohmann::json::array())) {
    const std::string pid = party.get<std::string>();
    invited.push_back({{"id", pid}, {"name", app::PartyName(call.ctx.views, pid).value_or(pid)}});
  }
  data["invited"] = invited;
  const std::string zone = c.value("time_zone", "UTC");
  // Any party may answer (as in the API); the form is for parties.
  if (c.value("state", "") == "open" && call.who.role == access::Role::kStakeholder) {
    data["respond_href"] = "/consultations/" + UrlEncode(id) + "/respond";
    data["respond_base"] = "/consultations/" + UrlEncode(id) + "/respond?section=";
  }
  if (c.value("state", "") == "closed") {
    app::ResponsesQuery query;
    query.consultation = id;
    query.after = call.Query("after").value_or("");
    query.limit = 100;
    auto page = app::ResponsesPage(call.ctx, call.who, query);
    if (!page.ok()) return page.status();
    nlohmann::json responses = nlohmann::json::array();
    for (const auto& r : page->items) {
      responses.push_back(ResponseEntry(call, r, id, agreement, zone));
    }
    data["responses"] = responses;
    data["has_responses"] = !responses.empty();
    if (page->next) {
      data["next_href"] = "/consultations/" + UrlEncode(id) + "?after=" + UrlEncode(*page->next);
    }
    data["report_href"] = "/consultations/" + UrlEncode(id) + "/report";
    if (std::uint32_t latest = LatestAfter(call, agreement, version)) {
      data["diff_href"] = "/agreements/" + UrlEncode(agreement) +
                          "/diff?from=" + std::to_string(version) + "&to=" + std::to_string(latest);
    }
  }
  return HtmlPage{"consultation", c.value("title", id), std::move(data)};
}

Result<PageReply> ShowResponse(const PageCall& call) {
  const std::string& id = call.Param("id");
  auto consultation = app::ConsultationFor(call.ctx, id);
  if (!consultation.ok()) return consultation.status();
  auto doc = app::ResponseFor(call.ctx, call.who, id, call.Param("rid"));
  if (!doc.ok()) return doc.status();
  const nlohmann::json& c = consultation->body;
  auto text = ConsultedText(call, c);  // headings of the points' sections
  nlohmann::json data = {
      {"c", ConsultationEntry(call, c)},
      {"r", ResponseEntry(call, doc->body, id, c.value("agreement", ""),
                          c.value("time_zone", "UTC"), text.ok() ? text->get() : nullptr)}};
  return HtmlPage{"response", call.T("response.title") + " – " + c.value("title", id),
                  std::move(data)};
}

Result<PageReply> ShowReport(const PageCall& call) {
  const std::string& id = call.Param("id");
  auto consultation = app::ConsultationFor(call.ctx, id);
  if (!consultation.ok()) return consultation.status();
  nlohmann::json c = ConsultationEntry(call, consultation->body);
  const std::string zone = consultation->body.value("time_zone", "UTC");
  const std::string agreement = consultation->body.value("agreement", "");
  return BlockingPage{[id, c, zone, agreement](const PageCall& later) -> Result<HtmlPage> {
    // After a publication the public reads the published report; the
    // secretariat also the live one (report_publish.h).
    auto published = app::PublishedReports(later.ctx, id);
    if (!published.ok()) return published.status();
    const bool editor =
        later.who.role == access::Role::kAdmin || later.who.role == access::Role::kSecretariat;
    nlohmann::json latest = nullptr;
    if (!published->empty()) {
      const app::PublishedReport& p = published->back();
      latest = {{"number", p.number},
                {"published", later.LocalTime(FormatRfc3339Ms(p.recorded_at), zone)},
                {"language", later.T("publish.language_" + p.report.language)},
                {"format", p.report.format == "md" ? "Markdown" : "HTML"},
                {"sha256", p.report.sha256},
                {"as_of_position", p.report.as_of_position},
                {"href", "/v1/consultations/" + UrlEncode(id) + "/report/published/" +
                             std::to_string(p.number)}};
    }
    if (!latest.is_null() && !editor) {
      return HtmlPage{"report",
                      later.T("report.title") + " – " + c["title"].get<std::string>(),
                      {{"c", c}, {"published", latest}}};
    }
    auto report = app::ReportFor(later.ctx, later.who, id);
    if (!report.ok()) return report.status();
    nlohmann::json responses = nlohmann::json::array();
    for (const auto& r : (*report)["responses"]) {
      nlohmann::json entry = ResponseEntry(later, r, id, agreement, zone);
      entry["party_name"] = r.value("party_name", entry["party_name"].get<std::string>());
      responses.push_back(std::move(entry));
    }
    const nlohmann::json& totals = (*report)["totals"];
    nlohmann::json outcomes = nlohmann::json::array();
    for (const auto& [outcome, n] : totals["outcomes"].items()) {
      outcomes.push_back({{"label", OutcomeLabel(later, outcome)}, {"count", n}});
    }
    const std::string base = "/v1/consultations/" + UrlEncode(id) +
                             "/report?lang=" + std::string(Code(later.lang)) + "&format=";
    nlohmann::json data = {{"c", c},
                           {"published", latest},
                           {"live", true},
                           {"responses", responses},
                           {"totals", totals},
                           {"outcomes", outcomes},
                           {"generated", later.LocalTime((*report)["generated_at"], zone)},
                           {"as_of_position", (*report)["as_of_position"]},
                           {"downloads",
                            {{{"label", "Markdown"}, {"href", base + "md"}},
                             {{"label", "HTML"}, {"href", base + "html"}},
                             {{"label", "CSV"}, {"href", base + "csv"}},
                             {{"label", "JSON"}, {"href", base + "json"}}}}};
    return HtmlPage{"report", later.T("report.title") + " – " + c["title"].get<std::string>(),
                    std::move(data)};
  }};
}

}  // namespace

void AddConsultationPages(Pages& pages) {
  pages.Add(verb::get, "/consultations/{id}", ShowConsultation);
  pages.Add(verb::get, "/consultations/{id}/responses/{rid}", ShowResponse);
  pages.Add(verb::get, "/consultations/{id}/report", ShowReport);
}

}  // namespace hoering::web
