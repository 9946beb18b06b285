// hoering decision record|show|list|fulfil
//
// Routes: api.md "Decisions, ratification, obligations". Human output:
//   record: the recorded decision as "key: value" lines (id, body, meeting
//     date, the decided version with its text hash, outcome, position);
//   show: the same lines, then the conditions as a table (fulfilled, evidence)
//     and the recommendations;
//   list: a table;
//   fulfil: the recorded fulfilment as "key: value" lines.
// --json prints the raw JSON answer.
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "client/cli/commands.h"
#include "client/cli/format.h"
#include "client/cli/table.h"
#include "client/lib/target.h"
#include "domain/time.h"

namespace hoering::client {
namespace {

using nlohmann::json;

std::string DecisionPath(const std::string& id) {
  return Path({"v1", "decisions", id});
}

std::string Join(const json& array) {
  if (!array.is_array()) return Text(array);
  std::string out;
  for (const auto& item : array) out += (out.empty() ? "" : ", ") + Text(item);
  return out;
}

std::string YesNo(const json& j, std::string_view key) {
  return j.is_object() && j.value(std::string(key), false) ? "yes" : "no";
}

// `2 "final"` for a decision's subject.
std::string SubjectVersion(const json& subject) {
  std::string out = Text(subject, "version");
  if (!Text(subject, "label").empty()) out += " \"" + Text(subject, "label") + "\"";
  return out;
}

std::vector<std::pair<std::string, std::string>> DecisionFields(const json& d, bool full) {
  const json body = d.value("body", json::object());
  const json subject = d.value("subject", json::object());
  std::vector<std::pair<std::string, std::string>> f = {
      {"id", Text(d, "id")},
      {"body", Text(body, "name") + " (" + Text(body, "party") + ")"},
      {"meeting_date", Text(d, "meeting_date")},
      {"agreement", Text(subject, "agreement")},
      {"version", SubjectVersion(subject)},
      {"version_hash", Text(subject, "hash")},
      {"outcome", Text(d, "outcome")},
      {"final_for_party", YesNo(d, "final_for_party")}};
  if (!Text(d, "case_ref").empty()) f.emplace_back("case_ref", Text(d, "case_ref"));
  const json conditions = d.value("conditions", json::array());
  std::size_t open = 0;
  for (const auto& c : conditions) open += c.value("fulfilled", false) ? 0 : 1;
  f.emplace_back("conditions",
                 std::to_string(conditions.size()) + " (" + std::to_string(open) + " open)");
  if (full) {
    const json basis = d.value("basis", json::object());
    if (!Join(basis.value("consultations", json::array())).empty()) {
      f.emplace_back("basis_consultations", Join(basis["consultations"]));
    }
    if (!Join(basis.value("responses", json::array())).empty()) {
      f.emplace_back("basis_responses", Join(basis["responses"]));
    }
    if (!Join(d.value("absent", json::array())).empty()) {
      f.emplace_back("absent", Join(d["absent"]));
    }
    if (!Text(d, "note").empty()) f.emplace_back("note", OneLine(Text(d, "note")));
    if (!Text(d, "recorded_at").empty()) f.emplace_back("recorded_at", Text(d, "recorded_at"));
  }
  f.emplace_back("position", Text(d, "position"));
  if (!Text(d, "hash").empty()) f.emplace_back("hash", Text(d, "hash"));
  return f;
}

// --- record --------------------------------------------------------------------

struct RecordOptions {
  std::string id, file, body_name, party, meeting_date, agreement, version, outcome, case_ref, note,
      idempotency_key;
  bool final_for_party = false;
  std::vector<std::string> conditions, recommendations, absent, consultations, responses;
};

bool ReadText(const std::string& path, std::string& text) {
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  return !in.bad();
}

// The request body from --file, or from the flags. nullopt after a usage
// error (printed; `code` set).
std::optional<json> RecordBody(CliContext& ctx, const RecordOptions& o, int& code) {
  auto usage = [&](const std::string& message) {
    code = ctx.Usage(message);
    return std::nullopt;
  };
  if (!o.file.empty()) {
    std::string text;
    if (!ReadText(o.file, text)) return usage("cannot read " + o.file);
    json body = json::parse(text, nullptr, false);
    if (!body.is_object()) return usage(o.file + " must hold a JSON object (the decision)");
    if (!o.id.empty()) body["id"] = o.id;
    return body;
  }
  std::vector<std::string> missing;
  if (o.id.empty()) missing.push_back("<id>");
  const std::vector<std::pair<const char*, const std::string*>> required = {
      {"--body", &o.body_name},      {"--party", &o.party},     {"--meeting-date", &o.meeting_date},
      {"--agreement", &o.agreement}, {"--version", &o.version}, {"--outcome", &o.outcome}};
  for (const auto& [flag, value] : required) {
    if (value->empty()) missing.push_back(flag);
  }
  if (!missing.empty()) {
    std::string names;
    for (const auto& m : missing) names += (names.empty() ? "" : ", ") + m;
    return usage("give the decision with --file, or with the flags; missing: " + names);
  }
  if (!ParseDate(o.meeting_date)) {
    return usage("--meeting-date must be a date YYYY-MM-DD, not '" + o.meeting_date + "'");
  }
  json conditions = json::array();
  for (const auto& c : o.conditions) {
    const std::size_t second = c.rfind('|');
    const std::size_t first =
        second == std::string::npos || second == 0 ? std::string::npos : c.rfind('|', second - 1);
    if (first == std::string::npos || first == 0) {
      return usage("--condition takes \"text|party|YYYY-MM-DD\", not '" + c + "'");
    }
    const std::string due = c.substr(second + 1);
    if (!ParseDate(due)) return usage("--condition: '" + due + "' is not a date YYYY-MM-DD");
    conditions.push_back({{"text", c.substr(0, first)},
                          {"party", c.substr(first + 1, second - first - 1)},
                          {"due", due}});
  }
  // A version number is sent as a number, a label as a string.
  const json version = VersionSelectorJson(o.version);
  json body = {{"id", o.id},
               {"body", {{"name", o.body_name}, {"party", o.party}}},
               {"meeting_date", o.meeting_date},
               {"subject", {{"agreement", o.agreement}, {"version", version}}},
               {"outcome", o.outcome},
               {"final_for_party", o.final_for_party},
               {"conditions", conditions},
               {"recommendations", o.recommendations},
               {"basis", {{"consultations", o.consultations}, {"responses", o.responses}}},
               {"absent", o.absent}};
  if (!o.case_ref.empty()) body["case_ref"] = o.case_ref;
  if (!o.note.empty()) body["note"] = o.note;
  return body;
}

int Record(CliContext& ctx, const RecordOptions& o) {
  int code = kExitUsage;
  auto body = RecordBody(ctx, o, code);
  if (!body) return code;
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  CallOptions call;
  call.idempotency_key = o.idempotency_key;
  auto r = (*api)->Call(Verb::post, "/v1/decisions", *body, call);
  if (!r.ok()) return ctx.Fail(r.error());
  if (ctx.options().json) return ctx.PrintJson(r->body);
  RenderFields(ctx.out(), DecisionFields(r->body, /*full=*/false));
  return kExitOk;
}

// --- show / list / fulfil ------------------------------------------------------

int Show(CliContext& ctx, const std::string& id) {
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto r = (*api)->Call(Verb::get, DecisionPath(id));
  if (!r.ok()) return ctx.Fail(r.error());
  if (ctx.options().json) return ctx.PrintJson(r->body);
  const json& d = r->body;
  RenderFields(ctx.out(), DecisionFields(d, /*full=*/true));
  const json conditions = d.value("conditions", json::array());
  if (!conditions.empty()) {
    ctx.out() << "\nconditions:\n";
    Table t({"N", "PARTY", "DUE", "FULFILLED", "EVIDENCE", "TEXT"});
    t.SetAlign(0, Align::kRight);
    for (const auto& c : conditions) {
      std::string fulfilled = YesNo(c, "fulfilled");
      if (!Text(c, "fulfilled_at").empty()) fulfilled += " " + Text(c, "fulfilled_at");
      t.AddRow({Text(c, "n"), Text(c, "party"), Text(c, "due"), fulfilled, Text(c, "evidence"),
                Text(c, "text")});
    }
    t.Render(ctx.out());
  }
  const json recommendations = d.value("recommendations", json::array());
  if (!recommendations.empty()) {
    ctx.out() << "\nrecommendations:\n";
    for (const auto& text : recommendations) ctx.out() << "  - " << OneLine(Text(text)) << '\n';
  }
  return kExitOk;
}

int List(CliContext& ctx, const std::string& agreement) {
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto items = ListAllWhere(**api, "/v1/decisions", {{"agreement", agreement}});
  if (!items.ok()) return ctx.Fail(items.error());
  if (ctx.options().json) return ctx.PrintJson(*items);
  Table t(
      {"ID", "BODY", "PARTY", "MEETING", "AGREEMENT", "VERSION", "OUTCOME", "FINAL", "CONDITIONS"});
  for (const auto& d : *items) {
    const json body = d.value("body", json::object());
    const json subject = d.value("subject", json::object());
    const json conditions = d.value("conditions", json::array());
    std::size_t open = 0;
    for (const auto& c : conditions) open += c.value("fulfilled", false) ? 0 : 1;
    t.AddRow({Text(d, "id"), Text(body, "name"), Text(body, "party"), Text(d, "meeting_date"),
              Text(subject, "agreement"), SubjectVersion(subject), Text(d, "outcome"),
              YesNo(d, "final_for_party"),
              conditions.empty()
                  ? ""
                  : std::to_string(open) + "/" + std::to_string(conditions.size()) + " open"});
  }
  t.Render(ctx.out());
  return kExitOk;
}

struct FulfilOptions {
  std::string id, evidence, idempotency_key;
  unsigned n = 0;
};

int Fulfil(CliContext& ctx, const FulfilOptions& o) {
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  CallOptions call;
  call.idempotency_key = o.idempotency_key;
  auto r = (*api)->Call(
      Verb::post, Path({"v1", "decisions", o.id, "conditions", std::to_string(o.n), "fulfil"}),
      json{{"evidence", o.evidence}}, call);
  if (!r.ok()) return ctx.Fail(r.error());
  if (ctx.options().json) return ctx.PrintJson(r->body);
  RenderFields(ctx.out(), Fields(r->body, {"decision", "condition", "evidence", "position"}));
  return kExitOk;
}

}  // namespace

void AddDecisionCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group = AddGroup(app, "decision", "Record political decisions and their conditions");
  group->alias("decisions");

