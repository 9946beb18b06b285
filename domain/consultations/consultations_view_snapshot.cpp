// ConsultationsView <-> its snapshot JSON (domain/snapshot/snapshot_json.h):
//   {"consultations": {id: entry}, "responses": {id: entry},
//    "by_consultation": {consultation id: [response ids in first-submission order]},
//    "attachments": {sha256: {"media_type", "size", "position"}},
//    "citations": [{"response", "point", "citations": [{"agreement", "change",
//                   "position"}]}] (by response, then point)}
// entry: {"broken": status | null, "state": ConsultationState / ResponseState
// snapshot | null}. A broken entry keeps its state (as before the failing
// event): CheckCite reads it, and GetConsultation tells a null state apart.
#include <stdexcept>

#include "domain/consultations/consultations_view.h"
#include "domain/snapshot/snapshot_json.h"

namespace hoering::consultations {

using nlohmann::json;
using snapshot::Get;
using snapshot::GetArray;
using snapshot::GetObject;

namespace {

template <typename T>
json EntrySnapshot(const std::shared_ptr<T>& state, const Status& broken) {
  return {{"broken", broken.ok() ? json(nullptr) : snapshot::StatusToJson(broken)},
          {"state", state ? state->Snapshot() : json(nullptr)}};
}

// Reads an entry's state and status; throws on a bad shape.
template <typename T>
std::shared_ptr<T> EntryFrom(const json& j, const std::string& id, Status& broken) {
  const json& b = j.at("broken");
  broken = b.is_null() ? Status::Ok() : snapshot::StatusFromJson(b);
  if (!b.is_null() && broken.ok()) throw std::invalid_argument(id + ": broken with an ok status");
  const json& s = j.at("state");
  if (s.is_null()) return nullptr;
  auto state = T::FromSnapshot(s);
  if (!state.ok()) throw std::invalid_argument(id + ": " + state.status().detail());
  return std::make_shared<T>(std::move(state).value());
}

}  // namespace

json ConsultationsView::Snapshot() const {
  json consultations = json::object();
  for (const auto& [id, e] : consultations_) consultations[id] = EntrySnapshot(e.state, e.broken);
  json responses = json::object();  // an object's keys are sorted
  for (const auto& [id, e] : responses_) responses[id] = EntrySnapshot(e.state, e.broken);
  json by_consultation = json::object();
  for (const auto& [id, ids] : by_consultation_) by_consultation[id] = ids;
  json attachments = json::object();
  for (const auto& [sha, a] : attachments_) {
    attachments[sha] = {{"media_type", a.media_type}, {"size", a.size}, {"position", a.position}};
  }
  json citations = json::array();
  for (const auto& [key, list] : citations_) {
    json cs = json::array();
    for (const auto& c : list) {
      cs.push_back({{"agreement", c.agreement}, {"change", c.change}, {"position", c.position}});
    }
    citations.push_back({{"response", key.first}, {"point", key.second}, {"citations", cs}});
  }
  return {{"consultations", std::move(consultations)},
          {"responses", std::move(responses)},
          {"by_consultation", std::move(by_consultation)},
          {"attachments", std::move(attachments)},
          {"citations", std::move(citations)}};
}

Result<ConsultationsView> ConsultationsView::FromSnapshot(const json& j) {
  return snapshot::Decode("consultations", [&]() -> Result<ConsultationsView> {
    ConsultationsView v;
    for (const auto& item : GetObject(j, "consultations").items()) {
      auto& e = v.consultations_[item.key()];
      e.state = EntryFrom<ConsultationState>(item.value(), item.key(), e.broken);
    }
    for (const auto& item : GetObject(j, "responses").items()) {
      auto& e = v.responses_[item.key()];
      e.state = EntryFrom<ResponseState>(item.value(), item.key(), e.broken);
    }
    for (const auto& item : GetObject(j, "by_consultation").items()) {
      if (!item.value().is_array()) throw std::invalid_argument("by_consultation: not an array");
      auto& ids = v.by_consultation_[item.key()];
      for (const auto& id : item.value()) ids.push_back(snapshot::As<std::string>(id, "id"));
      for (const auto& id : ids) {  // ResponsesOf dereferences these
        auto r = v.responses_.find(id);
        if (r == v.responses_.end() || !r->second.state || !r->second.state->exists() ||
            r->second.state->consultation() != item.key()) {
          throw std::invalid_argument("by_consultation: '" + id + "' is no response of '" +
                                      item.key() + "'");
        }
      }
    }
    for (const auto& item : GetObject(j, "attachments").items()) {
      const json& a = item.value();
      v.attachments_[item.key()] = {Get<std::string>(a, "media_type"),
                                    Get<std::uint64_t>(a, "size"),
                                    Get<std::uint64_t>(a, "position")};
    }
    for (const auto& c : GetArray(j, "citations")) {
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
    return v;
  });
}

}  // namespace hoering::consultations
