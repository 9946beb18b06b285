// An in-memory EventStore for tests: the same rules as the RocksDB store
// (it plans through CommitPlanner), no durability. Appends complete
// synchronously on the caller's thread. Thread-safe (one mutex).
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <unordered_map>

#include "storage/commit_planner.h"
#include "storage/event_store.h"
#include "storage/memory_key_values.h"

namespace hoering {

class MemoryEventStore : public EventStore {
 public:
  // `clock` returns UTC milliseconds; defaults to the system clock.
  explicit MemoryEventStore(std::function<std::int64_t()> clock = {});

  void AppendAsync(AppendRequest request, AppendCallback done) override;
  Result<std::vector<RecordedEvent>> ReadStream(const std::string& stream,
                                                std::uint64_t from_version,
                                                std::size_t limit) const override;
  std::uint64_t StreamVersion(const std::string& stream) const override;
  Result<std::vector<RecordedEvent>> ReadAll(std::uint64_t from_position,
                                             std::size_t limit) const override;
  HeadInfo Head() const override;
  std::optional<IdempotencyRecord> FindIdempotencyKey(const std::string& key) const override;
  std::uint64_t WaitForPosition(std::uint64_t after,
                                std::chrono::milliseconds timeout) const override;
  void AddCommitListener(CommitListener listener) override;
  void SetBatchFolder(BatchFolder folder) override;
  using EventLog::Verify;
  VerifyReport Verify(const VerifyProgress& progress) const override;
  Status PutProjection(const std::string& key, const std::string& value) override;
  Result<std::optional<std::string>> GetProjection(const std::string& key) const override;
  Result<std::optional<LentBytes>> GetSelfCheckedProjection(const std::string& key) const override;
  Status WriteProjections(const std::vector<ProjectionWrite>& writes) override;
  Result<ProjectionEntries> ScanProjections(const std::string& prefix, const std::string& after,
                                            std::size_t limit) const override;
  Status DeleteProjections(const std::string& prefix) override;

  // LocalStateStore
  Status PutLocal(const std::string& key, const std::string& value) override;
  Result<std::optional<std::string>> GetLocal(const std::string& key) const override;
  Status DeleteLocal(const std::string& key) override;
  Result<ProjectionEntries> ScanLocal(const std::string& prefix, const std::string& after,
                                      std::size_t limit) const override;

  // Test hook: overwrite the stored event at `position` (to test Verify).
  void TamperForTest(std::uint64_t position, const std::function<void(RecordedEvent&)>& change);

 private:
  std::function<std::int64_t()> clock_;
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::vector<RecordedEvent> events_;                                    // index = position - 1
  std::unordered_map<std::string, std::vector<std::uint64_t>> streams_;  // positions
  std::unordered_map<std::string, IdempotencyRecord> idempotency_;
  std::vector<CommitListener> listeners_;
  BatchFolder folder_;
  // Their own locks: commit listeners, which run under mu_, write projections.
  MemoryKeyValues projections_;
  MemoryKeyValues local_;
};

}  // namespace hoering
