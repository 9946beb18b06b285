// AgreementState <-> its snapshot JSON (domain/snapshot/snapshot_json.h):
//   {"exists", "info": AgreementCreated data | null, "created_at_ms",
//    "created_position", "text": sections, "used_ids": [sorted],
//    "versions": [{"number", "label", "note", "hash", "changes", "position",
//                  "stream_version", "recorded_at_ms", "actor", "text"}],
//    "change_sets": [{"data": ChangeSetRecorded data, "position",
//                     "stream_version", "recorded_at_ms", "actor",
//                     "correlation_id"}],
//    "stream_version", "last_position", "last_recorded_at_ms"}
#include <algorithm>

#include "domain/agreements/agreement_state.h"
#include "domain/agreements/text_json.h"
#include "domain/snapshot/snapshot_json.h"

namespace hoering::agreements {
namespace {

using nlohmann::json;

SectionTree TreeFrom(const json& j) {
  auto tree = SectionsFromJson(j);
  if (!tree.ok()) throw std::invalid_argument("text: " + tree.status().detail());
  return std::move(tree).value();
}

template <typename T>
T Decoded(Result<T> r, const char* what) {
  if (!r.ok()) throw std::invalid_argument(std::string(what) + ": " + r.status().detail());
  return std::move(r).value();
}

json VersionJson(const VersionInfo& v) {
  return {{"number", v.number},
          {"label", v.label},
          {"note", v.note ? json(*v.note) : json(nullptr)},
          {"hash", v.hash},
          {"changes", v.changes},
          {"position", v.position},
          {"stream_version", v.stream_version},
          {"recorded_at_ms", v.recorded_at_ms},
          {"actor", snapshot::ActorToJson(v.actor)},
          {"text", v.text ? SectionsToJson(*v.text) : json(nullptr)}};
}

VersionInfo VersionFrom(const json& j) {
  VersionInfo v;
  v.number = j.at("number").get<std::uint32_t>();
  v.label = j.at("label").get<std::string>();
  if (!j.at("note").is_null()) v.note = j.at("note").get<std::string>();
  v.hash = j.at("hash").get<std::string>();
  v.changes = j.at("changes").get<std::uint64_t>();
  v.position = j.at("position").get<std::uint64_t>();
  v.stream_version = j.at("stream_version").get<std::uint64_t>();
  v.recorded_at_ms = j.at("recorded_at_ms").get<std::int64_t>();
  v.actor = snapshot::ActorFromJson(j.at("actor"));
  if (!j.at("text").is_null()) v.text = std::make_shared<const SectionTree>(TreeFrom(j.at("text")));
  return v;
}

json ChangeSetJson(const ChangeSetInfo& c) {
  return {{"data", ToEvent(c.data).data},
          {"position", c.position},
          {"stream_version", c.stream_version},
          {"recorded_at_ms", c.recorded_at_ms},
          {"actor", snapshot::ActorToJson(c.actor)},
          {"correlation_id", c.correlation_id}};
}

ChangeSetInfo ChangeSetFrom(const json& j) {
  return {Decoded(ChangeSetRecordedFromJson(j.at("data")), "change set"),
          j.at("position").get<std::uint64_t>(),
          j.at("stream_version").get<std::uint64_t>(),
          j.at("recorded_at_ms").get<std::int64_t>(),
          snapshot::ActorFromJson(j.at("actor")),
          j.at("correlation_id").get<std::string>()};
}

}  // namespace

json AgreementState::Snapshot() const {
  std::vector<std::string> used(used_ids_.begin(), used_ids_.end());
  std::sort(used.begin(), used.end());
  json versions = json::array();
  for (const auto& v : versions_) versions.push_back(VersionJson(v));
  json changes = json::array();
  for (const auto& c : change_sets_) changes.push_back(ChangeSetJson(c));
  return {{"exists", exists_},
          {"info", exists_ ? ToEvent(info_).data : json(nullptr)},
          {"created_at_ms", created_at_ms_},
          {"created_position", created_position_},
          {"text", SectionsToJson(text_)},
          {"used_ids", std::move(used)},
          {"versions", std::move(versions)},
          {"change_sets", std::move(changes)},
          {"stream_version", stream_version_},
          {"last_position", last_position_},
          {"last_recorded_at_ms", last_recorded_at_ms_}};
}

Result<AgreementState> AgreementState::FromSnapshot(const json& j, FoldOptions options) {
  return snapshot::Decode("agreement", [&]() -> Result<AgreementState> {
    AgreementState s(options);
    s.exists_ = j.at("exists").get<bool>();
    if (s.exists_) s.info_ = Decoded(AgreementCreatedFromJson(j.at("info")), "info");
    s.created_at_ms_ = j.at("created_at_ms").get<std::int64_t>();
    s.created_position_ = j.at("created_position").get<std::uint64_t>();
    s.text_ = TreeFrom(j.at("text"));
    for (const auto& id : j.at("used_ids")) s.used_ids_.insert(id.get<std::string>());
    for (const auto& v : j.at("versions")) {
      s.versions_.push_back(VersionFrom(v));
      if (!options.keep_version_texts) s.versions_.back().text.reset();
    }
    for (const auto& c : j.at("change_sets")) s.change_sets_.push_back(ChangeSetFrom(c));
    s.stream_version_ = j.at("stream_version").get<std::uint64_t>();
    s.last_position_ = j.at("last_position").get<std::uint64_t>();
    s.last_recorded_at_ms_ = j.at("last_recorded_at_ms").get<std::int64_t>();
    return s;
  });
}

}  // namespace hoering::agreements
