// The durable EventStore on RocksDB (layout: docs/storage-format.md).
//
// Writes go through one commit thread (group commit): AppendAsync queues the
// request and returns; the commit thread takes everything waiting, plans it
// with CommitPlanner, asks the batch folder (SetBatchFolder) for the
// projection writes that go with it and writes all of it as ONE WriteBatch
// with sync=true (WAL fsync). It then hands the durable batch to the completion thread, which
// advances Head(), runs the commit listeners and completes the callbacks, in
// batch order, while the commit thread plans and writes the next batch (at
// most kBatchesInCompletion batches wait there; the commit thread waits
// beyond). Request threads never hold a lock across I/O. Reads go straight
// to RocksDB, so ReadStream may return events of a durable batch a moment
// before Head() and the listeners reach them.
//
// Thread safety: all public methods are thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "storage/commit_planner.h"
#include "storage/event_store.h"
#include "storage/recent_stream_versions.h"

namespace rocksdb {
class DB;
class ColumnFamilyHandle;
}  // namespace rocksdb

namespace hoering {

struct RocksDbStoreOptions {
  // Directory of the database; created if missing unless must_exist. REQUIRED.
  std::string path;
  // Refuse to open a directory that holds no store (offline verification).
  bool must_exist = false;
  // fsync the WAL before acknowledging. Default true; false is for
  // benchmarks that measure the cost of durability, never for serving.
  bool sync = true;
  // Upper bounds of one group commit. Defaults: 4096 requests, 32 MiB.
  std::size_t max_batch_requests = 4096;
  std::size_t max_batch_bytes = 32u << 20;
  // The memory budget (docs/operations.md, "Memory"): the block cache for
  // reads, index and filter blocks included (default 64 MiB), and the
  // memtables of every column family together, through one shared
  // WriteBufferManager (default 48 MiB).
  std::size_t block_cache_bytes = 64u << 20;
  std::size_t write_buffer_bytes = 48u << 20;
  // When the WAL files together pass this size, the column families holding
  // the oldest one are flushed, so a start after a crash replays at most
  // about this much WAL. Default 64 MiB.
  std::size_t max_wal_bytes = 64u << 20;
  // Automatic compactions wait for ResumeCompactions(), so that a server
  // restoring its views at start has both cores: a compaction left pending
  // by the last run (four flushed memtables of the response index) took one
  // of the two for the 2 s of a 10M-event start (docs/performance.md,
  // session 19). Writes do not wait: RocksDB applies no level-0 write stall
  // while automatic compactions are off. Default false (compactions at once).
  bool defer_compactions = false;
  // UTC milliseconds; default: the system clock.
  std::function<std::int64_t()> clock;
  // Called on the completion thread after every durable batch, after the
  // listeners, with the number of requests and events in it (for metrics).
  // Default: none.
  std::function<void(std::size_t requests, std::size_t events)> on_batch;
};

struct StoreCounters {
  std::atomic<std::uint64_t> batches{0};
  std::atomic<std::uint64_t> events{0};
  std::atomic<std::uint64_t> fsyncs{0};
};

class RocksDbEventStore : public EventStore {
 public:
  // Opens (or creates) the store and checks that the head record matches the
  // last stored event.
  static Result<std::unique_ptr<RocksDbEventStore>> Open(RocksDbStoreOptions options);
  // Finishes every queued append, then closes the database.
  ~RocksDbEventStore() override;

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

  const StoreCounters& counters() const { return counters_; }

  Status PutProjection(const std::string& key, const std::string& value) override;
  Result<std::optional<std::string>> GetProjection(const std::string& key) const override;
  Result<std::optional<LentBytes>> GetSelfCheckedProjection(const std::string& key) const override;
  Status WriteProjections(const std::vector<ProjectionWrite>& writes) override;
  Result<ProjectionEntries> ScanProjections(const std::string& prefix, const std::string& after,
                                            std::size_t limit) const override;
  Status DeleteProjections(const std::string& prefix) override;
  Status ResumeCompactions() override;

