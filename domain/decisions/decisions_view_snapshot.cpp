// DecisionsView <-> its snapshot JSON (domain/snapshot/snapshot_json.h):
//   {"decisions": {id: {"broken": status | null, "state": decision | null}},
//    "by_agreement": {agreement: [decision ids in log order]},
//    "obligations": {agreement: {obligation key: fulfilment}}}
// decision: {"data": DecisionRecorded data (DecisionJson), "position", "hash",
//            "recorded_at_ms", "actor", "fulfilled": [{"condition", <fulfilment
//            fields>}] (by condition), "version"}
// fulfilment: {"evidence", "at_ms", "position", "actor"}. A broken entry keeps
// the state it had before the failing event (no query reads it).
#include <stdexcept>

#include "domain/decisions/decisions_view.h"
#include "domain/snapshot/snapshot_json.h"

namespace hoering::decisions {

using nlohmann::json;
using snapshot::Get;
using snapshot::GetArray;
using snapshot::GetObject;

namespace {

json FulfilmentSnapshot(const Fulfilment& f) {
  return {{"evidence", f.evidence},
          {"at_ms", f.at_ms},
          {"position", f.position},
          {"actor", snapshot::ActorToJson(f.actor)}};
}

Fulfilment FulfilmentFrom(const json& j) {
  return {Get<std::string>(j, "evidence"), Get<std::int64_t>(j, "at_ms"),
          Get<std::uint64_t>(j, "position"), snapshot::ActorFromJson(j.at("actor"))};
}

json DecisionSnapshot(const DecisionInfo& d) {
  json fulfilled = json::array();
  for (const auto& [n, f] : d.fulfilled) {
    json x = FulfilmentSnapshot(f);
    x["condition"] = n;
    fulfilled.push_back(std::move(x));
  }
  return {{"data", DecisionJson(d.data)},
          {"position", d.position},
          {"hash", d.hash},
          {"recorded_at_ms", d.recorded_at_ms},
          {"actor", snapshot::ActorToJson(d.actor)},
          {"fulfilled", std::move(fulfilled)},
          {"version", d.version}};
}

DecisionInfo DecisionFrom(const json& j) {
  DecisionInfo d;
  auto data = DecisionRecordedFromJson(GetObject(j, "data"));
  if (!data.ok()) throw std::invalid_argument(data.status().detail());
  d.data = std::move(data).value();
  d.position = Get<std::uint64_t>(j, "position");
  d.hash = Get<std::string>(j, "hash");
  d.recorded_at_ms = Get<std::int64_t>(j, "recorded_at_ms");
  d.actor = snapshot::ActorFromJson(j.at("actor"));
  for (const auto& f : GetArray(j, "fulfilled")) {
    if (!d.fulfilled.emplace(Get<std::uint32_t>(f, "condition"), FulfilmentFrom(f)).second) {
      throw std::invalid_argument("fulfilled: a condition twice");
    }
  }
  d.version = Get<std::uint64_t>(j, "version");
  return d;
}

}  // namespace

void DecisionsView::WriteSnapshot(snapshot::SnapshotSink& out) const {
  out.BeginObject(3);
  out.Key("by_agreement");
  out.BeginObject(by_agreement_.size());
  for (const auto& [agreement, ids] : by_agreement_) {
    out.Key(agreement);
    out.Value(ids);
  }
  out.End();
  out.Key("decisions");
  out.BeginObject(by_id_.size());
  for (const auto& [id, e] : by_id_) {
    out.Key(id);
    out.Value({{"broken", e.broken.ok() ? json(nullptr) : snapshot::StatusToJson(e.broken)},
               {"state", e.state ? DecisionSnapshot(*e.state) : json(nullptr)}});
  }
  out.End();
  out.Key("obligations");
  out.BeginObject(obligations_.size());
  for (const auto& [agreement, done] : obligations_) {
    json o = json::object();
    for (const auto& [key, f] : done) o[key] = FulfilmentSnapshot(f);
    out.Key(agreement);
    out.Value(o);
  }
  out.End();
  out.End();
}

json DecisionsView::Snapshot() const {
  return snapshot::DocumentOf(*this);
}

Result<DecisionsView> DecisionsView::ReadSnapshot(snapshot::SnapshotSource& in) {
  return snapshot::Decode("decisions", [&]() -> Result<DecisionsView> {
    DecisionsView v;
    in.ObjectOfSize(3);
    in.ExpectKey("by_agreement");
    for (std::size_t n = in.ObjectSize(); n > 0; --n) {
      auto& ids = v.by_agreement_[std::string(in.Key())];
      const json& list = in.Value();
      if (!list.is_array()) throw std::invalid_argument("by_agreement: not an array");
      for (const auto& id : list) ids.push_back(snapshot::As<std::string>(id, "id"));
    }
    in.End();
    in.ExpectKey("decisions");
    for (std::size_t n = in.ObjectSize(); n > 0; --n) {
      const std::string id(in.Key());
      Entry& e = v.by_id_[id];
      const json& entry = in.Value();
      const json& b = entry.at("broken");
      if (!b.is_null()) {
        e.broken = snapshot::StatusFromJson(b);
        if (e.broken.ok()) throw std::invalid_argument(id + ": broken with an ok status");
      }
      const json& s = entry.at("state");
      if (!s.is_null()) e.state = std::make_shared<DecisionInfo>(DecisionFrom(s));
    }
    in.End();
    in.ExpectKey("obligations");
    for (std::size_t n = in.ObjectSize(); n > 0; --n) {
      auto& done = v.obligations_[std::string(in.Key())];
      const json& fulfilled = in.Value();
      if (!fulfilled.is_object()) throw std::invalid_argument("obligations: not an object");
      for (const auto& o : fulfilled.items()) done[o.key()] = FulfilmentFrom(o.value());
    }
    in.End();
    in.End();
    return v;
  });
}

Result<DecisionsView> DecisionsView::FromSnapshot(const json& j) {
  return snapshot::FromDocument<DecisionsView>(j, "decisions");
}

}  // namespace hoering::decisions
