// Recording a decision of a political body (issue 15):
//   GET  /manage/decisions/new[?agreement=]   the form (editors: admin, secretariat)
//   POST /manage/decisions/new                record it, then 303 to /decisions/{id}
// The fields are those of POST /v1/decisions (api.md); the form is turned
// into the API's JSON body and parsed by the API's parser
// (decisions::ParseRecordDecision) and decided by the API's command
// (app::DecideRecordDecision), so no rule is written twice. The page first
// checks what a reader can leave out or mistype (required fields, dates) to
// name the field in the reader's language; whatever the parser or the
// decision refuses is shown at the field it names, with the input kept and
// nothing written.
// Conditions and recommendations are rows (3 of each to begin with); the
// "add another row" buttons re-render the form with one more row (up to
// kMaxRows), keeping the input, without JavaScript.
#include <algorithm>

#include "domain/decimal.h"
#include "domain/decisions/decision_decide.h"
#include "domain/time.h"
#include "server/app/decision_commands.h"
#include "server/app/read_views.h"
#include "server/http/problem.h"
#include "server/web/pages.h"
#include "server/web/pages_decisions.h"

namespace hoering::web {
namespace {

namespace dc = decisions;
using boost::beast::http::status;
using boost::beast::http::verb;
using nlohmann::json;

constexpr std::size_t kStartRows = 3;
constexpr std::size_t kMaxRows = 20;
constexpr const char* kOutcomes[] = {"approved", "approved_with_conditions", "rejected",
                                     "postponed", "noted"};

std::string Trimmed(const std::optional<std::string>& s) {
  if (!s) return "";
  const auto b = s->find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s->substr(b, s->find_last_not_of(" \t\r\n") - b + 1);
}

// Identifiers separated by commas, spaces or new lines.
std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : s + " ") {
    if (ch == ',' || ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += ch;
    }
  }
  return out;
}

// Non-blank lines.
std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at <= s.size()) {
    std::size_t end = s.find('\n', at);
    if (end == std::string::npos) end = s.size();
    const std::string line = Trimmed(s.substr(at, end - at));
    if (!line.empty()) out.push_back(line);
    at = end + 1;
  }
  return out;
}

std::size_t RowCount(const PageCall& call, const char* field, bool add) {
  const auto n = ParseDecimal<std::size_t>(call.Field(field).value_or(""));
  std::size_t rows = n ? std::clamp<std::size_t>(*n, 1, kMaxRows) : kStartRows;
  return add ? std::min(rows + 1, kMaxRows) : rows;
}

// The form's values as the template shows them, and its errors.
struct Form {
  json values = json::object();
  json errors = json::array();
  void Error(const std::string& field, const std::string& message) {
    if (!values.contains(field + "_error")) {
      values[field + "_error"] = message;
      errors.push_back({{"field", field}, {"message", message}});
    }
  }
};

json PartyOptions(const PageCall& call, const std::string& selected) {
  json out = json::array();
  for (const auto& p :
       call.ctx.views.Read([](const app::Views& v) { return v.parties.List("", 1000); })) {
    out.push_back({{"id", p.id}, {"name", p.name}, {"selected", p.id == selected}});
  }
  return out;
}

json AgreementOptions(const PageCall& call, const std::string& selected) {
  json out = json::array();
  for (const auto& a :
       call.ctx.views.Read([](const app::Views& v) { return v.agreements.List("", 1000); })) {
    const std::string& id = a->info().id;
    out.push_back({{"id", id}, {"title", a->info().title}, {"selected", id == selected}});
  }
  return out;
}

