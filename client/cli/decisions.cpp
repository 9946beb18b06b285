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
#include <memory>

#include "client/cli/answer.h"
#include "client/cli/commands.h"
#include "client/cli/files.h"
#include "client/cli/format.h"
#include "client/cli/table.h"
#include "client/cli/write_options.h"
#include "domain/time.h"

namespace hoering::client {
namespace {

using nlohmann::json;

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
    if (!JoinText(basis.value("consultations", json::array())).empty()) {
      f.emplace_back("basis_consultations", JoinText(basis["consultations"]));
    }
    if (!JoinText(basis.value("responses", json::array())).empty()) {
      f.emplace_back("basis_responses", JoinText(basis["responses"]));
    }
    if (!JoinText(d.value("absent", json::array())).empty()) {
      f.emplace_back("absent", JoinText(d["absent"]));
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
  std::string file;
  DecisionInput decision;               // from the flags
  std::vector<std::string> conditions;  // "text|party|YYYY-MM-DD"
  WriteOptions write;
};

// The decision from the flags. nullopt after a usage error (printed; `code`
// set).
std::optional<DecisionInput> DecisionFromFlags(CliContext& ctx, const RecordOptions& r, int& code) {
  auto usage = [&](const std::string& message) {
    code = ctx.Usage(message);
    return std::nullopt;
  };
  const DecisionInput& o = r.decision;
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
  DecisionInput decision = o;
  for (const auto& c : r.conditions) {
    const std::size_t second = c.rfind('|');
    const std::size_t first =
        second == std::string::npos || second == 0 ? std::string::npos : c.rfind('|', second - 1);
    if (first == std::string::npos || first == 0) {
      return usage("--condition takes \"text|party|YYYY-MM-DD\", not '" + c + "'");
    }
    const std::string due = c.substr(second + 1);
    if (!ParseDate(due)) return usage("--condition: '" + due + "' is not a date YYYY-MM-DD");
    decision.conditions.push_back(
        {c.substr(0, first), c.substr(first + 1, second - first - 1), due});
  }
  return decision;
}

int Record(CliContext& ctx, const RecordOptions& o) {
  int code = kExitUsage;
  std::optional<json> document;  // from --file
  std::optional<DecisionInput> decision;
  if (!o.file.empty()) {
    std::string error;
    document = ReadJsonObjectInput(o.file, "(the decision)", error);
    if (!document) return ctx.Usage(error);
  } else if (decision = DecisionFromFlags(ctx, o, code); !decision) {
    return code;
  }
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  const CallOptions call = ToCallOptions(o.write);
  // With --file, <id> (when given) replaces the document's id.
  auto r = document ? (*api)->RecordDecision(std::move(*document), o.decision.id, call)
                    : (*api)->RecordDecision(*decision, call);
  if (!r.ok()) return ctx.Fail(r.error());
  if (ctx.options().json) return ctx.PrintJson(r->body);
  RenderFields(ctx.out(), DecisionFields(r->body, /*full=*/false));
  return kExitOk;
}

// --- show / list / fulfil ------------------------------------------------------

int ShowDecision(CliContext& ctx, const std::string& id) {
  return Answer(
      ctx, [&](Api& api) { return api.GetDecision(id); },
      [&](const ApiResult& r) {
        const json& d = r.body;
        RenderFields(ctx.out(), DecisionFields(d, /*full=*/true));
        const json conditions = d.value("conditions", json::array());
        if (!conditions.empty()) {
          ctx.out() << "\nconditions:\n";
          Table t({"N", "PARTY", "DUE", "FULFILLED", "EVIDENCE", "TEXT"});
          t.SetAlign(0, Align::kRight);
          for (const auto& c : conditions) {
            std::string fulfilled = YesNo(c, "fulfilled");
            if (!Text(c, "fulfilled_at").empty()) fulfilled += " " + Text(c, "fulfilled_at");
            t.AddRow({Text(c, "n"), Text(c, "party"), Text(c, "due"), fulfilled,
                      Text(c, "evidence"), Text(c, "text")});
          }
          t.Render(ctx.out());
        }
        const json recommendations = d.value("recommendations", json::array());
        if (!recommendations.empty()) {
          ctx.out() << "\nrecommendations:\n";
          for (const auto& text : recommendations)
            ctx.out() << "  - " << OneLine(Text(text)) << '\n';
        }
        return kExitOk;
      });
}

int ListDecisions(CliContext& ctx, const std::string& agreement) {
  return Answer(
      ctx, [&](Api& api) { return api.ListDecisions(agreement); },
      [&](const std::vector<nlohmann::json>& items) {
        Table t({"ID", "BODY", "PARTY", "MEETING", "AGREEMENT", "VERSION", "OUTCOME", "FINAL",
                 "CONDITIONS"});
        for (const auto& d : items) {
          const json body = d.value("body", json::object());
          const json subject = d.value("subject", json::object());
          const json conditions = d.value("conditions", json::array());
          std::size_t open = 0;
          for (const auto& c : conditions) open += c.value("fulfilled", false) ? 0 : 1;
          t.AddRow({Text(d, "id"), Text(body, "name"), Text(body, "party"), Text(d, "meeting_date"),
                    Text(subject, "agreement"), SubjectVersion(subject), Text(d, "outcome"),
                    YesNo(d, "final_for_party"),
                    conditions.empty() ? ""
                                       : std::to_string(open) + "/" +
                                             std::to_string(conditions.size()) + " open"});
        }
        t.Render(ctx.out());
        return kExitOk;
      });
}

struct FulfilOptions {
  std::string id, evidence;
  unsigned n = 0;
  WriteOptions write;
};

int Fulfil(CliContext& ctx, const FulfilOptions& o) {
  return Answer(
      ctx,
      [&](Api& api) { return api.FulfilCondition(o.id, o.n, o.evidence, ToCallOptions(o.write)); },
      PrintFields(ctx, {"decision", "condition", "evidence", "position"}));
}

}  // namespace

void AddDecisionCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group = AddGroup(app, "decision", "Record political decisions and their conditions");
  group->alias("decisions");

