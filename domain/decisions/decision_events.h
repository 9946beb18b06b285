// The events of decisions and follow-up duties, and their JSON.
//
// Streams and wire shapes (schema_version 1):
//   "decision-<id>"
//     DecisionRecorded    {"id", "body": {"name", "party"}, "meeting_date": "YYYY-MM-DD",
//                          "case_ref"?, "subject": {"agreement", "version", "label", "hash"},
//                          "outcome", "final_for_party", "conditions": [{"n", "text", "party",
//                          "due"}], "recommendations": [text], "basis": {"consultations": [],
//                          "responses": []}, "absent": [names], "note"?}
//     ConditionFulfilled  {"decision", "condition": n, "evidence"}
//   "obligations-<agreement>"
//     ObligationFulfilled {"agreement", "obligation": key, "evidence"}
// Dates are local calendar dates of the deciding body.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/event.h"
#include "domain/status.h"

namespace hoering::decisions {

inline constexpr const char* kDecisionRecorded = "DecisionRecorded";
inline constexpr const char* kConditionFulfilled = "ConditionFulfilled";
inline constexpr const char* kObligationFulfilled = "ObligationFulfilled";

std::string DecisionStream(const std::string& id);           // "decision-<id>"
std::string ObligationStream(const std::string& agreement);  // "obligations-<agreement>"

enum class Outcome { kApproved, kApprovedWithConditions, kRejected, kPostponed, kNoted };
std::string OutcomeName(Outcome o);
std::optional<Outcome> ParseOutcome(const std::string& s);

struct Body {
  std::string name;   // "Byrådet", "Social- og Sundhedsudvalget"
  std::string party;  // the party the body belongs to
  bool operator==(const Body&) const = default;
};

struct Condition {
  std::uint32_t n = 0;  // from 1
  std::string text;
  std::string party;  // responsible party
  std::string due;    // YYYY-MM-DD
  bool operator==(const Condition&) const = default;
};

struct Subject {
  std::string agreement;
  std::uint32_t version = 0;
  std::string label;
  std::string hash;  // the version's text hash, stored with the decision
  bool operator==(const Subject&) const = default;
};

struct DecisionRecorded {
  std::string id;
  Body body;
  std::string meeting_date;
  std::optional<std::string> case_ref;
  Subject subject;
  Outcome outcome = Outcome::kNoted;
  bool final_for_party = false;
  std::vector<Condition> conditions;
  std::vector<std::string> recommendations;
  std::vector<std::string> basis_consultations;
  std::vector<std::string> basis_responses;
  std::vector<std::string> absent;
  std::optional<std::string> note;
  bool operator==(const DecisionRecorded&) const = default;
};

struct ConditionFulfilled {
  std::string decision;
  std::uint32_t condition = 0;
  std::string evidence;
};

struct ObligationFulfilled {
  std::string agreement;
  std::string obligation;
  std::string evidence;
};

nlohmann::json DecisionJson(const DecisionRecorded& d);  // the wire shape above
NewEvent ToEvent(const DecisionRecorded& e);
NewEvent ToEvent(const ConditionFulfilled& e);
NewEvent ToEvent(const ObligationFulfilled& e);

// Reading recorded data back; a bad shape is kCorruption.
Result<DecisionRecorded> DecisionRecordedFromJson(const nlohmann::json& j);
Result<ConditionFulfilled> ConditionFulfilledFromJson(const nlohmann::json& j);
Result<ObligationFulfilled> ObligationFulfilledFromJson(const nlohmann::json& j);

}  // namespace hoering::decisions
