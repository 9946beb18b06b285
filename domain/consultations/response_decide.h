// Commands on responses (decide). Pure: the clock's "now" and the response id
// are passed in by the server.
//
// Errors (Status code, problem type):
//   ParseSubmission     400 "invalid-field"; 413/422 from attachments.h
//   DecideSubmit        404 "consultation-not-found"; 403 "forbidden" (a stakeholder for
//                       another party, or sending accept_late); 422 "unknown-party" |
//                       "unknown-section" | "quote-not-found"; 409 "consultation-not-open" |
//                       "consultation-closed"
//   DecideAmend         as DecideSubmit, plus 404 "response-not-found", 409
//                       "response-withdrawn", 422 "party-mismatch"
//   DecideWithdraw      404, 403, 409 "consultation-closed" | "response-withdrawn"
//   DecideDisposition   404 "response-not-found" | "point-not-found"; 422 "unknown-change"
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/agreements/agreement_state.h"
#include "domain/consultations/attachments.h"
#include "domain/consultations/consultation_decide.h"
#include "domain/consultations/consultation_state.h"
#include "domain/consultations/response_decision_state.h"
#include "domain/consultations/response_state.h"

namespace hoering::consultations {

inline constexpr std::size_t kMaxPoints = 100;
inline constexpr std::size_t kMaxPointBytes = 50000;
inline constexpr std::size_t kMaxSummaryBytes = 50000;
inline constexpr std::size_t kMaxNameBytes = 200;

// The body of POST/PUT .../responses.
struct Submission {
  ResponseContent content;  // attachments filled from `attachments`
  std::vector<DecodedAttachment> attachments;
  std::optional<std::string> accept_late;  // reason
  // Editors only: the response arrived by another channel at this time (not
  // in the future); the deadline is judged by it and no commit deadline applies.
  std::optional<TimeMs> received_at;
};
Result<Submission> ParseSubmission(const nlohmann::json& body,
                                   std::uint64_t max_attachment_bytes = kDefaultMaxAttachmentBytes);

// Who submits: a stakeholder (bound to a party) or an editor (secretariat/admin).
struct Submitter {
  std::optional<std::string> stakeholder_party;  // set for stakeholders
  bool editor() const { return !stakeholder_party; }
};

// What the server appends to "response-<id>" and until when the store may
// commit it (nullopt: no deadline, an accepted-late response).
struct ResponseWrite {
  std::vector<NewEvent> events;
  std::optional<TimeMs> commit_before;
  // The consultation's stream and the version the decision relied on (the
  // consultation was open), set with commit_before: the append must commit
  // before any later consultation event (an explicit close) or be decided again.
  std::optional<StreamAt> decided_on;
};

Result<ResponseWrite> DecideSubmit(const ConsultationState& consultation,
                                   const agreements::SectionTree& consulted_text,
                                   const Submitter& who, const Submission& cmd,
                                   const std::string& response_id, TimeMs now,
                                   const std::function<bool(const std::string&)>& party_exists);

Result<ResponseWrite> DecideAmend(const ConsultationState& consultation,
                                  const agreements::SectionTree& consulted_text,
                                  const ResponseDecisionState& response, const Submitter& who,
                                  const Submission& cmd, TimeMs now);

Result<ResponseWrite> DecideWithdraw(const ConsultationState& consultation,
                                     const ResponseDecisionState& response, const Submitter& who,
                                     const std::optional<std::string>& reason, TimeMs now);

// PUT .../points/{n}/disposition {outcome, rationale, changes?}
struct RecordDisposition {
  Outcome outcome = Outcome::kNoted;
  std::string rationale;
  std::vector<std::string> changes;
};
Result<RecordDisposition> ParseDisposition(const nlohmann::json& body);
Result<std::vector<NewEvent>> DecideDisposition(const ResponseDecisionState& response,
                                                std::uint32_t point, const RecordDisposition& cmd,
                                                const agreements::AgreementState& agreement);

// True when `quote` occurs in `text`, comparing runs of whitespace as one space.
bool QuoteOccurs(std::string_view text, std::string_view quote);

}  // namespace hoering::consultations