// Reads the posted (or, for GET, empty) form into the template's values and
// the API's JSON body, checking what the reader can miss.
json ReadForm(const PageCall& call, Form& form, bool check) {
  auto field = [&](const char* name) {
    const std::string v = Trimmed(call.Field(name));
    form.values[name] = v;
    return v;
  };
  auto required = [&](const char* name, const std::string& v) {
    if (check && v.empty()) form.Error(name, call.T(std::string("decisions.required.") + name));
  };
  auto date = [&](const std::string& name, const std::string& v) {
    if (check && !v.empty() && !ParseDate(v)) form.Error(name, call.T("decisions.bad_date"));
  };
  const std::string add = call.Field("add").value_or("");
  json body = json::object();
  const std::string id = field("id");
  required("id", id);
  body["id"] = id;
  const std::string agreement = field("agreement");
  required("agreement", agreement);
  const std::string version = field("version");
  required("version", version);
  const auto number = ParseDecimal<std::uint32_t>(version);
  body["subject"] = {{"agreement", agreement},
                     {"version", number && *number > 0 ? json(*number) : json(version)}};
  const std::string body_name = field("body_name");
  required("body_name", body_name);
  const std::string body_party = field("body_party");
  required("body_party", body_party);
  body["body"] = {{"name", body_name}, {"party", body_party}};
  const std::string meeting_date = field("meeting_date");
  required("meeting_date", meeting_date);
  date("meeting_date", meeting_date);
  body["meeting_date"] = meeting_date;
  if (const std::string c = field("case_ref"); !c.empty()) body["case_ref"] = c;
  const std::string outcome = field("outcome");
  required("outcome", outcome);
  body["outcome"] = outcome;
  const std::string final_for_party = field("final_for_party");
  required("final_for_party", final_for_party);
  body["final_for_party"] = final_for_party == "yes";
  if (final_for_party.empty()) body["final_for_party"] = nullptr;

  const std::size_t condition_rows = RowCount(call, "conditions", add == "condition");
  json conditions = json::array(), condition_rows_data = json::array();
  for (std::size_t i = 1; i <= condition_rows; ++i) {
    const std::string n = std::to_string(i);
    const std::string text = Trimmed(call.Field("condition_text_" + n));
    const std::string party = Trimmed(call.Field("condition_party_" + n));
    const std::string due = Trimmed(call.Field("condition_due_" + n));
    json row = {{"n", i}, {"text", text}, {"due", due}, {"parties", PartyOptions(call, party)}};
    if (!text.empty() || !party.empty() || !due.empty()) {
      if (check && text.empty())
        form.Error("condition_text_" + n, call.T("decisions.condition_text"));
      if (check && party.empty())
        form.Error("condition_party_" + n, call.T("decisions.condition_party"));
      if (check && due.empty()) form.Error("condition_due_" + n, call.T("decisions.condition_due"));
      date("condition_due_" + n, due);
      conditions.push_back({{"text", text}, {"party", party}, {"due", due}});
    }
    for (const char* part : {"text", "party", "due"}) {
      const std::string key = std::string("condition_") + part + "_" + n + "_error";
      if (form.values.contains(key)) row[std::string(part) + "_error"] = form.values[key];
    }
    condition_rows_data.push_back(std::move(row));
  }
  body["conditions"] = conditions;
  form.values["conditions"] = condition_rows;
  form.values["condition_rows"] = std::move(condition_rows_data);

  const std::size_t recommendation_rows =
      RowCount(call, "recommendations", add == "recommendation");
  json recommendations = json::array(), recommendation_rows_data = json::array();
  for (std::size_t i = 1; i <= recommendation_rows; ++i) {
    const std::string text = Trimmed(call.Field("recommendation_" + std::to_string(i)));
    if (!text.empty()) recommendations.push_back(text);
    recommendation_rows_data.push_back({{"n", i}, {"text", text}});
    if (i == 1) recommendation_rows_data.back()["error"] = "";
  }
  body["recommendations"] = recommendations;
  form.values["recommendations"] = recommendation_rows;
  form.values["recommendation_rows"] = std::move(recommendation_rows_data);

  body["basis"] = {{"consultations", Words(field("basis_consultations"))},
                   {"responses", Words(field("basis_responses"))}};
  body["absent"] = Lines(field("absent"));
  if (const std::string note = field("note"); !note.empty()) body["note"] = note;
  return body;
}

