// The state of one consultation: a fold over "consultation-<id>".
//
// Phase follows the clock: scheduled before opens_at, open from opens_at
// until closes_at (exclusive) unless closed explicitly, closed afterwards.
// Not thread-safe; a value.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/consultations/consultation_events.h"

namespace hoering::events {
struct DecodedEvent;
}  // namespace hoering::events

namespace hoering::consultations {

enum class Phase { kScheduled, kOpen, kClosed };
std::string PhaseName(Phase p);  // "scheduled" | "open" | "closed"

struct Extension {
  TimeMs closes_at = 0;
  TimeMs previous_closes_at = 0;
  std::string reason;
  TimeMs at = 0;
  std::uint64_t position = 0;
  Actor actor;
};

class ConsultationState {
 public:
  // evolve; a non-ok result is kCorruption. Unknown types advance version().
  Status Apply(const events::DecodedEvent& e);
  // Decodes `e` (domain/events/decoded_event.h), then Apply().
  Status Apply(const RecordedEvent& e);

  bool exists() const { return exists_; }
  const ConsultationOpened& info() const { return info_; }
  // The deadline now in force (after extensions).
  TimeMs closes_at() const { return closes_at_; }
  const std::vector<Extension>& extensions() const { return extensions_; }
  std::optional<TimeMs> closed_at() const { return closed_at_; }
  const std::optional<std::string>& close_reason() const { return close_reason_; }

  Phase PhaseAt(TimeMs now) const;
  // The instant from which submissions are late: the earlier of closes_at
  // and an explicit close.
  TimeMs EffectiveClose() const;
  bool IsInvited(const std::string& party) const;

  std::uint64_t version() const { return version_; }
  std::uint64_t created_position() const { return created_position_; }
  TimeMs created_at() const { return created_at_; }
  std::uint64_t last_position() const { return last_position_; }

  // The canonical JSON of the whole state (domain/snapshot/snapshot_json.h).
  // FromSnapshot() restores it exactly; a bad shape is kCorruption, never a throw.
  nlohmann::json Snapshot() const;
  static Result<ConsultationState> FromSnapshot(const nlohmann::json& j);

 private:
  bool exists_ = false;
  ConsultationOpened info_;
  TimeMs closes_at_ = 0;
  std::vector<Extension> extensions_;
  std::optional<TimeMs> closed_at_;
  std::optional<std::string> close_reason_;
  std::uint64_t version_ = 0;
  std::uint64_t created_position_ = 0;
  TimeMs created_at_ = 0;
  std::uint64_t last_position_ = 0;
};

}  // namespace hoering::consultations