  auto [r, rec] = AddLeafWith<RecordOptions>(
      *group, "record", "Record a decision (from --file or from flags)", ctx, Record);
  DecisionInput& d = rec->decision;
  r->add_option("id", d.id, "Decision id, e.g. ssu-2023-09-29 (with --file: overrides)");
  CLI::Option* file = r->add_option("--file", rec->file,
                                    "JSON file holding the POST /v1/decisions body ('-' = stdin)");
  std::vector<CLI::Option*> flags = {
      r->add_option("--body", d.body_name, "The deciding body, e.g. \"Regionsrådet\""),
      r->add_option("--party", d.party, "The party the body belongs to"),
      r->add_option("--meeting-date", d.meeting_date, "Meeting date YYYY-MM-DD"),
      r->add_option("--agreement", d.agreement, "Agreement id"),
      r->add_option("--version", d.version, "Decided version: number or label"),
      r->add_option("--outcome", d.outcome,
                    "approved | approved_with_conditions | rejected | postponed | noted")
          ->check(CLI::IsMember(
              {"approved", "approved_with_conditions", "rejected", "postponed", "noted"})),
      r->add_flag("--final", d.final_for_party,
                  "The party's final word on the version (counts towards ratification); without it "
                  "the decision is sent with final_for_party: false"),
      r->add_option("--condition", rec->conditions,
                    "A condition \"text|party|YYYY-MM-DD\" (repeatable)")
          ->allow_extra_args(false),
      r->add_option("--recommendation", d.recommendations, "A recommendation (repeatable)")
          ->allow_extra_args(false),
      r->add_option("--absent", d.absent, "A member absent from the meeting (repeatable)")
          ->allow_extra_args(false),
      r->add_option("--basis-consultation", d.basis_consultations,
                    "A consultation decided on (repeatable)")
          ->allow_extra_args(false),
      r->add_option("--basis-response", d.basis_responses, "A response decided on (repeatable)")
          ->allow_extra_args(false),
      r->add_option("--case-ref", d.case_ref, "The body's case reference"),
      r->add_option("--note", d.note, "A note")};
  for (CLI::Option* flag : flags) file->excludes(flag);
  AddWriteOptions(r, rec->write);

  AddLeafOf(*group, "show", "A decision with its conditions (fulfilled, evidence)", ctx, "id",
            "Decision id", ShowDecision);

  AddLeafOf(*group, "list", "List decisions", ctx, "--agreement", "Only those on this agreement",
            ListDecisions);

  auto [f, fulfil] = AddLeafWith<FulfilOptions>(
      *group, "fulfil", "Record that a condition was fulfilled", ctx, Fulfil);
  f->alias("fulfill");
  f->add_option("id", fulfil->id, "Decision id")->required();
  f->add_option("n", fulfil->n, "Condition number (from 1)")
      ->required()
      ->check(CLI::Range(1u, 10000u));
  f->add_option("--evidence", fulfil->evidence, "What shows it was fulfilled")->required();
  AddWriteOptions(f, fulfil->write);
}

}  // namespace hoering::client
