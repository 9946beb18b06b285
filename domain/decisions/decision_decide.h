// Commands on decisions and duties (decide). Pure.
//
// Errors (Status code, problem type):
//   ParseRecordDecision  400 "invalid-field" | "invalid-id"
//   DecideRecord         409 "decision-exists"; 422 "unknown-agreement" |
//                        "version-not-published" | "unknown-party" |
//                        "unknown-consultation" | "unknown-response"
//   DecideFulfil         404 "decision-not-found" | "condition-not-found";
//                        409 "condition-fulfilled"
//   DecideObligationDone 422 "unknown-obligation"; 409 "obligation-done"
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "domain/agreements/agreement_state.h"
#include "domain/decisions/decisions_view.h"

namespace hoering::decisions {

// POST /v1/decisions (see api.md). subject.version: a number or a label;
// subject.label and subject.hash are filled by DecideRecord.
struct RecordDecision {
  DecisionRecorded decision;
  std::string version_selector;
};
Result<RecordDecision> ParseRecordDecision(const nlohmann::json& body);

// What DecideRecord needs to know about the rest of the world.
struct Lookups {
  std::function<bool(const std::string&)> party_exists;
  std::function<bool(const std::string&)> consultation_exists;
  std::function<bool(const std::string&)> response_exists;
};
Result<std::vector<NewEvent>> DecideRecord(bool exists, const RecordDecision& cmd,
                                           const agreements::AgreementState* agreement,
                                           const Lookups& lookups);

// POST /v1/decisions/{id}/conditions/{n}/fulfil {evidence}
Result<std::string> ParseEvidence(const nlohmann::json& body);
Result<std::vector<NewEvent>> DecideFulfil(const DecisionInfo& decision, std::uint32_t condition,
                                           const std::string& evidence);

// POST /v1/agreements/{id}/obligations/{key}/done {evidence}; `keys` are the
// agreement's obligations (obligations.h), `done` those already fulfilled.
Result<std::vector<NewEvent>> DecideObligationDone(const std::string& agreement,
                                                   const std::string& key,
                                                   const std::set<std::string>& keys,
                                                   const std::set<std::string>& done,
                                                   const std::string& evidence);

}  // namespace hoering::decisions
