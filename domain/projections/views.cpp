#include "domain/projections/views.h"

#include <type_traits>

#include "domain/events/decoded_event.h"
#include "domain/snapshot/snapshot_json.h"

namespace hoering::projections {

// Response and attachment streams are folded by no view in memory: the
// response index (server/app/response_index.h) and on-demand folds read them.
bool Views::Folds(const RecordedEvent& e) {
  auto starts = [&](std::string_view p) { return e.stream.compare(0, p.size(), p) == 0; };
  return !(starts("response-") || starts("attachment-")) || e.type == parties::kPartyRegistered;
}

void Views::Apply(const RecordedEvent& e) {
  if (!Folds(e)) return;
  const events::DecodedEvent d = events::DecodeEvent(e);
  parties.Apply(d);
  access.Apply(d);
  agreements.Apply(d);
  decisions.Apply(d);
  consultations.Apply(d);
  invitations.Apply(d);
}

nlohmann::json Views::Snapshot() const {
  nlohmann::json j = nlohmann::json::object();
  ForEach([&](const char* name, const auto& view) { j[name] = view.Snapshot(); });
  return j;
}

Result<Views> Views::FromSnapshot(const nlohmann::json& j) {
  Views v;
  Status first = Status::Ok();
  v.ForEach([&](const char* name, auto& view) {
    if (!first.ok()) return;
    if (!j.is_object() || !j.contains(name)) {
      first = Status(Code::kCorruption, std::string("snapshot has no '") + name + "'",
                     "snapshot-corrupt");
      return;
    }
    auto restored = std::remove_reference_t<decltype(view)>::FromSnapshot(j.at(name));
    if (!restored.ok()) {
      first = restored.status();
      return;
    }
    view = std::move(restored).value();
  });
  if (!first.ok()) return first;
  return v;
}

}  // namespace hoering::projections
