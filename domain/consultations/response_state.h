// The state of one response: a fold over "response-<id>". Every revision
// stays readable; a withdrawal and each disposition are kept with history.
// Not thread-safe; a value.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/consultations/response_decision_state.h"
#include "domain/consultations/response_events.h"

namespace hoering::events {
struct DecodedEvent;
}  // namespace hoering::events

namespace hoering::consultations {

// Where and when an event was committed: what a receipt proves.
struct Recorded {
  std::uint64_t position = 0;
  std::string hash;  // hex SHA-256 of the event (the chain link)
  TimeMs recorded_at = 0;
  Actor actor;
};

struct RevisionInfo {
  std::uint32_t revision = 1;
  ResponseContent content;
  TimeMs submitted_at = 0;
  Recorded recorded;
};

struct WithdrawalInfo {
  std::optional<std::string> reason;
  TimeMs withdrawn_at = 0;
  Recorded recorded;
};

struct DispositionInfo {
  Outcome outcome = Outcome::kNoted;
  std::string rationale;
  std::vector<std::string> changes;
  Recorded recorded;
};

class ResponseState {
 public:
  // evolve; a non-ok result is kCorruption. Unknown types advance version().
  Status Apply(const events::DecodedEvent& e);
  // Decodes `e` (domain/events/decoded_event.h), then Apply().
  Status Apply(const RecordedEvent& e);

  bool exists() const { return !revisions_.empty(); }
  const std::string& id() const { return id_; }
  const std::string& consultation() const { return consultation_; }
  const std::string& agreement() const { return agreement_; }
  const std::vector<RevisionInfo>& revisions() const { return revisions_; }
  const RevisionInfo& current() const { return revisions_.back(); }  // REQUIRES: exists()
  const std::string& party() const { return current().content.party; }
  bool late() const { return late_; }
  const std::optional<std::string>& late_reason() const { return late_reason_; }
  const std::optional<TimeMs>& received_at() const { return received_at_; }
  const std::optional<WithdrawalInfo>& withdrawal() const { return withdrawal_; }
  bool withdrawn() const { return withdrawal_.has_value(); }
  // Disposition history per point (from 1), oldest first.
  const std::map<std::uint32_t, std::vector<DispositionInfo>>& dispositions() const {
    return dispositions_;
  }
  const DispositionInfo* CurrentDisposition(std::uint32_t point) const;

  std::uint64_t version() const { return version_; }
  std::uint64_t first_position() const { return first_position_; }
  // The position of the last event folded (0 before any).
  std::uint64_t last_position() const { return last_position_; }
  // What decisions need (response_decision_state.h), from this fold.
  ResponseDecisionState decision() const;

 private:
  std::string id_;
  std::string consultation_;
  std::string agreement_;
  std::vector<RevisionInfo> revisions_;
  bool late_ = false;
  std::optional<std::string> late_reason_;
  std::optional<TimeMs> received_at_;
  std::optional<WithdrawalInfo> withdrawal_;
  std::map<std::uint32_t, std::vector<DispositionInfo>> dispositions_;
  std::uint64_t version_ = 0;
  std::uint64_t first_position_ = 0;
  std::uint64_t last_position_ = 0;
};

Recorded RecordedOf(const RecordedEvent& e);

}  // namespace hoering::consultations
