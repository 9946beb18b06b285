// The typed inputs of the Api's write calls (client/lib/api.h) and the JSON
// request bodies they become (docs/api.md is the contract of each body).
//
// Unless a field's comment says otherwise, an empty string or an empty
// optional is left out of the body. A version selector ("3" or "final") is
// sent as a number when it is a decimal that fits 32 bits, else as a label
// string. Pure: no I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hoering::client {

// POST /v1/parties: {id, name, kind}.
struct PartyInput {
  std::string id;
  std::string name;
  std::string kind;  // region | municipality | practice | organisation | authority | committee
};

// POST /v1/admin/tokens: {role, label, party?}.
struct TokenRequest {
  std::string role;   // admin | secretariat | stakeholder | auditor
  std::string party;  // "" = none (required by the server for stakeholder)
  std::string label;
};

// POST /v1/agreements: {id, title, subtitle?, term: {years, entry_into_force?},
// parties} (term and parties always sent).
struct AgreementInput {
  std::string id;
  std::string title;
  std::string subtitle;
  int years = 4;
  std::string entry_into_force;  // YYYY-MM-DD
  std::vector<std::string> parties;
};

// A response point cited by a change set: {response, point}.
struct CitedPoint {
  std::string response;
  std::string point;
};

// POST /v1/agreements/{id}/changes: {rationale, cites, ops} (all sent).
struct ChangeSetInput {
  std::string rationale;
  std::vector<CitedPoint> cites;
  std::vector<nlohmann::json> ops;  // each one op object, e.g. {"op":"edit","id":...}
};

// POST /v1/agreements/{id}/versions: {label, note?} (an empty note is sent).
struct VersionInput {
  std::string label;
  std::optional<std::string> note;
};

// POST /v1/consultations: {id, agreement, version, title, opens_at,
// closes_at, invited, time_zone?}.
struct ConsultationInput {
  std::string id;
  std::string agreement;
  std::string version;  // a version selector: number or label
  std::string title;
  std::string opens_at;   // RFC 3339
  std::string closes_at;  // RFC 3339
  std::vector<std::string> invited;
  std::string time_zone;
};

// POST .../responses and PUT .../responses/{rid}: `content` with
// accept_late: {reason} added when `accept_late_reason` is not empty.
struct ResponseSubmission {
  // {party?, author: {name, email?}, summary?, points, publication, ...} as
  // docs/api.md describes it (e.g. from response_markdown.h or a .json file).
  nlohmann::json content;
  std::string accept_late_reason;  // secretariat: record after the deadline
};

// One point of one response (the disposition routes).
struct PointRef {
  std::string consultation;
  std::string response;
  unsigned point = 0;  // from 1
};

// PUT .../points/{n}/disposition: {outcome, rationale, changes} (all sent).
struct DispositionInput {
  std::string outcome;  // accepted | partially_accepted | not_accepted | noted | out_of_scope
  std::string rationale;
  std::vector<std::string> changes;  // change set ids it led to
};

// A condition of a decision: {text, party, due}.
struct ConditionInput {
  std::string text;
  std::string party;
  std::string due;  // YYYY-MM-DD
};

// POST /v1/decisions: {id, body: {name, party}, meeting_date, subject:
// {agreement, version}, outcome, final_for_party, conditions,
// recommendations, basis: {consultations, responses}, absent, case_ref?,
// note?}.
struct DecisionInput {
  std::string id;
  std::string body_name;  // the deciding body, e.g. "Regionsrådet"
  std::string party;      // the party the body belongs to
  std::string meeting_date;
  std::string agreement;
  std::string version;  // a version selector: number or label
  std::string outcome;  // approved | approved_with_conditions | rejected | postponed | noted
  bool final_for_party = false;
  std::vector<ConditionInput> conditions;
  std::vector<std::string> recommendations;
  std::vector<std::string> basis_consultations;
  std::vector<std::string> basis_responses;
  std::vector<std::string> absent;
  std::string case_ref;
  std::string note;
};

// A version selector as the API takes it: 3 for "3", "final" for "final".
nlohmann::json VersionSelectorJson(const std::string& selector);

// The request bodies described above.
nlohmann::json ToJson(const PartyInput& party);
nlohmann::json ToJson(const TokenRequest& request);
nlohmann::json ToJson(const AgreementInput& agreement);
nlohmann::json ToJson(const ChangeSetInput& change_set);
nlohmann::json ToJson(const VersionInput& version);
nlohmann::json ToJson(const ConsultationInput& consultation);
nlohmann::json ToJson(const ResponseSubmission& submission);
nlohmann::json ToJson(const DispositionInput& disposition);
nlohmann::json ToJson(const DecisionInput& decision);

}  // namespace hoering::client
