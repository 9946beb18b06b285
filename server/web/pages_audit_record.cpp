// The record as of a position or time (auditors, the secretariat, admin; as
// GET /v1/consultations/{id}/responses?at=, issue 15):
//   GET /audit/record?consultation=<id>&at=position:<n>|time:<RFC 3339>
//       (or the form's own fields: position=<n>, or date=YYYY-MM-DD and
//       time=HH:MM in the site's time zone)
//   the consultation's responses (party, revision, points) and their
//   dispositions as they stood then, 50 a page, with links to the agreement
//   text as it stood then and to the version published last before it.
// Without a consultation the page is the form. A bad or unknown selector or
// consultation answers the form again with the message at its field and
// the input kept (400, 404 or 422 as the query answered).
#include "domain/decimal.h"
#include "server/app/agreement_access.h"
#include "server/app/response_queries.h"
#include "server/web/local_time.h"
#include "server/web/pages_audit.h"
#include "server/web/pages_manage.h"

namespace hoering::web {
namespace {

using access::Role;
using boost::beast::http::status;
using boost::beast::http::verb;
using nlohmann::json;

constexpr std::size_t kPageSize = 50;

struct Form {
  std::string consultation, at, position, date, time, after;
};

struct FieldError {
  std::string field, message;
  status code = status::bad_request;
};

std::string Str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

// The selector the form asks for: `at` as given, else the position, else the
// local date and time. An error names the field to show it at.
Result<std::string> SelectorOf(const PageCall& call, const Form& f, FieldError& error) {
  if (!f.at.empty()) return f.at;
  if (!f.position.empty()) {
    if (!ParseDecimal<std::uint64_t>(f.position)) {
      error = {"position", call.T("audit.record_bad_position")};
      return InvalidArgument("bad position");
    }
    return "position:" + f.position;
  }
  if (!f.date.empty()) {
    auto t = manage::FromLocalInput(f.date, f.time.empty() ? "23:59" : f.time, kSiteTimeZone);
    if (!t.ok()) {
      error = {"date", call.T("audit.record_bad_time"), status::bad_request};
      return t.status();
    }
    return "time:" + FormatRfc3339Ms(*t);
  }
  error = {"position", call.T("audit.record_need_at"), status::unprocessable_entity};
  return InvalidArgument("no selector");
}

// The field and message of a query's refusal.
FieldError ErrorOf(const PageCall& call, const Status& s, bool by_position) {
  if (s.type() == "consultation-not-found") {
    return {"consultation", call.T("audit.record_no_consultation"), status::not_found};
  }
  if (s.type() == "position-not-found") {
    return {"position", call.T("audit.record_beyond_head"), status::not_found};
  }
  return {by_position ? "position" : "date", call.T("audit.record_bad_at"), status::bad_request};
}

json PointsOf(const json& points) {
  json out = json::array();
  for (const auto& p : points) {
    json entry = {{"n", p.value("n", 0)}, {"text", Str(p, "text")}};
    const json& d = p.contains("disposition") ? p["disposition"] : json();
    if (d.is_object()) {
      entry["disposition"] = {{"outcome", Str(d, "outcome")}, {"rationale", Str(d, "rationale")}};
    }
    out.push_back(std::move(entry));
  }
  return out;
}

json ResponsesOf(const json& items) {
  json out = json::array();
  for (const auto& r : items) {
    out.push_back({{"id", Str(r, "id")},
                   {"party", Str(r, "party")},
                   {"revision", r.value("revision", 0)},
                   {"late", r.value("late", false)},
                   {"withdrawn", r.value("withdrawn", false)},
                   {"trace_href", "/audit/trace/responses/" + UrlEncode(Str(r, "id"))},
                   {"points", PointsOf(r["points"])}});
  }
  return out;
}

// The agreement links: the text as it stood at the position, and the
// version published last at or before it.
json AgreementLinks(const PageCall& call, const std::string& agreement, const app::AsOf& as_of) {
  const std::string base = "/agreements/" + UrlEncode(agreement);
  json out = {{"id", agreement}, {"text_href", base + "?at=" + UrlEncode(as_of.at)}};
  auto state = app::LoadAgreement(call.ctx, agreement);
  if (!state.ok()) return out;
  for (const auto& v : (*state)->versions()) {
    if (v.position > as_of.position) break;
    out["version"] = {{"number", v.number},
                      {"label", v.label},
                      {"href", base + "?at=" + std::to_string(v.number)}};
  }
  return out;
}

HtmlPage FormPage(const PageCall& call, const Form& f, json data) {
  data["form"] = {{"consultation", f.consultation},
                  {"position", f.position},
                  {"date", f.date},
                  {"time", f.time}};
  return HtmlPage{"audit_record", call.T("audit.record_title"), std::move(data)};
}

HtmlPage ErrorPage(const PageCall& call, const Form& f, const FieldError& e) {
  json data = {{"has_errors", true},
               {"errors", {{{"field", e.field}, {"message", e.message}}}},
               {e.field + "_error", e.message}};
  HtmlPage page = FormPage(call, f, std::move(data));
  page.status = e.code;
  return page;
}

// The record of `f.consultation` as of `at`.
Result<HtmlPage> RecordPage(const PageCall& call, const Form& f, const app::AsOf& at) {
  auto consultation = app::ConsultationAsOf(call.ctx, f.consultation, at);
  if (!consultation.ok()) return ErrorPage(call, f, ErrorOf(call, consultation.status(), false));
  auto page = app::ResponsesPage(call.ctx, call.who, {f.consultation, f.after, kPageSize, "", at});
  if (!page.ok()) return page.status();
  const auto& info = (*consultation)->info();
  json data = {{"record",
                {{"consultation", f.consultation},
                 {"title", info.title},
                 {"consultation_href", "/consultations/" + UrlEncode(f.consultation)},
                 {"position", at.position},
                 {"at", at.at},
                 {"when", FormatLocalDateTime(at.now, kSiteTimeZone, call.lang)},
                 {"phase", call.T("audit.phase_" +
                                  consultations::PhaseName((*consultation)->PhaseAt(at.now)))},
                 {"agreement", AgreementLinks(call, info.agreement, at)},
                 {"responses", ResponsesOf(page->items)},
                 {"has_responses", !page->items.empty()}}}};
  if (page->next) {
    data["record"]["next_href"] = "/audit/record?consultation=" + UrlEncode(f.consultation) +
                                  "&at=" + UrlEncode(at.at) + "&after=" + UrlEncode(*page->next);
  }
  return FormPage(call, f, std::move(data));
}

Result<PageReply> ShowRecord(const PageCall& call) {
  Form f;
  const std::pair<const char*, std::string*> fields[] = {{"consultation", &f.consultation},
                                                         {"at", &f.at},
                                                         {"position", &f.position},
                                                         {"date", &f.date},
                                                         {"time", &f.time},
                                                         {"after", &f.after}};
  for (const auto& [name, field] : fields) *field = call.Query(name).value_or("");
  if (f.consultation.empty()) {
    if (f.at.empty() && f.position.empty() && f.date.empty()) return FormPage(call, f, {});
    return ErrorPage(
        call, f,
        {"consultation", call.T("audit.record_need_consultation"), status::unprocessable_entity});
  }
  FieldError error;
  auto selector = SelectorOf(call, f, error);
  if (!selector.ok()) return ErrorPage(call, f, error);
  const bool by_position = selector->rfind("position:", 0) == 0;
  if (by_position && f.position.empty()) f.position = selector->substr(9);
  auto as_of = app::ParseAsOf(call.ctx, *selector);
  if (!as_of.ok()) return ErrorPage(call, f, ErrorOf(call, as_of.status(), by_position));
  if (!*as_of) return ErrorPage(call, f, ErrorOf(call, Status(), by_position));
  // Every response shown is folded from the log: off the I/O threads.
  return BlockingPage{[f, at = **as_of](const PageCall& call) -> Result<HtmlPage> {
    return RecordPage(call, f, at);
  }};
}

}  // namespace

void AddAuditRecordPages(Pages& pages) {
  pages.Add(verb::get, "/audit/record",
            app::Only({Role::kAuditor, Role::kSecretariat, Role::kAdmin}), ShowRecord);
}

}  // namespace hoering::web
