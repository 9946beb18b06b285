// Incremental check of the hash chain: feed events in position order from
// position 1; the first event that breaks a rule stops the walk. Used by
// every store's Verify() and by offline verification.
//
// Rules: positions are 1, 2, 3...; each prev_hash equals the previous event's
// hash (zero for position 1); each hash equals SHA-256(prev_hash ||
// canonical bytes); stream versions of each stream are 1, 2, 3...
#pragma once

#include <string>
#include <unordered_map>

#include "storage/event_store.h"

namespace hoering {

class ChainVerifier {
 public:
  // Returns false (and fills the report) at the first broken rule.
  bool Feed(const RecordedEvent& e);
  // Marks the event at `position` as unreadable (e.g. bytes not decodable).
  void FailAt(std::uint64_t position, std::string problem);
  // Calls progress.report(checked) when `checked` is a multiple of
  // progress.every (after each event fully checked).
  void Report(const VerifyProgress& progress) const;

  const VerifyReport& report() const { return report_; }
  // The last version seen of every stream.
  const std::unordered_map<std::string, std::uint64_t>& stream_versions() const {
    return stream_versions_;
  }

 private:
  VerifyReport report_;
  std::unordered_map<std::string, std::uint64_t> stream_versions_;
};

}  // namespace hoering
