// Read model of every agreement: the folded AgreementState per agreement id,
// fed with the events of "agreement-<id>" streams in log order.
//
// The states keep no version texts and no change-set ops (kViewFoldOptions):
// those would make the view grow with every change and version. A version's text is folded from
// the log when a request needs it (the server caches a few:
// server/app/version_texts.h).
//
// States are shared copy-on-write: Get() hands out a shared_ptr to an
// immutable state, so a reader can diff or render without holding any lock;
// Apply() mutates in place when no reader holds the state and copies it
// otherwise. Not thread-safe by itself (the server's ReadViews guards it).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "domain/agreements/agreement_state.h"
#include "domain/snapshot/snapshot_sink.h"
#include "domain/snapshot/snapshot_source.h"

namespace hoering::agreements {

inline constexpr FoldOptions kViewFoldOptions{
    .keep_version_texts = false, .verify_version_hashes = true, .keep_change_ops = false};

class AgreementsView {
 public:
  // Ignores events of other streams. A stream that cannot be folded (a
  // kCorruption from AgreementState) is remembered as broken and its error
  // is returned by Get().
  void Apply(const events::DecodedEvent& e);
  // Decodes `e` (domain/events/decoded_event.h), then Apply().
  void Apply(const RecordedEvent& e);

  // The agreement's state, or 404 "agreement-not-found", or the corruption.
  Result<std::shared_ptr<const AgreementState>> Get(const std::string& id) const;
  // Up to `limit` agreements with id > after, by id.
  std::vector<std::shared_ptr<const AgreementState>> List(const std::string& after,
                                                          std::size_t limit) const;

  // Canonical JSON of every entry (domain/snapshot/snapshot_json.h): a
  // broken stream is written as its error only. FromSnapshot() is the inverse.
  nlohmann::json Snapshot() const;
  // The same snapshot written piece by piece (domain/snapshot/snapshot_sink.h),
  // one entry at a time, for the checkpoint encoder.
  void WriteSnapshot(snapshot::SnapshotSink& out) const;
  // The inverse, read piece by piece (domain/snapshot/snapshot_source.h) as
  // WriteSnapshot writes it: one entry's JSON at a time, for the checkpoint
  // decoder. kCorruption on a bad shape, never a throw. The caller checks
  // that nothing follows (snapshot::ReadWhole).
  static Result<AgreementsView> ReadSnapshot(snapshot::SnapshotSource& in);
  // ReadSnapshot() over the JSON document `j`.
  static Result<AgreementsView> FromSnapshot(const nlohmann::json& j);

 private:
  struct Entry {
    std::shared_ptr<AgreementState> state;
    Status broken;
  };
  std::map<std::string, Entry> by_id_;
};

}  // namespace hoering::agreements