  // LocalStateStore
  Status PutLocal(const std::string& key, const std::string& value) override;
  Result<std::optional<std::string>> GetLocal(const std::string& key) const override;
  Status DeleteLocal(const std::string& key) override;
  Result<ProjectionEntries> ScanLocal(const std::string& prefix, const std::string& after,
                                      std::size_t limit) const override;

  // Waits for the rewrite of stream_heads' tables that Open() starts when a
  // table still has a whole-file index and filter (rocksdb_table_upgrade.cpp);
  // returns at once when none was needed. For tests and tools.
  void WaitForTableUpgrade();

  // Test hook: rewrites the stored bytes of the event at `position`.
  Status TamperForTest(std::uint64_t position, const std::function<void(std::string&)>& change);

 private:
  struct Pending {
    AppendRequest request;
    AppendCallback done;
    std::size_t bytes = 0;
  };
  // A planned batch on its way to its callbacks: the events written (none
  // when no request in it wrote), the head after them, and each request's
  // callback with its result.
  struct Completion {
    std::vector<RecordedEvent> events;
    HeadInfo head;
    std::vector<AppendCallback> dones;
    std::vector<Result<AppendResult>> results;
  };
  static constexpr std::size_t kBatchesInCompletion = 4;

  explicit RocksDbEventStore(RocksDbStoreOptions options);
  Status LoadHead();
  void CommitLoop();
  void CommitBatch(std::vector<Pending>& batch);
  void CompleteLoop();
  void Complete(Completion& batch);
  std::uint64_t LoadStreamVersion(const std::string& stream) const;
  std::optional<IdempotencyRecord> LoadIdempotency(const std::string& key) const;
  bool HasWholeFileIndexes(rocksdb::ColumnFamilyHandle* family) const;
  void StartTableUpgrade();

  RocksDbStoreOptions options_;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;  // owned; closed in dtor
  rocksdb::ColumnFamilyHandle* meta_ = nullptr;
  rocksdb::ColumnFamilyHandle* events_ = nullptr;
  rocksdb::ColumnFamilyHandle* streams_ = nullptr;
  rocksdb::ColumnFamilyHandle* idempotency_ = nullptr;
  rocksdb::ColumnFamilyHandle* projections_ = nullptr;
  rocksdb::ColumnFamilyHandle* local_state_ = nullptr;  // sessions, drafts
  rocksdb::ColumnFamilyHandle* stream_heads_ = nullptr;

  // Queue of appends waiting for the commit thread.
  std::mutex queue_mu_;
  std::condition_variable queue_cv_;
  std::deque<Pending> queue_;  // GUARDED_BY(queue_mu_)
  bool stopping_ = false;      // GUARDED_BY(queue_mu_)

  // What the commit thread plans on: the head after the last batch it wrote
  // (ahead of head_ while batches wait for completion). Commit thread only.
  HeadInfo written_head_;
  std::int64_t written_head_recorded_at_ = 0;

  // Durable batches waiting for the completion thread, in order.
  std::mutex completion_mu_;
  std::condition_variable completion_cv_;
  std::deque<Completion> completions_;  // GUARDED_BY(completion_mu_)
  bool commits_done_ = false;           // GUARDED_BY(completion_mu_)

  // The head as readers see it: advanced by the completion thread just
  // before the listeners see the batch.
  mutable std::mutex head_mu_;
  mutable std::condition_variable head_cv_;
  HeadInfo head_;  // GUARDED_BY(head_mu_)
  // Versions of the streams written lately (2 x 32,768 streams at most).
  mutable RecentStreamVersions versions_{32768};

  std::vector<CommitListener> listeners_;  // set before traffic
  BatchFolder folder_;                     // set before traffic
  StoreCounters counters_;
  std::thread committer_;
  std::thread completer_;
  std::thread upgrader_;  // StartTableUpgrade(); joined in the dtor
};

}  // namespace hoering
