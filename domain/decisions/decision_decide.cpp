#include "domain/decisions/decision_decide.h"

#include "domain/consultations/consultation_decide.h"
#include "domain/consultations/json_fields.h"
#include "domain/ids.h"
#include "domain/time.h"

namespace hoering::decisions {

using consultations::FieldError;
using consultations::OptString;
using consultations::OptStrings;
using consultations::ReqString;
using nlohmann::json;

namespace {

constexpr std::size_t kMaxText = 20000;

Status ReqDate(const json& j, const char* key, std::string& out) {
  if (Status s = ReqString(j, key, out); !s.ok()) return s;
  if (!ParseDate(out)) return FieldError(std::string("'") + key + "' must be a date YYYY-MM-DD");
  return Status::Ok();
}

Status ParseConditions(const json& body, std::vector<Condition>& out) {
  auto it = body.find("conditions");
  if (it == body.end() || it->is_null()) return Status::Ok();
  if (!it->is_array()) return FieldError("'conditions' must be an array of {text, party, due}");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& c = (*it)[i];
    const std::string where = "condition " + std::to_string(i + 1);
    if (!c.is_object()) return FieldError(where + " must be an object {text, party, due}");
    Condition cond;
    cond.n = static_cast<std::uint32_t>(i + 1);
    if (Status s = ReqString(c, "text", cond.text); !s.ok()) return s;
    if (Status s = ValidateText(cond.text, where + " text", kMaxText); !s.ok()) return s;
    if (Status s = ReqString(c, "party", cond.party); !s.ok()) return s;
    if (Status s = ReqDate(c, "due", cond.due); !s.ok()) return s;
    out.push_back(std::move(cond));
  }
  return Status::Ok();
}

}  // namespace

Result<RecordDecision> ParseRecordDecision(const json& body) {
  if (!body.is_object()) return FieldError("the body must be a JSON object");
  RecordDecision cmd;
  DecisionRecorded& d = cmd.decision;
  if (Status s = ReqString(body, "id", d.id); !s.ok()) return s;
  if (Status s = ValidateId(d.id, "decision id"); !s.ok()) return s;
  auto b = body.find("body");
  if (b == body.end() || !b->is_object()) return FieldError("'body' is required: {name, party}");
  if (Status s = ReqString(*b, "name", d.body.name); !s.ok()) return s;
  if (Status s = ValidateText(d.body.name, "body.name", 200); !s.ok()) return s;
  if (Status s = ReqString(*b, "party", d.body.party); !s.ok()) return s;
  if (Status s = ReqDate(body, "meeting_date", d.meeting_date); !s.ok()) return s;
  if (Status s = OptString(body, "case_ref", d.case_ref); !s.ok()) return s;
  auto subject = body.find("subject");
  if (subject == body.end() || !subject->is_object()) {
    return FieldError("'subject' is required: {agreement, version}");
  }
  if (Status s = ReqString(*subject, "agreement", d.subject.agreement); !s.ok()) return s;
  auto v = subject->find("version");
  if (v != subject->end() && v->is_number_integer() && v->get<std::int64_t>() > 0) {
    cmd.version_selector = std::to_string(v->get<std::int64_t>());
  } else if (v != subject->end() && v->is_string()) {
    cmd.version_selector = v->get<std::string>();
  } else {
    return FieldError("'subject.version' must be a version number or label");
  }
  std::string outcome;
  if (Status s = ReqString(body, "outcome", outcome); !s.ok()) return s;
  auto o = ParseOutcome(outcome);
  if (!o) {
    return FieldError(
        "'outcome' must be approved, approved_with_conditions, rejected, postponed or noted");
  }
  d.outcome = *o;
  // Required, never defaulted: it decides whether the decision counts towards
  // the party's ratification.
  auto f = body.find("final_for_party");
  if (f == body.end() || f->is_null())
    return FieldError("'final_for_party' is required: true or false");
  if (!f->is_boolean()) return FieldError("'final_for_party' must be true or false");
  d.final_for_party = f->get<bool>();
  if (Status s = ParseConditions(body, d.conditions); !s.ok()) return s;
  if (Status s = OptStrings(body, "recommendations", d.recommendations); !s.ok()) return s;
  for (const auto& r : d.recommendations) {
    if (Status s = ValidateText(r, "recommendation", kMaxText); !s.ok()) return s;
  }
  if (auto basis = body.find("basis"); basis != body.end() && !basis->is_null()) {
    if (!basis->is_object()) return FieldError("'basis' must be {consultations, responses}");
    if (Status s = OptStrings(*basis, "consultations", d.basis_consultations); !s.ok()) return s;
    if (Status s = OptStrings(*basis, "responses", d.basis_responses); !s.ok()) return s;
  }
  if (Status s = OptStrings(body, "absent", d.absent); !s.ok()) return s;
  if (Status s = OptString(body, "note", d.note); !s.ok()) return s;
  if (d.note) {
    if (Status s = ValidateText(*d.note, "note", kMaxText); !s.ok()) return s;
  }
  return cmd;
}

