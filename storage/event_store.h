// The event store: an append-only, hash-chained log of RecordedEvents split
// into streams. The one interface every implementation provides (leveldb's
// include/leveldb/db.h style); implementations live in memory_event_store.h
// and rocksdb_event_store.h.
//
// Guarantees every implementation gives (tests/storage/conformance_test.cpp):
//  * Positions are global, gapless and start at 1; stream versions are
//    per-stream, gapless and start at 1.
//  * An append is atomic: all of its events are committed or none.
//  * Acknowledged means durable: the callback of AppendAsync (and the return
//    of Append) happens only after the write is on stable storage.
//  * Optimistic concurrency: an ExpectedVersion that does not hold fails the
//    whole append with Code::kWrongExpectedVersion and writes nothing.
//  * A `decided_on` stream that moved on fails the append the same way.
//  * Idempotency: a second append with the same non-empty idempotency key
//    writes nothing and reports the first append's result (duplicate = true).
//    If its fingerprint differs from the first one, it fails with
//    kUnprocessable ("idempotency-key-reused").
//  * Read-your-writes: once an append is acknowledged, every read sees it.
//  * hash(n) = SHA-256(hash(n-1) || canonical(n)); Verify() checks it all.
//
// Thread safety: every method may be called from any thread concurrently.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/event.h"
#include "domain/status.h"
#include "storage/local_state_store.h"
#include "storage/projection_store.h"

namespace hoering {

struct ExpectedVersion {
  enum class Kind { kAny, kNoStream, kExact };
  Kind kind = Kind::kAny;
  std::uint64_t version = 0;  // for kExact: the stream's current version

  static ExpectedVersion Any() { return {Kind::kAny, 0}; }
  static ExpectedVersion NoStream() { return {Kind::kNoStream, 0}; }
  static ExpectedVersion Exact(std::uint64_t v) { return {Kind::kExact, v}; }
};

struct AppendRequest {
  std::string stream;  // REQUIRES: non-empty, no NUL byte
  ExpectedVersion expected;
  std::vector<NewEvent> events;  // REQUIRES: at least one
  AppendContext context;         // actor, correlation id, idempotency key
  // Identifies the request behind an idempotency key (e.g. a hash of the
  // HTTP body). A retry with the same key and another fingerprint is refused.
  std::string idempotency_fingerprint;
  // When set, the append commits only if its recorded-at time (the store's
  // clock at commit) is before this instant; otherwise it fails with
  // kConflict "deadline-passed" and nothing is written. A retry of an append
  // already committed under the same idempotency key still returns its
  // first result. Used for consultation deadlines.
  std::optional<std::int64_t> commit_before;
  // A cross-stream check for a decision that read another stream: the append
  // commits only if that stream is still at that version at commit
  // (in commit order, so an append earlier in the same group commit counts);
  // otherwise kWrongExpectedVersion "decided-on-changed" and nothing is
  // written. A response decided while its consultation was open names the
  // consultation's stream, so an explicit close committed first refuses it.
  std::optional<StreamAt> decided_on;
};

// Why the store refused an append, as a value (the Status of a failed append
// carries the matching problem type; RefusalOf() reads it back).
enum class AppendRefusal {
  kWrongExpectedVersion,  // "version-conflict": the written stream moved on
  kDecidedOnChanged,      // "decided-on-changed": a stream the decision read moved on
  kDeadlinePassed,        // "deadline-passed": the commit time reached commit_before
  kIdempotencyKeyReused,  // "idempotency-key-reused": same key, another fingerprint
  kOther,                 // anything else (shape, I/O, closing)
};
Status RefusalStatus(AppendRefusal refusal, std::string detail);
AppendRefusal RefusalOf(const Status& status);

struct AppendResult {
  std::uint64_t first_position = 0;
  std::uint64_t last_position = 0;
  std::uint64_t stream_version = 0;  // the stream's version after the append
  bool duplicate = false;            // an earlier append with the same key
  Hash last_hash{};
};

// What an idempotency key remembers: the first append's result and the
// fingerprint of the request behind it.
struct IdempotencyRecord {
  std::string fingerprint;
  AppendResult result;
};

struct HeadInfo {
  std::uint64_t position = 0;  // 0 for an empty store
  Hash hash{};                 // hash of the event at position; zero if empty
};

struct VerifyReport {
  bool ok = true;
  std::uint64_t checked = 0;
  HeadInfo head;
  std::optional<std::uint64_t> first_bad;
  std::string problem;  // what was wrong at first_bad
};

// How a long Verify() tells where it is: `report` is called with the number
// of events checked so far after every `every` events (on the verifying
// thread; it must not call the store). Empty `report`: no calls.
struct VerifyProgress {
  std::uint64_t every = 4096;
  std::function<void(std::uint64_t checked)> report;
};

// Called on one store thread (RocksDbEventStore: its completion thread) with
// every batch of newly durable events, batch after batch in position order,
// after Head() reaches them and before the appends in it are acknowledged. It holds up
// every acknowledgement until it returns (the server folds the batch into its
// read views here); it must not call Append.
using CommitListener = std::function<void(const std::vector<RecordedEvent>&)>;
using AppendCallback = std::function<void(Result<AppendResult>)>;

// Projection writes folded from a batch before it is written, stored in the
// same atomic write as its events; `stored` is called once they are durable
// (not when the write fails), on the store's commit thread.
struct FoldedWrites {
  std::vector<ProjectionWrite> writes;
  std::function<void()> stored;
};
// Called on the store's commit thread with every batch of planned events
// (positions and hashes assigned, not yet written), in position order; what
// it returns is written with them, nothing for nullopt. It may read
// projections (the ones of earlier batches are stored), must be quick and
// must not append.
using BatchFolder = std::function<std::optional<FoldedWrites>(const std::vector<RecordedEvent>&)>;

// Reading the log: what routes, queries and pages are given. Appending is
// the command service's alone (server/commands/command_service.h), through
// EventStore.
class EventLog {
 public:
  virtual ~EventLog() = default;

