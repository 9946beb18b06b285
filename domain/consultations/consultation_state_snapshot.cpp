// ConsultationState <-> its snapshot JSON (domain/snapshot/snapshot_json.h):
//   {"exists", "info": ConsultationOpened data | null (when !exists),
//    "closes_at", "extensions": [{"closes_at", "previous_closes_at", "reason",
//    "at", "position", "actor"}], "closed_at": ms | null, "close_reason":
//    text | null, "version", "created_position", "created_at", "last_position"}
// Times are integer ms, except inside "info" (the event's own wire shape).
#include "domain/consultations/consultation_state.h"
#include "domain/snapshot/snapshot_json.h"

namespace hoering::consultations {

using nlohmann::json;
using snapshot::Get;
using snapshot::GetOptional;
using snapshot::OptionalToJson;

namespace {

json ExtensionSnapshot(const Extension& x) {
  return {{"closes_at", x.closes_at}, {"previous_closes_at", x.previous_closes_at},
          {"reason", x.reason},       {"at", x.at},
          {"position", x.position},   {"actor", snapshot::ActorToJson(x.actor)}};
}

Extension ExtensionFrom(const json& j) {
  return {Get<TimeMs>(j, "closes_at"),       Get<TimeMs>(j, "previous_closes_at"),
          Get<std::string>(j, "reason"),     Get<TimeMs>(j, "at"),
          Get<std::uint64_t>(j, "position"), snapshot::ActorFromJson(j.at("actor"))};
}

}  // namespace

json ConsultationState::Snapshot() const {
  json extensions = json::array();
  for (const auto& x : extensions_) extensions.push_back(ExtensionSnapshot(x));
  return {{"exists", exists_},
          {"info", exists_ ? ToEvent(info_).data : json(nullptr)},
          {"closes_at", closes_at_},
          {"extensions", std::move(extensions)},
          {"closed_at", OptionalToJson(closed_at_)},
          {"close_reason", OptionalToJson(close_reason_)},
          {"version", version_},
          {"created_position", created_position_},
          {"created_at", created_at_},
          {"last_position", last_position_}};
}

Result<ConsultationState> ConsultationState::FromSnapshot(const json& j) {
  return snapshot::Decode("consultation", [&]() -> Result<ConsultationState> {
    ConsultationState s;
    s.exists_ = Get<bool>(j, "exists");
    if (s.exists_) {
      auto info = ConsultationOpenedFromJson(j.at("info"));
      if (!info.ok()) throw std::invalid_argument("info: " + info.status().detail());
      s.info_ = std::move(info).value();
    } else if (!j.at("info").is_null()) {
      throw std::invalid_argument("info: expected null when the consultation does not exist");
    }
    s.closes_at_ = Get<TimeMs>(j, "closes_at");
    for (const auto& x : snapshot::GetArray(j, "extensions")) {
      s.extensions_.push_back(ExtensionFrom(x));
    }
    s.closed_at_ = GetOptional<TimeMs>(j, "closed_at");
    s.close_reason_ = GetOptional<std::string>(j, "close_reason");
    s.version_ = Get<std::uint64_t>(j, "version");
    s.created_position_ = Get<std::uint64_t>(j, "created_position");
    s.created_at_ = Get<TimeMs>(j, "created_at");
    s.last_position_ = Get<std::uint64_t>(j, "last_position");
    return s;
  });
}

}  // namespace hoering::consultations