// The field a refusal of the API's parser or decision is about.
std::string FieldOf(const Status& s) {
  const std::string& t = s.type();
  const std::string& d = s.detail();
  if (t == "decision-exists" || t == "invalid-id") return "id";
  if (t == "unknown-agreement") return "agreement";
  if (t == "version-not-published") return "version";
  if (t == "unknown-consultation") return "basis_consultations";
  if (t == "unknown-response") return "basis_responses";
  if (t == "unknown-party") return "body_party";
  for (const auto& [needle, field] : std::initializer_list<std::pair<const char*, const char*>>{
           {"body.name", "body_name"},
           {"meeting_date", "meeting_date"},
           {"case_ref", "case_ref"},
           {"subject", "version"},
           {"outcome", "outcome"},
           {"condition", "condition_text_1"},
           {"recommendation", "recommendation_1"},
           {"basis", "basis_consultations"},
           {"absent", "absent"},
           {"note", "note"}}) {
    if (d.find(needle) != std::string::npos) return field;
  }
  return "id";
}

HtmlPage FormPage(const PageCall& call, Form form, status code) {
  json data = form.values;
  data["agreements"] = AgreementOptions(call, form.values.value("agreement", ""));
  data["parties"] = PartyOptions(call, form.values.value("body_party", ""));
  json outcomes = json::array();
  for (const char* o : kOutcomes) {
    outcomes.push_back({{"value", o},
                        {"label", call.T(std::string("decisions.outcome.") + o)},
                        {"selected", form.values.value("outcome", "") == o}});
  }
  data["outcomes"] = std::move(outcomes);
  // The parser names no recommendation's row: its refusal is shown at the first.
  if (data.contains("recommendation_1_error") && !data["recommendation_rows"].empty()) {
    data["recommendation_rows"][0]["error"] = data["recommendation_1_error"];
  }
  const std::string final_for_party = form.values.value("final_for_party", "");
  data["final_yes"] = final_for_party == "yes";
  data["final_no"] = final_for_party == "no";
  if (!form.errors.empty()) {
    data["has_errors"] = true;
    data["errors"] = form.errors;
  }
  return HtmlPage{"decision_new", call.T("decisions.new_title"), std::move(data), code};
}

Result<PageReply> ShowForm(const PageCall& call) {
  Form form;
  ReadForm(call, form, false);
  form.values["id"] = "decision-" + std::to_string(call.Now());
  form.values["agreement"] = Trimmed(call.Query("agreement"));
  return PageReply(FormPage(call, std::move(form), status::ok));
}

Result<PageReply> Record(const PageCall& call) {
  Form form;
  const bool adding = call.Field("add").has_value();
  json body = ReadForm(call, form, !adding);
  if (adding) return PageReply(FormPage(call, std::move(form), status::ok));
  if (!form.errors.empty()) {
    return PageReply(FormPage(call, std::move(form), status::unprocessable_entity));
  }
  auto cmd = dc::ParseRecordDecision(body);
  if (!cmd.ok()) {
    form.Error(FieldOf(cmd.status()), cmd.status().detail());
    return PageReply(FormPage(call, std::move(form), status::bad_request));
  }
  commands::CommandMeta meta;
  meta.actor = call.who.actor();
  return LaterPage{
      [meta, cmd = std::move(cmd).value(), form](const PageCall& later, PageDone done) mutable {
        const std::string id = cmd.decision.id;
        later.ctx.commands.Execute(
            meta, app::DecideRecordDecision(later.ctx, std::move(cmd)),
            [&later, id, form, done](Result<commands::Written> written) mutable {
              if (written.ok()) return done(PageReply(Redirect{DecisionHref(id), {}}));
              const Status& s = written.status();
              if (s.code() != Code::kInvalidArgument && s.code() != Code::kUnprocessable &&
                  s.code() != Code::kAlreadyExists) {
                return done(s);
              }
              form.Error(FieldOf(s), s.detail());
              done(PageReply(FormPage(later, std::move(form),
                                      static_cast<status>(http::HttpStatusFor(s.code())))));
            });
      }};
}

}  // namespace

void AddDecisionFormPages(Pages& pages) {
  pages.Add(verb::get, "/manage/decisions/new", app::Editors(), ShowForm);
  pages.Add(verb::post, "/manage/decisions/new", app::Editors(), Record);
}

}  // namespace hoering::web
