// Commands on a consultation (decide). Pure: "now" is passed in.
//
// Errors (Status code, problem type):
//   Parse*         400 "invalid-field" | "invalid-id"
//   DecideOpen     409 "consultation-exists"; 422 "unknown-agreement" |
//                  "version-not-published" | "unknown-party" | "invalid-period" |
//                  "unknown-time-zone"
//   DecideExtend   404 "consultation-not-found"; 409 "consultation-closed";
//                  422 "invalid-deadline"
//   DecideClose    404 "consultation-not-found"; 409 "consultation-closed"
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/agreements/agreement_state.h"
#include "domain/consultations/consultation_state.h"

namespace hoering::consultations {

inline constexpr std::size_t kMaxTitleBytes = 300;
inline constexpr std::size_t kMaxReasonBytes = 5000;
inline constexpr std::size_t kMaxInvited = 1000;

// POST /v1/consultations {id, agreement, version, title, opens_at, closes_at, invited, time_zone?}
// version: a number or a label of a published version.
struct OpenConsultation {
  std::string id;
  std::string agreement;
  std::string version;  // number (as text) or label
  std::string title;
  TimeMs opens_at = 0;
  TimeMs closes_at = 0;
  std::vector<std::string> invited;
  std::string time_zone = "UTC";
};
Result<OpenConsultation> ParseOpenConsultation(const nlohmann::json& body);
// agreement: the agreement's state, null when it does not exist.
// zone_exists: whether a time zone name is in the tz database (the caller's
// lookup; the domain reads no files); null skips the check.
Result<std::vector<NewEvent>> DecideOpen(
    const ConsultationState& state, const OpenConsultation& cmd,
    const agreements::AgreementState* agreement,
    const std::function<bool(const std::string&)>& party_exists,
    const std::function<bool(const std::string&)>& zone_exists = nullptr);

// POST /v1/consultations/{id}/extend {closes_at, reason}
struct ExtendDeadline {
  TimeMs closes_at = 0;
  std::string reason;
};
Result<ExtendDeadline> ParseExtendDeadline(const nlohmann::json& body);
Result<std::vector<NewEvent>> DecideExtend(const ConsultationState& state,
                                           const ExtendDeadline& cmd, TimeMs now);

// POST /v1/consultations/{id}/close {reason?}
Result<std::optional<std::string>> ParseCloseReason(const nlohmann::json& body);
Result<std::vector<NewEvent>> DecideClose(const ConsultationState& state,
                                          const std::optional<std::string>& reason);

// The version selector of OpenConsultation resolved on an agreement, or null.
const agreements::VersionInfo* FindPublished(const agreements::AgreementState& a,
                                             const std::string& selector);

}  // namespace hoering::consultations
