#include "storage/rocksdb_event_store.h"

#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>

#include "domain/event_codec.h"
#include "storage/key_codec.h"
#include "storage/rocksdb_setup.h"
#include "storage/rocksdb_status.h"
#include "storage/system_clock.h"

namespace hoering {
namespace {

constexpr const char* kFormatVersion = "1";

std::string_view HashView(const Hash& h) {
  return {reinterpret_cast<const char*>(h.data()), h.size()};
}

// head value: position:u64 hash:32 recorded_at_ms:u64
std::string EncodeHead(const HeadInfo& head, std::int64_t recorded_at) {
  std::string v = keys::EncodeU64(head.position);
  v.append(HashView(head.hash));
  v += keys::EncodeU64(static_cast<std::uint64_t>(recorded_at));
  return v;
}

// idempotency value: first:u64 last:u64 stream_version:u64 hash:32 fingerprint
std::string EncodeIdempotency(const IdempotencyRecord& r) {
  std::string v = keys::EncodeU64(r.result.first_position);
  v += keys::EncodeU64(r.result.last_position);
  v += keys::EncodeU64(r.result.stream_version);
  v.append(HashView(r.result.last_hash));
  v += r.fingerprint;
  return v;
}

std::optional<IdempotencyRecord> DecodeIdempotency(std::string_view v) {
  if (v.size() < 56) return std::nullopt;
  IdempotencyRecord r;
  r.result.first_position = keys::DecodeU64(v.substr(0, 8));
  r.result.last_position = keys::DecodeU64(v.substr(8, 8));
  r.result.stream_version = keys::DecodeU64(v.substr(16, 8));
  std::copy(v.begin() + 24, v.begin() + 56, r.result.last_hash.begin());
  r.fingerprint = std::string(v.substr(56));
  return r;
}

std::size_t RequestBytes(const AppendRequest& r) {
  std::size_t n = r.stream.size() + 128;
  for (const auto& e : r.events) n += e.type.size() + e.data_text.size() + 128;
  return n;
}

}  // namespace

RocksDbEventStore::RocksDbEventStore(RocksDbStoreOptions options) : options_(std::move(options)) {
  if (!options_.clock) options_.clock = SystemClockMs;
}

Result<std::unique_ptr<RocksDbEventStore>> RocksDbEventStore::Open(RocksDbStoreOptions options) {
  if (options.path.empty()) return InvalidArgument("store path is empty");
  std::unique_ptr<RocksDbEventStore> store(new RocksDbEventStore(std::move(options)));

  const RocksDbSetup setup = RocksDbSetupFor(store->options_);
  rocksdb::DB* raw = nullptr;
  auto s =
      rocksdb::DB::Open(setup.db, store->options_.path, setup.families, &store->handles_, &raw);
  if (!s.ok()) return FromRocks(s, "opening " + store->options_.path);
  store->db_.reset(raw);
  store->meta_ = store->handles_[0];
  store->events_ = store->handles_[1];
  store->streams_ = store->handles_[2];
  store->idempotency_ = store->handles_[3];
  store->projections_ = store->handles_[4];
  store->stream_heads_ = store->handles_[5];
  store->local_state_ = store->handles_[6];

  if (Status st = store->LoadHead(); !st.ok()) return st;
  store->written_head_ = store->head_;
  store->completer_ = std::thread([s = store.get()] { s->CompleteLoop(); });
  store->committer_ = std::thread([s = store.get()] { s->CommitLoop(); });
  store->StartTableUpgrade();
  return store;
}

Status RocksDbEventStore::LoadHead() {
  std::string format;
  auto s = db_->Get({}, meta_, keys::kMetaFormat, &format);
  if (s.IsNotFound()) {
    rocksdb::WriteOptions wo;
    wo.sync = true;
    if (auto st = FromRocks(db_->Put(wo, meta_, keys::kMetaFormat, kFormatVersion), "format");
        !st.ok()) {
      return st;
    }
  } else if (!s.ok()) {
    return FromRocks(s, "reading format");
  } else if (format != kFormatVersion) {
    return Status(Code::kCorruption, "unknown store format '" + format + "'", "storage-format");
  }

  std::string head;
  s = db_->Get({}, meta_, keys::kMetaHead, &head);
  if (s.IsNotFound())
    head.clear();
  else if (!s.ok())
    return FromRocks(s, "reading head");
  if (!head.empty()) {
    if (head.size() != 48) return Status(Code::kCorruption, "head record is malformed");
    head_.position = keys::DecodeU64(head.substr(0, 8));
    std::copy(head.begin() + 8, head.begin() + 40, head_.hash.begin());
    written_head_recorded_at_ = static_cast<std::int64_t>(keys::DecodeU64(head.substr(40, 8)));
  }
  // The head record is written in the same batch as the events, so the last
  // event key must equal it.
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator({}, events_));
  it->SeekToLast();
  std::uint64_t last = it->Valid() ? keys::DecodeU64(it->key().ToStringView()) : 0;
  if (last != head_.position) {
    return Status(Code::kCorruption,
                  "head record says position " + std::to_string(head_.position) +
                      " but the last stored event is " + std::to_string(last),
                  "storage-head-mismatch");
  }
  return Status::Ok();
}

