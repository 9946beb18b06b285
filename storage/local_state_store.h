// What a server keeps in its data directory that is not an event and not
// derived from events: web sessions and response drafts (RocksDB's
// "local_state" column family). Outside the hash chain: never verified,
// never replicated, never part of an export; a value may be deleted at any
// time (expiry) without any trace in the log.
//
// Every write is synced before it returns (a session created is not lost by
// a crash). Thread safety: every method may be called from any thread.
#pragma once

#include <optional>
#include <string>

#include "domain/status.h"
#include "storage/projection_store.h"  // ProjectionEntries

namespace hoering {

class LocalStateStore {
 public:
  virtual ~LocalStateStore() = default;

  virtual Status PutLocal(const std::string& key, const std::string& value) = 0;
  virtual Result<std::optional<std::string>> GetLocal(const std::string& key) const = 0;
  // Deleting a missing key is ok.
  virtual Status DeleteLocal(const std::string& key) = 0;
  // Up to `limit` entries whose keys start with `prefix` and are > `after`,
  // in key order (as ProjectionStore::ScanProjections).
  virtual Result<ProjectionEntries> ScanLocal(const std::string& prefix, const std::string& after,
                                              std::size_t limit) const = 0;
};

}  // namespace hoering
