// Parties: the organisations that take part (a region, a municipality, an
// association, an authority, a committee). One stream per party:
// "party-<id>", whose first event is PartyRegistered.
#pragma once

#include <optional>
#include <string>

#include "domain/event.h"
#include "domain/status.h"

namespace hoering::parties {

inline constexpr const char* kPartyRegistered = "PartyRegistered";

struct Party {
  std::string id;
  std::string name;
  std::string kind;  // region | municipality | practice | organisation | authority | committee
  std::int64_t registered_at_ms = 0;
  std::uint64_t position = 0;
};

std::string StreamFor(const std::string& party_id);
bool IsKnownKind(const std::string& kind);
// "region, municipality, ..." for error messages.
std::string KnownKinds();

// Validates a registration; the event to append on success. Uniqueness is
// enforced by appending with ExpectedVersion::NoStream().
Result<NewEvent> DecideRegister(const std::string& id, const std::string& name,
                                const std::string& kind);

// Reads a PartyRegistered event back (for projections).
std::optional<Party> FromEvent(const RecordedEvent& e);

}  // namespace hoering::parties
