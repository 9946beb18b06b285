// ConsultationsView <-> its snapshot JSON (domain/snapshot/snapshot_json.h):
//   {"consultations": {id: entry},
//    "citations": [{"response", "point", "citations": [{"agreement", "change",
//                   "position"}]}] (by response, then point)}
// entry: {"broken": status | null, "state": ConsultationState snapshot | null}.
// A broken entry keeps its state (as before the failing event), and
// GetConsultation tells a null state apart.
#include <stdexcept>

#include "domain/consultations/consultations_view.h"
#include "domain/snapshot/snapshot_json.h"

namespace hoering::consultations {

using nlohmann::json;
using snapshot::Get;
using snapshot::GetArray;

namespace {

json EntrySnapshot(const std::shared_ptr<ConsultationState>& state, const Status& broken) {
  return {{"broken", broken.ok() ? json(nullptr) : snapshot::StatusToJson(broken)},
          {"state", state ? state->Snapshot() : json(nullptr)}};
}

// Reads an entry's state and status; throws on a bad shape.
std::shared_ptr<ConsultationState> EntryFrom(const json& j, const std::string& id, Status& broken) {
  const json& b = j.at("broken");
  broken = b.is_null() ? Status::Ok() : snapshot::StatusFromJson(b);
  if (!b.is_null() && broken.ok()) throw std::invalid_argument(id + ": broken with an ok status");
  const json& s = j.at("state");
  if (s.is_null()) return nullptr;
  auto state = ConsultationState::FromSnapshot(s);
  if (!state.ok()) throw std::invalid_argument(id + ": " + state.status().detail());
  return std::make_shared<ConsultationState>(std::move(state).value());
}

}  // namespace

void ConsultationsView::WriteSnapshot(snapshot::SnapshotSink& out) const {
  out.BeginObject(2);
  out.Key("citations");
  out.BeginArray(citations_.size());
  for (const auto& [key, list] : citations_) {
    json cs = json::array();
    for (const auto& c : list) {
      cs.push_back({{"agreement", c.agreement}, {"change", c.change}, {"position", c.position}});
    }
    out.Value({{"response", key.first}, {"point", key.second}, {"citations", std::move(cs)}});
  }
  out.End();
  out.Key("consultations");
  out.BeginObject(consultations_.size());
  for (const auto& [id, e] : consultations_) {
    out.Key(id);
    out.Value(EntrySnapshot(e.state, e.broken));
  }
  out.End();
  out.End();
}

json ConsultationsView::Snapshot() const {
  return snapshot::DocumentOf(*this);
}

Result<ConsultationsView> ConsultationsView::ReadSnapshot(snapshot::SnapshotSource& in) {
  return snapshot::Decode("consultations", [&]() -> Result<ConsultationsView> {
    ConsultationsView v;
    in.ObjectOfSize(2);
    in.ExpectKey("citations");
    for (std::size_t n = in.ArraySize(); n > 0; --n) {
      const json& c = in.Value();
      std::vector<Citation> list;
      for (const auto& x : GetArray(c, "citations")) {
        list.push_back({Get<std::string>(x, "agreement"), Get<std::string>(x, "change"),
                        Get<std::uint64_t>(x, "position")});
      }
      auto key = std::make_pair(Get<std::string>(c, "response"), Get<std::uint32_t>(c, "point"));
      if (!v.citations_.emplace(std::move(key), std::move(list)).second) {
        throw std::invalid_argument("citations: a point twice");
      }
    }
    in.End();
    in.ExpectKey("consultations");
    for (std::size_t n = in.ObjectSize(); n > 0; --n) {
      const std::string id(in.Key());
      auto& e = v.consultations_[id];
      e.state = EntryFrom(in.Value(), id, e.broken);
    }
    in.End();
    in.End();
    return v;
  });
}

Result<ConsultationsView> ConsultationsView::FromSnapshot(const json& j) {
  return snapshot::FromDocument<ConsultationsView>(j, "consultations");
}

}  // namespace hoering::consultations
