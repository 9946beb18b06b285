// Turns a batch of AppendRequests into sealed RecordedEvents: the one place
// that decides optimistic concurrency, idempotency, positions, stream
// versions, recorded-at times and hash links. Both store implementations run
// their appends through it, so they cannot disagree on these rules.
//
// Not thread-safe: each store calls it from its single commit path.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/event_store.h"

namespace hoering {

// Lookups into committed state, provided by the store.
struct CommittedState {
  std::function<std::uint64_t(const std::string& stream)> stream_version;
  std::function<std::optional<IdempotencyRecord>(const std::string& key)> idempotency;
};

// The outcome for one request of the batch.
struct PlannedAppend {
  Result<AppendResult> result = Status(Code::kInternal, "not planned");
  std::size_t first_event = 0;  // index into CommitPlan::events
  std::size_t event_count = 0;  // 0 for failures and duplicates
};

struct CommitPlan {
  std::vector<PlannedAppend> appends;                              // one per request, same order
  std::vector<RecordedEvent> events;                               // all new events, position order
  std::unordered_map<std::string, std::uint64_t> stream_versions;  // new versions
  std::unordered_map<std::string, IdempotencyRecord> idempotency;  // new keys
  HeadInfo head;                                                   // head after the batch
};

class CommitPlanner {
 public:
  // Checks an append's shape (non-empty stream and events, sane types).
  static Status Validate(const AppendRequest& request);

  // Serializes every event's data to canonical text (NewEvent::data_text).
  // Call on the caller's thread, before queueing the request.
  static void Prepare(AppendRequest& request);

  // Canonical JSON text: sorted keys, no spaces, invalid UTF-8 replaced.
  static std::string CanonicalJson(const nlohmann::json& j);

  // Plans `requests` on top of `head` and `state`. Requests are taken in
  // order; a later request sees the effects of earlier ones in the batch.
  // recorded_at is max(now_ms, head's recorded_at) so time never goes back.
  static CommitPlan Plan(const std::vector<const AppendRequest*>& requests, const HeadInfo& head,
                         std::int64_t head_recorded_at_ms, std::int64_t now_ms,
                         const CommittedState& state);
};

}  // namespace hoering
