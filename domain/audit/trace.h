// Audit traces (api.md "Audit"): from a decision back to the responses behind
// the text it approved, and from a response forward to the decisions on the
// versions that carry it. Built from the read views; pure.
//
// TRACE OF A DECISION
//   {decision: {id, body, meeting_date, outcome, final_for_party, position, hash},
//    version: {number, label, hash, position, published_at, hash_matches},
//    consultations: [{id, title, version: {number, label, hash}, opens_at, closes_at}],
//    since: <the earliest consulted version number, or null>,
//    changes: [{change, rationale, position, hash?, cites: [{response, point, party,
//               consultation, receipt: {revision, position, hash}, point_text,
//               disposition: {outcome, rationale, changes}|null}]}]}
//   `changes` are the change sets recorded after the earliest consulted version
//   up to the decided version (all change sets before it when nothing was consulted).
//   `hash_matches`: the hash stored with the decision equals the version's.
// TRACE OF A RESPONSE
//   {response: {id, consultation, agreement, party, late, withdrawn},
//    revisions: [{revision, submitted_at, receipt: {position, hash}}],
//    points: [{n, text, dispositions: [history], cited_by: [change ids]}],
//    changes: [{change, rationale, position, versions: [numbers containing it]}],
//    versions: [{number, label, hash}], decisions: [{id, body, party, outcome,
//    final_for_party, version}]}
#pragma once

#include <nlohmann/json.hpp>

#include "domain/agreements/agreement_state.h"
#include "domain/consultations/consultations_view.h"
#include "domain/decisions/decisions_view.h"

namespace hoering::audit {

// 404 "version-not-found" when the decision's version is not in `agreement`.
Result<nlohmann::json> TraceDecision(const decisions::DecisionInfo& decision,
                                     const agreements::AgreementState& agreement,
                                     const consultations::ConsultationsView& consultations,
                                     const std::vector<std::string>& consultation_ids,
                                     const consultations::ResponseLookup& responses);

Result<nlohmann::json> TraceResponse(const consultations::ResponseState& response,
                                     const agreements::AgreementState& agreement,
                                     const consultations::ConsultationsView& consultations,
                                     const decisions::DecisionsView& decisions);

// "c-12" -> 12; 0 when not of that shape.
std::uint64_t ChangeNumber(const std::string& change_id);

}  // namespace hoering::audit