  // Events of `stream` with stream_version >= from_version, at most `limit`.
  virtual Result<std::vector<RecordedEvent>> ReadStream(const std::string& stream,
                                                        std::uint64_t from_version,
                                                        std::size_t limit) const = 0;
  // The stream's current version; 0 when it does not exist.
  virtual std::uint64_t StreamVersion(const std::string& stream) const = 0;

  // Events with position >= from_position, at most `limit`, in order.
  virtual Result<std::vector<RecordedEvent>> ReadAll(std::uint64_t from_position,
                                                     std::size_t limit) const = 0;

  virtual HeadInfo Head() const = 0;

  // The record of a committed idempotency key, if any. Lets a caller answer a
  // retry before deciding anew on a state the first attempt already changed.
  virtual std::optional<IdempotencyRecord> FindIdempotencyKey(const std::string& key) const = 0;

  // Blocks until Head().position > after or the timeout passes; returns the
  // head position seen last.
  virtual std::uint64_t WaitForPosition(std::uint64_t after,
                                        std::chrono::milliseconds timeout) const = 0;

  // Walks the chain from position 1 to the head and checks every hash link,
  // every position and the stream index, reporting its progress as it goes.
  virtual VerifyReport Verify(const VerifyProgress& progress) const = 0;
  VerifyReport Verify() const { return Verify(VerifyProgress{}); }
};

// The log with its writing side: appends, commit listeners, the derived data
// kept beside it (storage/projection_store.h) and the server's local state
// (storage/local_state_store.h).
class EventStore : public EventLog, public ProjectionStore, public LocalStateStore {
 public:
  // Appends asynchronously; `done` runs exactly once, on a store thread, after
  // the events are durable (or with the error). Never blocks on I/O.
  virtual void AppendAsync(AppendRequest request, AppendCallback done) = 0;

  // Blocking convenience over AppendAsync.
  Result<AppendResult> Append(AppendRequest request);

  // Registers a listener for committed batches (see CommitListener). Listeners
  // are registered before traffic starts; they are not removed.
  virtual void AddCommitListener(CommitListener listener) = 0;

  // Sets the one folder whose projection writes go into every batch's own
  // write (see BatchFolder); set before traffic starts. A view that follows
  // the log through a listener alone (a log in another database) works the
  // same, one write later.
  virtual void SetBatchFolder(BatchFolder folder) = 0;
};

}  // namespace hoering
