#include "domain/parties/party.h"

#include <array>

#include "domain/ids.h"

namespace hoering::parties {
namespace {
constexpr std::array<const char*, 6> kKinds = {"region",       "municipality", "practice",
                                               "organisation", "authority",    "committee"};
}

std::string StreamFor(const std::string& party_id) { return "party-" + party_id; }

bool IsKnownKind(const std::string& kind) {
  for (const char* k : kKinds) {
    if (kind == k) return true;
  }
  return false;
}

std::string KnownKinds() {
  std::string out;
  for (const char* k : kKinds) out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

Result<NewEvent> DecideRegister(const std::string& id, const std::string& name,
                                const std::string& kind) {
  if (Status s = ValidateId(id, "party id"); !s.ok()) return s;
  if (Status s = ValidateText(name, "party name", 200); !s.ok()) return s;
  if (!IsKnownKind(kind)) {
    return InvalidArgument("party kind '" + kind + "' is not one of: " + KnownKinds(),
                           "invalid-field");
  }
  return NewEvent{kPartyRegistered, 1, {{"id", id}, {"name", name}, {"kind", kind}}, {}};
}

std::optional<Party> FromEvent(const RecordedEvent& e) {
  if (e.type != kPartyRegistered) return std::nullopt;
  auto j = nlohmann::json::parse(e.data, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  return Party{j.value("id", ""), j.value("name", ""), j.value("kind", ""), e.recorded_at_ms,
               e.position};
}

}  // namespace hoering::parties