RocksDbEventStore::~RocksDbEventStore() {
  {
    std::lock_guard lock(queue_mu_);
    stopping_ = true;
  }
  queue_cv_.notify_all();
  if (committer_.joinable()) committer_.join();
  {
    std::lock_guard lock(completion_mu_);
    commits_done_ = true;
  }
  completion_cv_.notify_all();
  if (completer_.joinable()) completer_.join();
  if (db_) db_->DisableManualCompaction();  // an unfinished table upgrade stops
  WaitForTableUpgrade();
  if (db_) {
    // A clean shutdown leaves no WAL to replay at the next open.
    rocksdb::FlushOptions flush;
    flush.wait = true;
    (void)db_->Flush(flush, handles_);
  }
  for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h);
  if (db_) db_->Close();
}

void RocksDbEventStore::AppendAsync(AppendRequest request, AppendCallback done) {
  CommitPlanner::Prepare(request);
  std::size_t bytes = RequestBytes(request);
  {
    std::lock_guard lock(queue_mu_);
    if (!stopping_) {
      queue_.push_back({std::move(request), std::move(done), bytes});
      queue_cv_.notify_one();
      return;
    }
  }
  done(Status(Code::kUnavailable, "the store is closing", "unavailable"));
}

void RocksDbEventStore::CommitLoop() {
  std::vector<Pending> batch;
  for (;;) {
    {
      std::unique_lock lock(queue_mu_);
      queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      std::size_t bytes = 0;
      while (!queue_.empty() && batch.size() < options_.max_batch_requests &&
             (batch.empty() || bytes + queue_.front().bytes <= options_.max_batch_bytes)) {
        bytes += queue_.front().bytes;
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    CommitBatch(batch);
    batch.clear();
  }
}

void RocksDbEventStore::CommitBatch(std::vector<Pending>& batch) {
  std::vector<const AppendRequest*> requests;
  requests.reserve(batch.size());
  for (const auto& p : batch) requests.push_back(&p.request);

  CommittedState state{[this](const std::string& s) { return StreamVersion(s); },
                       [this](const std::string& k) { return LoadIdempotency(k); }};
  CommitPlan plan = CommitPlanner::Plan(requests, written_head_, written_head_recorded_at_,
                                        options_.clock(), state);

  Status written = Status::Ok();
  if (!plan.events.empty()) {
    rocksdb::WriteBatch wb;
    for (const auto& e : plan.events) {
      wb.Put(events_, keys::EventKey(e.position), EncodeStored(e));
      wb.Put(streams_, keys::StreamKey(e.stream, e.stream_version), keys::EncodeU64(e.position));
    }
    for (const auto& [stream, version] : plan.stream_versions) {
      wb.Put(stream_heads_, stream, keys::EncodeU64(version));
    }
    for (const auto& [key, rec] : plan.idempotency) {
      wb.Put(idempotency_, key, EncodeIdempotency(rec));
    }
    wb.Put(meta_, keys::kMetaHead, EncodeHead(plan.head, plan.events.back().recorded_at_ms));
    std::optional<FoldedWrites> folded;
    if (folder_) folded = folder_(plan.events);
    if (folded) {
      for (const auto& w : folded->writes) {
        if (w.value) {
          wb.Put(projections_, w.key, *w.value);
        } else {
          wb.Delete(projections_, w.key);
        }
      }
    }
    rocksdb::WriteOptions wo;
    wo.sync = options_.sync;
    written = FromRocks(db_->Write(wo, &wb), "committing a batch");
    if (written.ok()) {
      if (folded && folded->stored) folded->stored();
      counters_.batches.fetch_add(1, std::memory_order_relaxed);
      counters_.events.fetch_add(plan.events.size(), std::memory_order_relaxed);
      if (options_.sync) counters_.fsyncs.fetch_add(1, std::memory_order_relaxed);
      for (const auto& [stream, v] : plan.stream_versions) versions_.Put(stream, v);
      written_head_ = plan.head;
      written_head_recorded_at_ = plan.events.back().recorded_at_ms;
    }
  }

  Completion completion;
  if (written.ok()) completion.events = std::move(plan.events);
  completion.head = written_head_;
  completion.dones.reserve(batch.size());
  completion.results.reserve(batch.size());
  for (std::size_t i = 0; i < batch.size(); ++i) {
    auto& planned = plan.appends[i];
    completion.dones.push_back(std::move(batch[i].done));
    if (!written.ok() && planned.event_count > 0) {
      completion.results.emplace_back(written);
    } else {
      completion.results.push_back(std::move(planned.result));
    }
  }
  std::unique_lock lock(completion_mu_);
  completion_cv_.wait(lock, [&] { return completions_.size() < kBatchesInCompletion; });
  completions_.push_back(std::move(completion));
  completion_cv_.notify_all();
}

void RocksDbEventStore::CompleteLoop() {
  for (;;) {
    Completion next;
    {
      std::unique_lock lock(completion_mu_);
      completion_cv_.wait(lock, [&] { return commits_done_ || !completions_.empty(); });
      if (completions_.empty()) return;  // the commit thread is done and all is completed
      next = std::move(completions_.front());
      completions_.pop_front();
    }
    completion_cv_.notify_all();  // room for the commit thread
    Complete(next);
  }
}

void RocksDbEventStore::Complete(Completion& batch) {
  if (!batch.events.empty()) {
    {
      std::lock_guard lock(head_mu_);
      head_ = batch.head;
    }
    for (const auto& l : listeners_) l(batch.events);
    head_cv_.notify_all();
    if (options_.on_batch) options_.on_batch(batch.dones.size(), batch.events.size());
  }
  for (std::size_t i = 0; i < batch.dones.size(); ++i) batch.dones[i](std::move(batch.results[i]));
}

std::uint64_t RocksDbEventStore::StreamVersion(const std::string& stream) const {
  if (auto version = versions_.Find(stream)) return *version;
  // Not remembered: only commits fill versions_ (for the streams they
  // write), so reads of many or unknown streams do not grow it. The commit
  // thread writes the database before versions_, so this read is never older
  // than an acknowledged append.
  return LoadStreamVersion(stream);
}

std::uint64_t RocksDbEventStore::LoadStreamVersion(const std::string& stream) const {
  std::string value;
  auto s = db_->Get({}, stream_heads_, stream, &value);
  if (!s.ok() || value.size() != 8) return 0;
  return keys::DecodeU64(value);
}

std::optional<IdempotencyRecord> RocksDbEventStore::LoadIdempotency(const std::string& key) const {
  std::string value;
  auto s = db_->Get({}, idempotency_, key, &value);
  if (!s.ok()) return std::nullopt;
  return DecodeIdempotency(value);
}

Result<std::vector<RecordedEvent>> RocksDbEventStore::ReadStream(const std::string& stream,
                                                                 std::uint64_t from_version,
                                                                 std::size_t limit) const {
  std::vector<RecordedEvent> out;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator({}, streams_));
  std::vector<std::string> event_keys;
  std::uint64_t version = 0;
  for (it->Seek(keys::StreamKey(stream, std::max<std::uint64_t>(from_version, 1)));
       it->Valid() && event_keys.size() < limit &&
       keys::StreamKeyVersion(it->key().ToStringView(), stream, version);
       it->Next()) {
    event_keys.emplace_back(it->value().ToString());
  }
  if (!it->status().ok()) return FromRocks(it->status(), "reading stream index");
  if (event_keys.empty()) return out;
  // The batched MultiGet (keys sorted: a stream's positions rise with its
  // versions), values pinned in the blocks instead of copied.
  std::vector<rocksdb::Slice> slices(event_keys.begin(), event_keys.end());
  std::vector<rocksdb::PinnableSlice> values(slices.size());
  std::vector<rocksdb::Status> statuses(slices.size());
  db_->MultiGet({}, events_, slices.size(), slices.data(), values.data(), statuses.data(),
                /*sorted_input=*/true);
  out.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!statuses[i].ok()) return FromRocks(statuses[i], "reading event");
    auto e = DecodeStored(values[i].ToStringView());
    if (!e.ok()) return e.status();
    out.push_back(std::move(e).value());
  }
  return out;
}

