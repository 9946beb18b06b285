// The trace pages (auditors, the secretariat, admin; as GET /v1/trace/...):
//   GET /audit/trace/decisions/{id}   decision -> version (hash and the query's
//       check hash_matches) -> change sets -> cited points -> responses ->
//       receipts (log position, hash, the receipt page)
//   GET /audit/trace/responses/{rid}  response -> revisions (receipts), points
//       and their dispositions, change sets citing it, versions, decisions
// The data is the API's (app::DecisionTrace, app::ResponseTrace), shaped for
// nested lists and <details> (no JavaScript needed); every node links to its
// page. Times in the site's time zone (kSiteTimeZone).
#include "server/app/decision_queries.h"
#include "server/app/trace_queries.h"
#include "server/web/local_time.h"
#include "server/web/pages_audit.h"

namespace hoering::web {
namespace {

using access::Role;
using boost::beast::http::verb;
using nlohmann::json;

std::string Str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

std::string Num(const json& j, const char* key) {
  return j.contains(key) && j[key].is_number() ? std::to_string(j[key].get<std::uint64_t>()) : "";
}

std::string ResponseHref(const std::string& consultation, const std::string& rid) {
  return "/consultations/" + UrlEncode(consultation) + "/responses/" + UrlEncode(rid);
}

std::string TraceHref(const char* kind, const std::string& id) {
  return std::string("/audit/trace/") + kind + "/" + UrlEncode(id);
}

std::string AgreementAt(const std::string& agreement, const std::string& at) {
  return "/agreements/" + UrlEncode(agreement) + "?at=" + UrlEncode(at);
}

json DecisionEntry(const PageCall& call, const json& d) {
  return {{"id", Str(d, "id")},           {"href", TraceHref("decisions", Str(d, "id"))},
          {"body", Str(d, "body")},       {"meeting_date", Str(d, "meeting_date")},
          {"outcome", Str(d, "outcome")}, {"final", d.value("final_for_party", false)},
          {"version", Num(d, "version")}, {"position", Num(d, "position")},
          {"hash", Str(d, "hash")}};
}

json Cite(const PageCall& call, const json& c) {
  const std::string consultation = Str(c, "consultation"), rid = Str(c, "response");
  json out = {{"response", rid},
              {"point", Str(c, "point")},
              {"party", Str(c, "party")},
              {"point_text", Str(c, "point_text")},
              {"response_href", ResponseHref(consultation, rid)},
              {"trace_href", TraceHref("responses", rid)}};
  if (c.contains("receipt") && c["receipt"].is_object()) {
    const json& r = c["receipt"];
    out["receipt"] = {{"revision", Num(r, "revision")},
                      {"position", Num(r, "position")},
                      {"hash", Str(r, "hash")},
                      {"href", ResponseHref(consultation, rid) + "/receipt"}};
  }
  if (c.contains("disposition") && c["disposition"].is_object()) {
    out["disposition"] = {{"outcome", Str(c["disposition"], "outcome")},
                          {"rationale", Str(c["disposition"], "rationale")}};
  }
  return out;
}

Result<PageReply> ShowDecisionTrace(const PageCall& call) {
  const std::string& id = call.Param("id");
  auto trace = app::DecisionTrace(call.ctx, id);
  if (!trace.ok()) return trace.status();
  auto decision = app::DecisionFor(call.ctx, id);
  if (!decision.ok()) return decision.status();
  const std::string agreement = Str(decision->body["subject"], "agreement");
  const json& v = (*trace)["version"];
  const std::string number = Num(v, "number");
  json version = {{"number", number},
                  {"label", Str(v, "label")},
                  {"hash", Str(v, "hash")},
                  {"hash_matches", v.value("hash_matches", false)},
                  {"position", Num(v, "position")},
                  {"published", call.LocalTime(v["published_at"], kSiteTimeZone)},
                  {"href", AgreementAt(agreement, number)}};
  const json& since = (*trace)["since"];
  if (since.is_number() && since.get<std::uint64_t>() < v.value("number", 0u)) {
    version["diff_href"] = "/agreements/" + UrlEncode(agreement) +
                           "/diff?from=" + std::to_string(since.get<std::uint64_t>()) +
                           "&to=" + number;
  }
  json consultations = json::array();
  for (const auto& c : (*trace)["consultations"]) {
    consultations.push_back({{"title", Str(c, "title")},
                             {"href", "/consultations/" + UrlEncode(Str(c, "id"))},
                             {"version", Num(c["version"], "number")}});
  }
  json changes = json::array();
  for (const auto& c : (*trace)["changes"]) {
    json cites = json::array();
    for (const auto& cite : c["cites"]) cites.push_back(Cite(call, cite));
    changes.push_back({{"change", Str(c, "change")},
                       {"rationale", Str(c, "rationale")},
                       {"position", Num(c, "position")},
                       {"recorded", call.LocalTime(c["recorded_at"], kSiteTimeZone)},
                       {"actor", Str(c, "actor")},
                       {"href", AgreementAt(agreement, "position:" + Num(c, "position"))},
                       {"cites", cites},
                       {"has_cites", !cites.empty()}});
  }
  json data = {{"d", DecisionEntry(call, (*trace)["decision"])},
               {"agreement", agreement},
               {"agreement_href", "/agreements/" + UrlEncode(agreement)},
               {"version", version},
               {"consultations", consultations},
               {"has_consultations", !consultations.empty()},
               {"changes", changes},
               {"has_changes", !changes.empty()}};
  return HtmlPage{"audit_trace_decision", call.T("audit.trace_decision") + " " + id,
                  std::move(data)};
}

Result<PageReply> ShowResponseTrace(const PageCall& call) {
  const std::string& rid = call.Param("rid");
  auto trace = app::ResponseTrace(call.ctx, call.who, rid);
  if (!trace.ok()) return trace.status();
  const json& r = (*trace)["response"];
  const std::string consultation = Str(r, "consultation"), agreement = Str(r, "agreement");
  json revisions = json::array();
  for (const auto& rev : (*trace)["revisions"]) {
    const json& receipt = rev["receipt"];
    revisions.push_back({{"revision", Num(rev, "revision")},
                         {"submitted", call.LocalTime(rev["submitted_at"], kSiteTimeZone)},
                         {"position", Num(receipt, "position")},
                         {"hash", Str(receipt, "hash")}});
  }
  json points = json::array();
  for (const auto& p : (*trace)["points"]) {
    json dispositions = json::array();
    for (const auto& d : p["dispositions"]) {
      dispositions.push_back({{"outcome", Str(d, "outcome")}, {"rationale", Str(d, "rationale")}});
    }
    json cited = json::array();
    for (const auto& c : p["cited_by"]) cited.push_back(c.is_string() ? c.get<std::string>() : "");
    points.push_back({{"n", Num(p, "n")},
                      {"text", Str(p, "text")},
                      {"dispositions", dispositions},
                      {"has_dispositions", !dispositions.empty()},
                      {"cited_by", cited}});
  }
  json changes = json::array();
  for (const auto& c : (*trace)["changes"]) {
    json versions = json::array();
    for (const auto& n : c["versions"]) {
      const std::string number = n.is_number() ? std::to_string(n.get<std::uint64_t>()) : "";
      versions.push_back({{"number", number}, {"href", AgreementAt(agreement, number)}});
    }
    changes.push_back({{"change", Str(c, "change")},
                       {"rationale", Str(c, "rationale")},
                       {"position", Num(c, "position")},
                       {"href", AgreementAt(agreement, "position:" + Num(c, "position"))},
                       {"versions", versions}});
  }
  json versions = json::array();
  for (const auto& v : (*trace)["versions"]) {
    versions.push_back({{"number", Num(v, "number")},
                        {"label", Str(v, "label")},
                        {"hash", Str(v, "hash")},
                        {"href", AgreementAt(agreement, Num(v, "number"))}});
  }
  json decisions = json::array();
  for (const auto& d : (*trace)["decisions"]) decisions.push_back(DecisionEntry(call, d));
  json data = {{"r",
                {{"id", rid},
                 {"party", Str(r, "party")},
                 {"late", r.value("late", false)},
                 {"withdrawn", r.value("withdrawn", false)},
                 {"href", ResponseHref(consultation, rid)},
                 {"receipt_href", ResponseHref(consultation, rid) + "/receipt"},
                 {"consultation_href", "/consultations/" + UrlEncode(consultation)},
                 {"agreement_href", "/agreements/" + UrlEncode(agreement)}}},
               {"revisions", revisions},
               {"points", points},
               {"changes", changes},
               {"has_changes", !changes.empty()},
               {"versions", versions},
               {"has_versions", !versions.empty()},
               {"decisions", decisions},
               {"has_decisions", !decisions.empty()}};
  return HtmlPage{"audit_trace_response", call.T("audit.trace_response") + " " + rid,
                  std::move(data)};
}

}  // namespace

void AddAuditTracePages(Pages& pages) {
  // The trace routes' roles; a stakeholder's own-party trace stays in the API.
  const app::Access readers = app::Only({Role::kAuditor, Role::kSecretariat, Role::kAdmin});
  pages.Add(verb::get, "/audit/trace/decisions/{id}", readers, ShowDecisionTrace);
  pages.Add(verb::get, "/audit/trace/responses/{rid}", readers, ShowResponseTrace);
}

}  // namespace hoering::web
