#include "domain/agreements/agreement_decide.h"

#include <algorithm>
#include <set>

#include "domain/agreements/apply_ops.h"
#include "domain/agreements/body_condition.h"
#include "domain/agreements/markdown_import.h"
#include "domain/agreements/text_json.h"
#include "domain/consultations/json_fields.h"
#include "domain/ids.h"
#include "domain/time.h"

namespace hoering::agreements {
namespace {

using consultations::FieldError;
using consultations::OptString;
using nlohmann::json;

Status NotCreated(const AgreementState& s) {
  return NotFound("the agreement does not exist", "agreement-not-found");
}

}  // namespace

Result<CreateAgreement> ParseCreateAgreement(const json& body) {
  if (!body.is_object()) return FieldError("the body must be a JSON object");
  CreateAgreement c;
  std::optional<std::string> id, title;
  if (Status s = OptString(body, "id", id); !s.ok()) return s;
  if (Status s = OptString(body, "title", title); !s.ok()) return s;
  if (Status s = OptString(body, "subtitle", c.subtitle); !s.ok()) return s;
  c.id = id.value_or("");
  if (Status s = ValidateId(c.id, "agreement id"); !s.ok()) return s;
  if (Status s = ValidateText(title.value_or(""), "title", kMaxTitleBytes); !s.ok()) return s;
  c.title = *title;
  if (c.subtitle) {
    if (Status s = ValidateText(*c.subtitle, "subtitle", kMaxTitleBytes); !s.ok()) return s;
  }
  if (auto term = body.find("term"); term != body.end() && !term->is_null()) {
    if (!term->is_object()) {
      return FieldError("'term' must be an object {entry_into_force?, years?}");
    }
    if (Status s = OptString(*term, "entry_into_force", c.term.entry_into_force); !s.ok()) return s;
    if (c.term.entry_into_force && !ParseDate(*c.term.entry_into_force)) {
      return FieldError("'term.entry_into_force' must be a date YYYY-MM-DD");
    }
    if (auto years = term->find("years"); years != term->end() && !years->is_null()) {
      if (!years->is_number_integer() || years->get<std::int64_t>() < 1 ||
          years->get<std::int64_t>() > 50) {
        return FieldError("'term.years' must be a whole number from 1 to 50");
      }
      c.term.years = years->get<std::uint32_t>();
    }
  }
  if (auto parties = body.find("parties"); parties != body.end() && !parties->is_null()) {
    if (!parties->is_array()) return FieldError("'parties' must be an array of party ids");
    std::set<std::string> seen;
    for (const auto& p : *parties) {
      if (!p.is_string()) return FieldError("'parties' must be an array of party ids");
      std::string party = p.get<std::string>();
      if (Status s = ValidateId(party, "party id"); !s.ok()) return s;
      if (!seen.insert(party).second) return FieldError("party '" + party + "' is listed twice");
      c.parties.push_back(std::move(party));
    }
  }
  return c;
}

Result<std::vector<NewEvent>> DecideCreate(
    const AgreementState& state, const CreateAgreement& cmd,
    const std::function<bool(const std::string&)>& party_exists) {
  if (state.exists()) {
    return AlreadyExists("agreement '" + cmd.id + "' already exists", "agreement-exists");
  }
  if (party_exists) {
    for (const auto& p : cmd.parties) {
      if (!party_exists(p))
        return Unprocessable("party '" + p + "' is not registered", "unknown-party");
    }
  }
  return std::vector<NewEvent>{ToEvent(cmd)};
}

Result<std::vector<Cite>> ParseCites(const json& cites) {
  std::vector<Cite> out;
  if (cites.is_null()) return out;
  if (!cites.is_array()) return FieldError("'cites' must be an array of {response, point}");
  for (std::size_t i = 0; i < cites.size(); ++i) {
    const json& c = cites[i];
    std::string where = "cites[" + std::to_string(i) + "]";
    if (!c.is_object()) return FieldError(where + " must be an object {response, point}");
    auto response = c.find("response");
    if (response == c.end() || !response->is_string() || response->get<std::string>().empty()) {
      return FieldError(where + ".response must be a response id");
    }
    auto point = c.find("point");
    Cite cite{response->get<std::string>(), {}};
    if (point != c.end() && point->is_string() && !point->get<std::string>().empty()) {
      cite.point = point->get<std::string>();
    } else if (point != c.end() && point->is_number_unsigned()) {
      cite.point = std::to_string(point->get<std::uint64_t>());
    } else {
      return FieldError(where + ".point must be a point id (string or non-negative integer)");
    }
    out.push_back(std::move(cite));
  }
  return out;
}

Result<RecordChange> ParseRecordChange(const json& body) {
  if (!body.is_object()) return FieldError("the body must be a JSON object");
  RecordChange c;
  std::optional<std::string> rationale;
  if (Status s = OptString(body, "rationale", rationale); !s.ok()) return s;
  if (Status s = ValidateText(rationale.value_or(""), "rationale", kMaxRationaleBytes); !s.ok()) {
    return s;
  }
  c.rationale = *rationale;
  if (auto cites = body.find("cites"); cites != body.end()) {
    auto parsed = ParseCites(*cites);
    if (!parsed.ok()) return parsed.status();
    c.cites = std::move(parsed).value();
  }
  auto ops = body.find("ops");
  if (ops == body.end()) return InvalidArgument("'ops' is required", "malformed-op");
  auto parsed = ParseOps(*ops);
  if (!parsed.ok()) return parsed.status();
  c.ops = std::move(parsed).value();
  return c;
}

Result<std::vector<NewEvent>> DecideChange(const AgreementState& state, RecordChange cmd) {
  if (!state.exists()) return NotCreated(state);
  if (Status s = ValidateText(cmd.rationale, "rationale", kMaxRationaleBytes); !s.ok()) return s;
  if (Status s = CheckBodyConditions(state.text(), cmd.ops); !s.ok()) return s;
  for (Op& op : cmd.ops) op.if_body_sha256.reset();  // a precondition, never recorded
  SectionTree scratch = state.text();
  if (Status s = ApplyOps(scratch, cmd.ops, state.used_ids(), ApplyMode::kValidate); !s.ok()) {
    return s;
  }
  ChangeSetRecorded e{state.info().id,      state.NextChangeId(), std::move(cmd.rationale),
                      std::move(cmd.cites), std::move(cmd.ops),   std::move(cmd.source)};
  return std::vector<NewEvent>{ToEvent(e)};
}

Result<std::vector<NewEvent>> DecideImport(const AgreementState& state, const ImportMarkdown& cmd) {
  if (!state.exists()) return NotCreated(state);
  auto doc = ParseMarkdown(cmd.markdown);
  if (!doc.ok()) return doc.status();
  auto ops = PlanImport(state.text(), state.used_ids(), *doc);
  if (!ops.ok()) return ops.status();
  if (ops->empty()) {
    return Unprocessable("the imported document equals the current text", "empty-change-set");
  }
  RecordChange change{cmd.rationale.empty() ? "Imported from Markdown" : cmd.rationale, cmd.cites,
                      std::move(ops).value(), "markdown-import"};
  return DecideChange(state, std::move(change));
}

Result<PublishVersion> ParsePublishVersion(const json& body) {
  if (!body.is_object()) return FieldError("the body must be a JSON object");
  PublishVersion p;
  std::optional<std::string> label;
  if (Status s = OptString(body, "label", label); !s.ok()) return s;
  if (Status s = OptString(body, "note", p.note); !s.ok()) return s;
  if (!label) return FieldError("'label' is required");
  p.label = *label;
  if (p.note && p.note->find_first_not_of(" \t\r\n") == std::string::npos) p.note.reset();
  return p;
}

Result<std::vector<NewEvent>> DecidePublish(const AgreementState& state,
                                            const PublishVersion& cmd) {
  if (!state.exists()) return NotCreated(state);
  std::string label = cmd.label;
  label.erase(0, std::min(label.find_first_not_of(' '), label.size()));
  label.erase(label.find_last_not_of(' ') + 1);
  if (Status s = ValidateText(label, "label", kMaxLabelBytes); !s.ok()) {
    return Unprocessable(s.detail(), "invalid-label");
  }
  if (label.find_first_of("\n\r\t") != std::string::npos) {
    return Unprocessable("a label is one line of text", "invalid-label");
  }
  bool digits =
      std::all_of(label.begin(), label.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits || label == "current" || label.rfind("position:", 0) == 0 ||
      label.rfind("time:", 0) == 0) {
    return Unprocessable("label '" + label +
                             "' could be mistaken for a version number or selector; use words "
                             "such as \"consultation draft\"",
                         "invalid-label");
  }
  if (cmd.note) {
    if (Status s = ValidateText(*cmd.note, "note", kMaxNoteBytes); !s.ok()) return s;
  }
  if (const VersionInfo* v = state.FindVersionByLabel(label)) {
    return Conflict("label '" + label + "' is taken by version " + std::to_string(v->number),
                    "label-taken");
  }
  std::string hash = state.CurrentHash();
  const VersionInfo* latest = state.latest_version();
  if (latest && latest->hash == hash) {
    return Conflict("the text has not changed since version " + std::to_string(latest->number) +
                        " (\"" + latest->label + "\")",
                    "nothing-to-publish");
  }
  if (!latest && state.text().empty()) {
    return Conflict("the text is empty; record changes before publishing", "nothing-to-publish");
  }
  VersionPublished e{state.info().id, static_cast<std::uint32_t>(state.versions().size() + 1),
                     label,           cmd.note,
                     std::move(hash), state.change_sets().size()};
  return std::vector<NewEvent>{ToEvent(e)};
}

}  // namespace hoering::agreements
