// PartiesView <-> {"<id>": {"name", "kind", "registered_at_ms", "position"}}.
#include "domain/parties/parties_view.h"
#include "domain/snapshot/snapshot_json.h"

namespace hoering::parties {

nlohmann::json PartiesView::Snapshot() const {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [id, p] : by_id_) {
    out[id] = {{"name", p.name},
               {"kind", p.kind},
               {"registered_at_ms", p.registered_at_ms},
               {"position", p.position}};
  }
  return out;
}

Result<PartiesView> PartiesView::FromSnapshot(const nlohmann::json& j) {
  return snapshot::Decode("parties", [&]() -> Result<PartiesView> {
    PartiesView view;
    for (const auto& [id, p] : j.items()) {
      view.by_id_[id] = {id, p.at("name").get<std::string>(), p.at("kind").get<std::string>(),
                         p.at("registered_at_ms").get<std::int64_t>(),
                         p.at("position").get<std::uint64_t>()};
    }
    return view;
  });
}

}  // namespace hoering::parties