  auto rec = std::make_shared<RecordOptions>();
  CLI::App* r = AddLeaf(*group, "record", "Record a decision (from --file or from flags)", ctx,
                        [&ctx, rec] { return Record(ctx, *rec); });
  r->add_option("id", rec->id, "Decision id, e.g. ssu-2023-09-29 (with --file: overrides)");
  CLI::Option* file = r->add_option("--file", rec->file,
                                    "JSON file holding the POST /v1/decisions body ('-' = stdin)");
  std::vector<CLI::Option*> flags = {
      r->add_option("--body", rec->body_name, "The deciding body, e.g. \"Regionsrådet\""),
      r->add_option("--party", rec->party, "The party the body belongs to"),
      r->add_option("--meeting-date", rec->meeting_date, "Meeting date YYYY-MM-DD"),
      r->add_option("--agreement", rec->agreement, "Agreement id"),
      r->add_option("--version", rec->version, "Decided version: number or label"),
      r->add_option("--outcome", rec->outcome,
                    "approved | approved_with_conditions | rejected | postponed | noted")
          ->check(CLI::IsMember(
              {"approved", "approved_with_conditions", "rejected", "postponed", "noted"})),
      r->add_flag("--final", rec->final_for_party,
                  "The party's final word on the version (counts towards ratification); without it "
                  "the decision is sent with final_for_party: false"),
      r->add_option("--condition", rec->conditions,
                    "A condition \"text|party|YYYY-MM-DD\" (repeatable)")
          ->allow_extra_args(false),
      r->add_option("--recommendation", rec->recommendations, "A recommendation (repeatable)")
          ->allow_extra_args(false),
      r->add_option("--absent", rec->absent, "A member absent from the meeting (repeatable)")
          ->allow_extra_args(false),
      r->add_option("--basis-consultation", rec->consultations,
                    "A consultation decided on (repeatable)")
          ->allow_extra_args(false),
      r->add_option("--basis-response", rec->responses, "A response decided on (repeatable)")
          ->allow_extra_args(false),
      r->add_option("--case-ref", rec->case_ref, "The body's case reference"),
      r->add_option("--note", rec->note, "A note")};
  for (CLI::Option* flag : flags) file->excludes(flag);
  r->add_option("--idempotency-key", rec->idempotency_key, "Idempotency-Key for safe retries");

