// AgreementsView <-> {"<id>": AgreementState snapshot | {"broken": status}}.
#include "domain/agreements/agreements_view.h"
#include "domain/snapshot/snapshot_json.h"

namespace hoering::agreements {

void AgreementsView::WriteSnapshot(snapshot::SnapshotSink& out) const {
  out.BeginObject(by_id_.size());
  for (const auto& [id, entry] : by_id_) {
    out.Key(id);
    if (!entry.broken.ok()) {
      out.Value({{"broken", snapshot::StatusToJson(entry.broken)}});
    } else {
      out.Value({{"state", entry.state ? entry.state->Snapshot() : nlohmann::json(nullptr)}});
    }
  }
  out.End();
}

nlohmann::json AgreementsView::Snapshot() const {
  return snapshot::DocumentOf(*this);
}

Result<AgreementsView> AgreementsView::ReadSnapshot(snapshot::SnapshotSource& in) {
  return snapshot::Decode("agreements", [&]() -> Result<AgreementsView> {
    AgreementsView view;
    for (std::size_t n = in.ObjectSize(); n > 0; --n) {
      Entry& entry = view.by_id_[std::string(in.Key())];
      const nlohmann::json& e = in.Value();
      if (e.contains("broken")) {
        entry.broken = snapshot::StatusFromJson(e.at("broken"));
        if (entry.broken.ok()) throw std::invalid_argument("a broken entry with an ok status");
        continue;
      }
      if (e.at("state").is_null()) continue;
      auto state = AgreementState::FromSnapshot(e.at("state"), kViewFoldOptions);
      if (!state.ok()) return state.status();
      entry.state = std::make_shared<AgreementState>(std::move(state).value());
    }
    in.End();
    return view;
  });
}

Result<AgreementsView> AgreementsView::FromSnapshot(const nlohmann::json& j) {
  return snapshot::FromDocument<AgreementsView>(j, "agreements");
}

}  // namespace hoering::agreements
