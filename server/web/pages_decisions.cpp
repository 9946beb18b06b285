// The public decision pages (issue 15) and the condition form:
//   GET  /decisions?after=&limit=       decisions, paged as GET /v1/decisions
//                                       (in id order; the cursor is the API's)
//   GET  /decisions/{id}                one decision as GET /v1/decisions/{id}:
//        the version decided on (link to its text, its hash), conditions
//        (due, done or overdue in words, with their evidence),
//        recommendations, basis, absences, case reference; for editors a
//        form per open condition
//   POST /decisions/{id}/conditions/{n}/fulfil   field `evidence` (required);
//        the API's command (app::DecideFulfilCondition), then 303 back
// Dates of a body are local calendar dates and shown as such; "overdue"
// is judged like the API's queries (the server's date, UTC).
#include "server/web/pages_decisions.h"

#include "domain/decimal.h"
#include "domain/time.h"
#include "server/app/decision_commands.h"
#include "server/app/decision_queries.h"
#include "server/app/page.h"
#include "server/app/read_views.h"
#include "server/http/problem.h"
#include "server/web/local_time.h"
#include "server/web/pages.h"

namespace hoering::web {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
using nlohmann::json;

constexpr TimeMs kDayMs = 86'400'000;

json Links(const json& ids, const std::string& base) {
  json out = json::array();
  for (const auto& id : ids) {
    const std::string s = id.get<std::string>();
    out.push_back({{"id", s}, {"href", base.empty() ? "" : base + UrlEncode(s)}});
  }
  return out;
}

json DecisionData(const PageCall& call, const json& d, const json& errors) {
  const std::string id = d.value("id", "");
  const json& subject = d["subject"];
  const std::string agreement = subject.value("agreement", "");
  const std::int64_t today = TodayDays(call);
  const bool editor = MayRecordDecisions(call);
  json conditions = json::array();
  for (const auto& c : d["conditions"]) {
    const std::string n = std::to_string(c.value("n", 0));
    const bool done = c.value("fulfilled", false);
    const auto due = ParseDate(c.value("due", ""));
    const bool overdue = !done && due && *due < today;
    json row = {{"n", n},
                {"text", c.value("text", "")},
                {"party", PartyLabel(call, c.value("party", ""))},
                {"due", LocalDate(call, c.value("due", ""))},
                {"done", done},
                {"overdue", overdue},
                {"open", !done && !overdue},
                {"may_fulfil", editor && !done},
                {"action", DecisionHref(id) + "/conditions/" + n + "/fulfil"}};
    if (done) {
      row["evidence"] = c.value("evidence", "");
      row["fulfilled_at"] = call.LocalTime(c["fulfilled_at"], kSiteTimeZone);
    }
    for (const auto& e : errors) {
      if (e.value("field", "") == "evidence-" + n) {
        row["evidence_error"] = e.value("message", "");
        row["evidence_input"] = e.value("input", "");
      }
    }
    conditions.push_back(std::move(row));
  }
  json recommendations = json::array();
  for (const auto& r : d["recommendations"]) recommendations.push_back({{"text", r}});
  const std::string outcome = d.value("outcome", "");
  json data = {
      {"id", id},
      {"body", d["body"].value("name", "")},
      {"body_party", PartyLabel(call, d["body"].value("party", ""))},
      {"meeting_date", LocalDate(call, d.value("meeting_date", ""))},
      {"case_ref", d.value("case_ref", "")},
      {"outcome", call.T("decisions.outcome." + outcome)},
      {"final_for_party", d.value("final_for_party", false)},
      {"agreement", agreement},
      {"version_number", subject.value("version", 0)},
      {"version_label", subject.value("label", "")},
      {"version_hash", subject.value("hash", "")},
      {"version_href", "/agreements/" + UrlEncode(agreement) +
                           "?at=" + std::to_string(subject.value("version", 0))},
      {"ratification_href", "/agreements/" + UrlEncode(agreement) + "/ratification"},
      {"conditions", std::move(conditions)},
      {"has_conditions", !d["conditions"].empty()},
      {"recommendations", std::move(recommendations)},
      {"has_recommendations", !d["recommendations"].empty()},
      {"basis_consultations", Links(d["basis"]["consultations"], "/consultations/")},
      {"basis_responses", Links(d["basis"]["responses"], "")},
      {"has_basis", !d["basis"]["consultations"].empty() || !d["basis"]["responses"].empty()},
      {"absent", d["absent"]},
      {"has_absent", !d["absent"].empty()},
      {"note", d.value("note", "")},
      {"recorded_at", call.LocalTime(d["recorded_at"], kSiteTimeZone)},
      {"position", d.value("position", 0)},
      {"hash", d.value("hash", "")}};
  if (!errors.empty()) {
    data["has_errors"] = true;
    data["errors"] = errors;
  }
  return data;
}

Result<PageReply> ShowDecision(const PageCall& call, const json& errors, status code) {
  auto doc = app::DecisionFor(call.ctx, call.Param("id"));
  if (!doc.ok()) return doc.status();
  const std::string title =
      call.T("decisions.decision_title") + " – " + doc->body["body"].value("name", "");
  return PageReply(HtmlPage{"decision", title, DecisionData(call, doc->body, errors), code});
}

Result<PageReply> Show(const PageCall& call) {
  return ShowDecision(call, json::array(), status::ok);
}

Result<PageReply> Fulfil(const PageCall& call) {
  const std::string id = call.Param("id");
  const std::string n_text = call.Param("n");
  const auto n = ParseDecimal<std::uint32_t>(n_text);
  if (!n || *n == 0) return NotFound("no such condition", "condition-not-found");
  std::string evidence = call.Field("evidence").value_or("");
  if (evidence.find_first_not_of(" \t\r\n") == std::string::npos) {
    return ShowDecision(call,
                        json::array({{{"field", "evidence-" + n_text},
                                      {"message", call.T("decisions.evidence_required")},
                                      {"input", ""}}}),
                        status::unprocessable_entity);
  }
  commands::CommandMeta meta;
  meta.actor = call.who.actor();
  return LaterPage{[meta, id, n = *n, n_text, evidence](const PageCall& later, PageDone done) {
    later.ctx.commands.Execute(
        meta, app::DecideFulfilCondition(later.ctx, id, n, evidence),
        [&later, id, n_text, evidence, done](Result<commands::Written> written) {
          if (written.ok()) {
            return done(PageReply(Redirect{DecisionHref(id) + "#condition-" + n_text, {}}));
          }
          const Status& s = written.status();
          if (s.code() != Code::kInvalidArgument && s.code() != Code::kConflict &&
              s.code() != Code::kAlreadyExists) {
            return done(s);
          }
          done(ShowDecision(later,
                            json::array({{{"field", "evidence-" + n_text},
                                          {"message", s.detail()},
                                          {"input", evidence}}}),
                            static_cast<status>(http::HttpStatusFor(s.code()))));
        });
  }};
}

Result<PageReply> List(const PageCall& call) {
  auto page = app::ParsePage(call.match);
  if (!page.ok()) return page.status();
  const app::Page found = app::DecisionsPage(call.ctx, {page->after, page->limit, ""});
  json rows = json::array();
  for (const auto& d : found.items) {
    const std::string id = d.value("id", "");
    const std::string agreement = d["subject"].value("agreement", "");
    rows.push_back({{"href", DecisionHref(id)},
                    {"body", d["body"].value("name", "")},
                    {"party", PartyLabel(call, d["body"].value("party", ""))},
                    {"meeting_date", LocalDate(call, d.value("meeting_date", ""))},
                    {"outcome", call.T("decisions.outcome." + d.value("outcome", ""))},
                    {"agreement", agreement},
                    {"agreement_href", "/agreements/" + UrlEncode(agreement)},
                    {"version", d["subject"].value("version", 0)}});
  }
  json data = {{"decisions", std::move(rows)},
               {"has_decisions", !found.items.empty()},
               {"may_record", MayRecordDecisions(call)}};
  if (found.next) {
    data["next_href"] =
        "/decisions?after=" + UrlEncode(*found.next) + "&limit=" + std::to_string(page->limit);
  }
  return PageReply(HtmlPage{"decisions", call.T("decisions.list_title"), std::move(data)});
}

}  // namespace

std::string LocalDate(const PageCall& call, const std::string& date) {
  const auto days = ParseDate(date);
  if (!days) return date;
  return FormatLocalDate(*days * kDayMs + kDayMs / 2, kSiteTimeZone, call.lang);
}

std::int64_t TodayDays(const PageCall& call) {
  return call.Now() / kDayMs;
}

std::string DecisionHref(const std::string& id) {
  return "/decisions/" + UrlEncode(id);
}

std::string PartyLabel(const PageCall& call, const std::string& party) {
  return app::PartyName(call.ctx.views, party).value_or(party);
}

bool MayRecordDecisions(const PageCall& call) {
  return call.who.role == access::Role::kAdmin || call.who.role == access::Role::kSecretariat;
}

void AddDecisionViewPages(Pages& pages) {
  pages.Add(verb::get, "/decisions", List);
  pages.Add(verb::get, "/decisions/{id}", Show);
  pages.Add(verb::post, "/decisions/{id}/conditions/{n}/fulfil", app::Editors(), Fulfil);
}

void AddDecisionPages(Pages& pages) {
  AddDecisionViewPages(pages);
  AddDecisionFormPages(pages);
  AddRatificationPages(pages);
}

}  // namespace hoering::web