Result<std::vector<NewEvent>> DecideRecord(bool exists, const RecordDecision& cmd,
                                           const agreements::AgreementState* agreement,
                                           const Lookups& lookups) {
  DecisionRecorded d = cmd.decision;
  if (exists) return AlreadyExists("decision '" + d.id + "' already exists", "decision-exists");
  if (agreement == nullptr || !agreement->exists()) {
    return Unprocessable("agreement '" + d.subject.agreement + "' does not exist",
                         "unknown-agreement");
  }
  const agreements::VersionInfo* v = consultations::FindPublished(*agreement, cmd.version_selector);
  if (v == nullptr) {
    return Unprocessable("agreement '" + d.subject.agreement + "' has no published version '" +
                             cmd.version_selector + "'; a decision is made on a published text",
                         "version-not-published");
  }
  d.subject.version = v->number;
  d.subject.label = v->label;
  d.subject.hash = v->hash;
  auto party = [&](const std::string& p, const std::string& what) -> Status {
    if (lookups.party_exists && !lookups.party_exists(p)) {
      return Unprocessable(what + " party '" + p + "' is not registered", "unknown-party");
    }
    return Status::Ok();
  };
  if (Status s = party(d.body.party, "the body's"); !s.ok()) return s;
  for (const auto& c : d.conditions) {
    if (Status s = party(c.party, "condition " + std::to_string(c.n) + ":"); !s.ok()) return s;
  }
  for (const auto& c : d.basis_consultations) {
    if (lookups.consultation_exists && !lookups.consultation_exists(c)) {
      return Unprocessable("basis: consultation '" + c + "' does not exist",
                           "unknown-consultation");
    }
  }
  for (const auto& r : d.basis_responses) {
    if (lookups.response_exists && !lookups.response_exists(r)) {
      return Unprocessable("basis: response '" + r + "' does not exist", "unknown-response");
    }
  }
  return std::vector<NewEvent>{ToEvent(d)};
}

Result<std::string> ParseEvidence(const json& body) {
  if (!body.is_object()) return FieldError("the body must be a JSON object {evidence}");
  std::string evidence;
  if (Status s = ReqString(body, "evidence", evidence); !s.ok()) return s;
  if (Status s = ValidateText(evidence, "evidence", kMaxText); !s.ok()) return s;
  return evidence;
}

Result<std::vector<NewEvent>> DecideFulfil(const DecisionInfo& decision, std::uint32_t condition,
                                           const std::string& evidence) {
  if (condition < 1 || condition > decision.data.conditions.size()) {
    return NotFound(
        "decision '" + decision.data.id + "' has no condition " + std::to_string(condition),
        "condition-not-found");
  }
  if (decision.fulfilled.count(condition)) {
    return Status(Code::kConflict,
                  "condition " + std::to_string(condition) + " is already fulfilled",
                  "condition-fulfilled");
  }
  return std::vector<NewEvent>{ToEvent(ConditionFulfilled{decision.data.id, condition, evidence})};
}

Result<std::vector<NewEvent>> DecideObligationDone(const std::string& agreement,
                                                   const std::string& key,
                                                   const std::set<std::string>& keys,
                                                   const std::set<std::string>& done,
                                                   const std::string& evidence) {
  if (!keys.count(key)) {
    return Unprocessable("agreement '" + agreement + "' has no obligation '" + key + "'",
                         "unknown-obligation");
  }
  if (done.count(key)) {
    return Status(Code::kConflict, "obligation '" + key + "' is already done", "obligation-done");
  }
  return std::vector<NewEvent>{ToEvent(ObligationFulfilled{agreement, key, evidence})};
}

}  // namespace hoering::decisions
