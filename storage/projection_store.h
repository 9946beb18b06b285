// Derived data kept beside the log: the persistent read views (RocksDB's
// "projections" column family). Not part of the hash chain and not checked by
// EventLog::Verify(): whoever reads a view checks its recorded position
// against the log before trusting it.
//
// A view follows the log on its own: it shares no WriteBatch with the events
// it folds, records the position it has folded up to in its own writes, and
// folds the tail after that position at start. So the log may live elsewhere
// (a replicated database) while the views stay local to one server.
//
// Thread safety: every method may be called from any thread concurrently;
// one WriteProjections() is atomic (all of its writes or none) and readers
// see it whole.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/status.h"

namespace hoering {

// One key's new value; nullopt deletes the key.
struct ProjectionWrite {
  std::string key;
  std::optional<std::string> value;
};

// Bytes a store lends out: `bytes` stays valid as long as `owner` lives.
struct LentBytes {
  std::string_view bytes;
  std::shared_ptr<const void> owner;
};

using ProjectionEntries = std::vector<std::pair<std::string, std::string>>;

class ProjectionStore {
 public:
  virtual ~ProjectionStore() = default;

  // A large value (a snapshot of the in-memory views): stored durably and
  // atomically, replacing the key's value, outside the WAL. RocksDB flushes
  // the column family for it, so it is for rare, large values only; small
  // ones go through WriteProjections().
  virtual Status PutProjection(const std::string& key, const std::string& value) = 0;
  virtual Result<std::optional<std::string>> GetProjection(const std::string& key) const = 0;
  // A large value that carries a hash of its contents (the views snapshot:
  // the SHA-256 of its body), for a caller that checks that hash: read
  // without the store's own checksums, in the store's buffer where it can
  // lend it. Debian's RocksDB computes its CRC32C without SSE 4.2: the 90 MB
  // snapshot of a 10M-event log is read in 0.09 s instead of 0.23 s.
  virtual Result<std::optional<LentBytes>> GetSelfCheckedProjection(
      const std::string& key) const = 0;

  // Applies `writes` atomically. Not synced by itself: the writes are in the
  // WAL and become durable with the next synced write or flush; a crash may
  // lose a suffix of them, never part of one call. A view therefore writes
  // its position in the same call as the keys it changed.
  virtual Status WriteProjections(const std::vector<ProjectionWrite>& writes) = 0;

  // Up to `limit` entries whose keys start with `prefix` and are > `after`
  // (all from the prefix when `after` is empty or sorts before it), in key
  // order (bytewise).
  virtual Result<ProjectionEntries> ScanProjections(const std::string& prefix,
                                                    const std::string& after,
                                                    std::size_t limit) const = 0;

  // Removes every key that starts with `prefix`.
  virtual Status DeleteProjections(const std::string& prefix) = 0;

  // The views are restored: background maintenance held back for the start
  // (RocksDbStoreOptions::defer_compactions) may begin. Idempotent; a store
  // with no background work has nothing to resume.
  virtual Status ResumeCompactions() { return Status::Ok(); }
};

}  // namespace hoering
