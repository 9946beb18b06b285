// ResponseState <-> its snapshot JSON (domain/snapshot/snapshot_json.h):
//   {"id", "consultation", "agreement",
//    "revisions": [{"revision", "content": <content> as ContentJson() writes it,
//                   "submitted_at", "recorded"}],
//    "late", "late_reason": text | null, "received_at": ms | null,
//    "withdrawal": {"reason": text | null, "withdrawn_at", "recorded"} | null,
//    "dispositions": [{"point", "history": [{"outcome", "rationale", "changes",
//                      "recorded"}]}] (by point, each history oldest first),
//    "version", "first_position"}
// "recorded" is {"position", "hash", "recorded_at", "actor"}; times are integer ms.
#include <stdexcept>

#include "domain/consultations/response_state.h"
#include "domain/snapshot/snapshot_json.h"

namespace hoering::consultations {

using nlohmann::json;
using snapshot::Get;
using snapshot::GetArray;
using snapshot::GetOptional;
using snapshot::OptionalToJson;

namespace {

json RecordedSnapshot(const Recorded& r) {
  return {{"position", r.position},
          {"hash", r.hash},
          {"recorded_at", r.recorded_at},
          {"actor", snapshot::ActorToJson(r.actor)}};
}

Recorded RecordedFrom(const json& j) {
  return {Get<std::uint64_t>(j, "position"), Get<std::string>(j, "hash"),
          Get<TimeMs>(j, "recorded_at"), snapshot::ActorFromJson(j.at("actor"))};
}

json RevisionSnapshot(const RevisionInfo& r) {
  return {{"revision", r.revision},
          {"content", ContentJson(r.content)},
          {"submitted_at", r.submitted_at},
          {"recorded", RecordedSnapshot(r.recorded)}};
}

RevisionInfo RevisionFrom(const json& j) {
  auto content = ContentFromJson(snapshot::GetObject(j, "content"));
  if (!content.ok()) throw std::invalid_argument(content.status().detail());
  return {Get<std::uint32_t>(j, "revision"), std::move(content).value(),
          Get<TimeMs>(j, "submitted_at"), RecordedFrom(j.at("recorded"))};
}

json DispositionSnapshot(const DispositionInfo& d) {
  return {{"outcome", OutcomeName(d.outcome)},
          {"rationale", d.rationale},
          {"changes", d.changes},
          {"recorded", RecordedSnapshot(d.recorded)}};
}

DispositionInfo DispositionFrom(const json& j) {
  auto outcome = ParseOutcome(Get<std::string>(j, "outcome"));
  if (!outcome) throw std::invalid_argument("outcome: unknown");
  return {*outcome, Get<std::string>(j, "rationale"),
          snapshot::GetVector<std::string>(j, "changes"), RecordedFrom(j.at("recorded"))};
}

}  // namespace

json ResponseState::Snapshot() const {
  json revisions = json::array();
  for (const auto& r : revisions_) revisions.push_back(RevisionSnapshot(r));
  json withdrawal = nullptr;
  if (withdrawal_) {
    withdrawal = {{"reason", OptionalToJson(withdrawal_->reason)},
                  {"withdrawn_at", withdrawal_->withdrawn_at},
                  {"recorded", RecordedSnapshot(withdrawal_->recorded)}};
  }
  json dispositions = json::array();
  for (const auto& [point, history] : dispositions_) {
    json h = json::array();
    for (const auto& d : history) h.push_back(DispositionSnapshot(d));
    dispositions.push_back({{"point", point}, {"history", std::move(h)}});
  }
  return {{"id", id_},
          {"consultation", consultation_},
          {"agreement", agreement_},
          {"revisions", std::move(revisions)},
          {"late", late_},
          {"late_reason", OptionalToJson(late_reason_)},
          {"received_at", OptionalToJson(received_at_)},
          {"withdrawal", std::move(withdrawal)},
          {"dispositions", std::move(dispositions)},
          {"version", version_},
          {"first_position", first_position_}};
}

Result<ResponseState> ResponseState::FromSnapshot(const json& j) {
  return snapshot::Decode("response", [&]() -> Result<ResponseState> {
    ResponseState s;
    s.id_ = Get<std::string>(j, "id");
    s.consultation_ = Get<std::string>(j, "consultation");
    s.agreement_ = Get<std::string>(j, "agreement");
    for (const auto& r : GetArray(j, "revisions")) s.revisions_.push_back(RevisionFrom(r));
    s.late_ = Get<bool>(j, "late");
    s.late_reason_ = GetOptional<std::string>(j, "late_reason");
    s.received_at_ = GetOptional<TimeMs>(j, "received_at");
    if (const json& w = j.at("withdrawal"); !w.is_null()) {
      s.withdrawal_ =
          WithdrawalInfo{GetOptional<std::string>(w, "reason"), Get<TimeMs>(w, "withdrawn_at"),
                         RecordedFrom(w.at("recorded"))};
    }
    for (const auto& d : GetArray(j, "dispositions")) {
      std::vector<DispositionInfo> history;
      for (const auto& h : GetArray(d, "history")) history.push_back(DispositionFrom(h));
      if (!s.dispositions_.emplace(Get<std::uint32_t>(d, "point"), std::move(history)).second) {
        throw std::invalid_argument("dispositions: a point twice");
      }
    }
    s.version_ = Get<std::uint64_t>(j, "version");
    s.first_position_ = Get<std::uint64_t>(j, "first_position");
    return s;
  });
}

}  // namespace hoering::consultations
