// Read model of decisions and fulfilled duties, fed with every event of the
// log in order (other streams are ignored). Not thread-safe by itself.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "domain/decisions/decision_events.h"
#include "domain/snapshot/snapshot_sink.h"
#include "domain/snapshot/snapshot_source.h"

namespace hoering::events {
struct DecodedEvent;
}  // namespace hoering::events

namespace hoering::decisions {

struct Fulfilment {
  std::string evidence;
  std::int64_t at_ms = 0;
  std::uint64_t position = 0;
  Actor actor;
};

struct DecisionInfo {
  DecisionRecorded data;
  std::uint64_t position = 0;
  std::string hash;  // hex, of the DecisionRecorded event
  std::int64_t recorded_at_ms = 0;
  Actor actor;
  std::map<std::uint32_t, Fulfilment> fulfilled;  // by condition number
  std::uint64_t version = 0;                      // stream version
};

class DecisionsView {
 public:
  void Apply(const events::DecodedEvent& e);
  // Decodes `e` (domain/events/decoded_event.h), then Apply().
  void Apply(const RecordedEvent& e);

  // 404 "decision-not-found" (or the stream's corruption).
  Result<std::shared_ptr<const DecisionInfo>> Get(const std::string& id) const;
  // Decisions on an agreement, in log order.
  std::vector<std::shared_ptr<const DecisionInfo>> OnAgreement(const std::string& agreement) const;
  // Up to `limit` decisions with id > after, by id.
  std::vector<std::shared_ptr<const DecisionInfo>> List(const std::string& after,
                                                        std::size_t limit) const;
  // Fulfilled obligations of an agreement by key.
  std::map<std::string, Fulfilment> Obligations(const std::string& agreement) const;

  // The canonical JSON of the whole view (domain/snapshot/snapshot_json.h).
  // FromSnapshot() restores it exactly; a bad shape is kCorruption, never a throw.
  nlohmann::json Snapshot() const;
  // The same snapshot written piece by piece (domain/snapshot/snapshot_sink.h),
  // one entry at a time, for the checkpoint encoder.
  void WriteSnapshot(snapshot::SnapshotSink& out) const;
  // The inverse, read piece by piece (domain/snapshot/snapshot_source.h) as
  // WriteSnapshot writes it: one entry's JSON at a time, for the checkpoint
  // decoder. kCorruption on a bad shape, never a throw. The caller checks
  // that nothing follows (snapshot::ReadWhole).
  static Result<DecisionsView> ReadSnapshot(snapshot::SnapshotSource& in);
  // ReadSnapshot() over the JSON document `j`.
  static Result<DecisionsView> FromSnapshot(const nlohmann::json& j);

 private:
  struct Entry {
    std::shared_ptr<DecisionInfo> state;
    Status broken;
  };
  std::map<std::string, Entry> by_id_;
  std::map<std::string, std::vector<std::string>> by_agreement_;
  std::map<std::string, std::map<std::string, Fulfilment>> obligations_;
};

}  // namespace hoering::decisions