Result<std::vector<RecordedEvent>> RocksDbEventStore::ReadAll(std::uint64_t from_position,
                                                              std::size_t limit) const {
  std::vector<RecordedEvent> out;
  // A read in log order is a scan (a rebuild, the views' catch-up, an
  // auditor paging /v1/events): its blocks do not enter the block cache,
  // where they would push out what the serving reads use. An audit of the
  // 48,000 positions of a mixed run filled the cache by 35 MB
  // (docs/performance.md, session 19).
  rocksdb::ReadOptions scan;
  scan.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(scan, events_));
  for (it->Seek(keys::EventKey(std::max<std::uint64_t>(from_position, 1)));
       it->Valid() && out.size() < limit; it->Next()) {
    auto e = DecodeStored(it->value().ToStringView());
    if (!e.ok()) {
      return Status(Code::kCorruption,
                    "the stored event at position " +
                        std::to_string(keys::DecodeU64(it->key().ToStringView())) +
                        " does not decode; run verify",
                    "corruption");
    }
    out.push_back(std::move(e).value());
  }
  if (!it->status().ok()) return FromRocks(it->status(), "reading events");
  return out;
}

std::optional<IdempotencyRecord> RocksDbEventStore::FindIdempotencyKey(
    const std::string& key) const {
  return LoadIdempotency(key);
}

HeadInfo RocksDbEventStore::Head() const {
  std::lock_guard lock(head_mu_);
  return head_;
}

std::uint64_t RocksDbEventStore::WaitForPosition(std::uint64_t after,
                                                 std::chrono::milliseconds timeout) const {
  std::unique_lock lock(head_mu_);
  head_cv_.wait_for(lock, timeout, [&] { return head_.position > after; });
  return head_.position;
}

void RocksDbEventStore::AddCommitListener(CommitListener listener) {
  listeners_.push_back(std::move(listener));
}

void RocksDbEventStore::SetBatchFolder(BatchFolder folder) {
  folder_ = std::move(folder);
}

}  // namespace hoering