  auto show_id = std::make_shared<std::string>();
  CLI::App* s = AddLeaf(*group, "show", "A decision with its conditions (fulfilled, evidence)", ctx,
                        [&ctx, show_id] { return Show(ctx, *show_id); });
  s->add_option("id", *show_id, "Decision id")->required();

  auto agreement = std::make_shared<std::string>();
  CLI::App* l = AddLeaf(*group, "list", "List decisions", ctx,
                        [&ctx, agreement] { return List(ctx, *agreement); });
  l->add_option("--agreement", *agreement, "Only those on this agreement");

  auto fulfil = std::make_shared<FulfilOptions>();
  CLI::App* f = AddLeaf(*group, "fulfil", "Record that a condition was fulfilled", ctx,
                        [&ctx, fulfil] { return Fulfil(ctx, *fulfil); });
  f->alias("fulfill");
  f->add_option("id", fulfil->id, "Decision id")->required();
  f->add_option("n", fulfil->n, "Condition number (from 1)")
      ->required()
      ->check(CLI::Range(1u, 10000u));
  f->add_option("--evidence", fulfil->evidence, "What shows it was fulfilled")->required();
  f->add_option("--idempotency-key", fulfil->idempotency_key, "Idempotency-Key for safe retries");
}

}  // namespace hoering::client
