// Client-side re-verification of the event log's hash chain, using the same
// canonical bytes as the server (domain/event_codec.h). A client that trusts
// nothing but its own arithmetic can prove that the events it read form one
// unbroken chain: every hash recomputes, every prev_hash links to the event
// before, positions and per-stream versions are gapless.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/event.h"

namespace hoering::client {

struct ChainReport {
  bool ok = true;
  std::uint64_t checked = 0;               // events examined, the first bad one included
  std::uint64_t head_position = 0;         // the last event that verified (0: none)
  Hash head_hash{};                        // its hash
  std::optional<std::uint64_t> first_bad;  // position of the first event that failed
  std::string problem;                     // why it failed ("" when ok)
};

// Checks events fed one at a time, in position order, so a whole log can be
// verified page by page in constant memory (plus one entry per stream).
// Not thread-safe.
class ChainVerifier {
 public:
  // `anchor` is the hash the first event's prev_hash must equal. Without one,
  // a chain starting at position 1 must start from the all-zero hash, and a
  // chain starting later is trusted to start from its own prev_hash (only the
  // links from there on are proven). Per-stream version gaps are checked only
  // for chains that start at position 1.
  explicit ChainVerifier(std::optional<Hash> anchor = std::nullopt);

  // Checks the next event; returns false once the chain is broken (later
  // calls are ignored and keep returning false).
  bool Add(const RecordedEvent& event);
  // Same for an event as served by /v1/events (EventToJson). Also checks the
  // unhashed views: `data` must equal `data_canonical` parsed, and
  // `recorded_at` must be `recorded_at_ms` formatted.
  bool Add(const nlohmann::json& event);

  const ChainReport& report() const { return report_; }

 private:
  bool Fail(std::uint64_t position, std::string problem);

  std::optional<Hash> anchor_;
  bool started_ = false;
  bool track_streams_ = false;
  std::map<std::string, std::uint64_t> stream_versions_;
  ChainReport report_;
};

ChainReport VerifyChainLocally(const std::vector<RecordedEvent>& events,
                               std::optional<Hash> anchor = std::nullopt);
ChainReport VerifyChainLocally(const std::vector<nlohmann::json>& events,
                               std::optional<Hash> anchor = std::nullopt);

}  // namespace hoering::client
