// What follows from decisions on an agreement (issue 15), public reads:
//   GET  /agreements/{id}/ratification[?version=]   as GET /v1/agreements/{id}/ratification:
//        per party pending/approved/rejected with the decisions behind it
//        (linked to /decisions/{id}), whether the version is concluded, open
//        conditions and recommendations
//   GET  /agreements/{id}/obligations   a calendar by month of due date: the
//        duties and milestones of GET /v1/agreements/{id}/obligations and the
//        conditions of every decision on the agreement (GET /v1/decisions?agreement=),
//        due, done or overdue written out (never by colour alone); editors get
//        a "mark done" form per open duty (conditions link to their decision)
//   POST /agreements/{id}/obligations/{key}/done    field `evidence` (required);
//        the API's command (app::DecideObligationDone), then 303 back
// Months are named in the reader's language; the dates are the bodies'
// calendar dates (Europe/Copenhagen), overdue judged as the API judges it.
#include <map>

#include "domain/time.h"
#include "server/app/decision_commands.h"
#include "server/app/decision_queries.h"
#include "server/app/read_views.h"
#include "server/http/problem.h"
#include "server/web/pages.h"
#include "server/web/pages_decisions.h"

namespace hoering::web {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
using nlohmann::json;

std::string AgreementHref(const std::string& id) {
  return "/agreements/" + UrlEncode(id);
}

Result<PageReply> ShowRatification(const PageCall& call) {
  const std::string& id = call.Param("id");
  auto r = app::RatificationOf(call.ctx, id, call.Query("version"));
  if (!r.ok()) return r.status();
  json parties = json::array();
  for (const auto& p : (*r)["parties"]) {
    const std::string st = p.value("status", "pending");
    json steps = json::array();
    for (const auto& s : p["steps"]) {
      steps.push_back({{"href", DecisionHref(s.value("decision", ""))},
                       {"body", s.value("body", "")},
                       {"meeting_date", LocalDate(call, s.value("meeting_date", ""))},
                       {"outcome", call.T("decisions.outcome." + s.value("outcome", ""))},
                       {"final", s.value("final_for_party", false)}});
    }
    parties.push_back({{"party", PartyLabel(call, p.value("party", ""))},
                       {"required", p.value("required", false)},
                       {"status", call.T("decisions.status." + st)},
                       {"status_class", st},
                       {"steps", std::move(steps)},
                       {"has_steps", !p["steps"].empty()}});
  }
  json open = json::array();
  for (const auto& c : (*r)["open_conditions"]) {
    open.push_back({{"href", DecisionHref(c.value("decision", "")) + "#condition-" +
                                 std::to_string(c.value("n", 0))},
                    {"text", c.value("text", "")},
                    {"party", PartyLabel(call, c.value("party", ""))},
                    {"due", LocalDate(call, c.value("due", ""))},
                    {"overdue", c.value("overdue", false)}});
  }
  json recommendations = json::array();
  for (const auto& c : (*r)["recommendations"]) {
    recommendations.push_back(
        {{"href", DecisionHref(c.value("decision", ""))}, {"text", c.value("text", "")}});
  }
  const json& v = (*r)["version"];
  json data = {{"id", id},
               {"agreement_href", AgreementHref(id)},
               {"obligations_href", AgreementHref(id) + "/obligations"},
               {"version_number", v.value("number", 0)},
               {"version_label", v.value("label", "")},
               {"version_hash", v.value("hash", "")},
               {"version_href", AgreementHref(id) + "?at=" + std::to_string(v.value("number", 0))},
               {"concluded", (*r).value("concluded", false)},
               {"parties", std::move(parties)},
               {"has_parties", !(*r)["parties"].empty()},
               {"open_conditions", std::move(open)},
               {"has_open_conditions", !(*r)["open_conditions"].empty()},
               {"recommendations", std::move(recommendations)},
               {"has_recommendations", !(*r)["recommendations"].empty()},
               {"as_of", LocalDate(call, (*r).value("as_of", ""))},
               {"may_record", MayRecordDecisions(call)},
               {"new_href", "/manage/decisions/new?agreement=" + UrlEncode(id)}};
  return PageReply(HtmlPage{"ratification", call.T("decisions.ratification_title") + " – " + id,
                            std::move(data)});
}

// One entry of the calendar.
json Entry(const PageCall& call, const std::string& due, const std::string& status, json extra) {
  extra["due"] = LocalDate(call, due);
  extra["status"] = call.T("decisions.status." + status);
  extra["status_class"] = status;
  return extra;
}

Result<PageReply> ShowObligations(const PageCall& call, const json& error, status code) {
  const std::string& id = call.Param("id");
  auto o = app::ObligationsOf(call.ctx, id);
  if (!o.ok()) return o.status();
  const bool editor = MayRecordDecisions(call);
  std::multimap<std::string, json> by_due;  // YYYY-MM-DD -> entry
  for (const auto& item : (*o)["items"]) {
    const std::string key = item.value("key", "");
    const std::string st = item.value("status", "due");
    json e = {
        {"anchor", "obligation-" + key},
        {"title", item.value("title", "")},
        {"kind", call.T("decisions.kind." + item.value("kind", "duty"))},
        {"evidence", item.value("evidence", "")},
        {"done_at",
         item.contains("done_at") ? call.LocalTime(item["done_at"], "Europe/Copenhagen") : ""},
        {"may_mark", editor && item.value("kind", "") == "duty" && st != "done"},
        {"action", AgreementHref(id) + "/obligations/" + UrlEncode(key) + "/done"},
        {"field", "evidence-" + key}};
    if (error.value("field", "") == "evidence-" + key) {
      e["evidence_error"] = error.value("message", "");
      e["evidence_input"] = error.value("input", "");
    }
    by_due.emplace(item.value("due", ""), Entry(call, item.value("due", ""), st, std::move(e)));
  }
  const std::int64_t today = TodayDays(call);
  const app::Page decisions = app::DecisionsPage(call.ctx, {"", 1000, id});
  for (const auto& d : decisions.items) {
    for (const auto& c : d["conditions"]) {
      const std::string due = c.value("due", "");
      const auto days = ParseDate(due);
      const bool done = c.value("fulfilled", false);
      const std::string st = done ? "done" : (days && *days < today ? "overdue" : "due");
      const std::string n = std::to_string(c.value("n", 0));
      json e = {{"anchor", "condition-" + d.value("id", "") + "-" + n},
                {"title", c.value("text", "")},
                {"kind", call.T("decisions.kind.condition")},
                {"party", PartyLabel(call, c.value("party", ""))},
                {"decision_href", DecisionHref(d.value("id", "")) + "#condition-" + n},
                {"decision_body", d["body"].value("name", "")},
                {"evidence", c.value("evidence", "")}};
      by_due.emplace(due, Entry(call, due, st, std::move(e)));
    }
  }
  json months = json::array();
  std::string current;
  for (auto& [due, entry] : by_due) {
    const std::string month = due.substr(0, 7);
    if (month != current || months.empty()) {
      current = month;
      const std::string name =
          due.size() >= 7 ? call.T("decisions.month." + due.substr(5, 2)) + " " + due.substr(0, 4)
                          : due;
      months.push_back({{"name", name}, {"entries", json::array()}});
    }
    months.back()["entries"].push_back(std::move(entry));
  }
  json data = {{"id", id},
               {"agreement_href", AgreementHref(id)},
               {"ratification_href", AgreementHref(id) + "/ratification"},
               {"months", std::move(months)},
               {"has_months", !by_due.empty()},
               {"as_of", LocalDate(call, (*o).value("as_of", ""))}};
  if (!error.empty()) {
    data["has_errors"] = true;
    data["errors"] = json::array({error});
  }
  return PageReply(HtmlPage{"obligations", call.T("decisions.obligations_title") + " – " + id,
                            std::move(data), code});
}

Result<PageReply> Obligations(const PageCall& call) {
  return ShowObligations(call, json::object(), status::ok);
}

Result<PageReply> MarkDone(const PageCall& call) {
  const std::string id = call.Param("id");
  const std::string key = call.Param("key");
  const std::string evidence = call.Field("evidence").value_or("");
  if (evidence.find_first_not_of(" \t\r\n") == std::string::npos) {
    return ShowObligations(call,
                           {{"field", "evidence-" + key},
                            {"message", call.T("decisions.evidence_required")},
                            {"input", ""}},
                           status::unprocessable_entity);
  }
  commands::CommandMeta meta;
  meta.actor = call.who.actor();
  return LaterPage{[meta, id, key, evidence](const PageCall& later, PageDone done) {
    later.ctx.commands.Execute(
        meta, app::DecideObligationDone(later.ctx, id, key, evidence),
        [&later, id, key, evidence, done](Result<commands::Written> written) {
          if (written.ok()) {
            return done(
                PageReply(Redirect{AgreementHref(id) + "/obligations#obligation-" + key, {}}));
          }
          const Status& s = written.status();
          if (s.code() != Code::kInvalidArgument && s.code() != Code::kConflict &&
              s.code() != Code::kUnprocessable && s.code() != Code::kAlreadyExists) {
            return done(s);
          }
          done(ShowObligations(
              later, {{"field", "evidence-" + key}, {"message", s.detail()}, {"input", evidence}},
              static_cast<status>(http::HttpStatusFor(s.code()))));
        });
  }};
}

}  // namespace

void AddRatificationPages(Pages& pages) {
  pages.Add(verb::get, "/agreements/{id}/ratification", ShowRatification);
  pages.Add(verb::get, "/agreements/{id}/obligations", Obligations);
  pages.Add(verb::post, "/agreements/{id}/obligations/{key}/done", app::Editors(), MarkDone);
}

}  // namespace hoering::web
