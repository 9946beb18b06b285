// An in-memory ordered map of string keys to string values behind its own
// mutex: the projections and the local state of MemoryEventStore. Keys sort
// bytewise, as in RocksDB, so scans return what the RocksDB store returns.
// Thread safety: every method may be called from any thread concurrently.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "storage/projection_store.h"

namespace hoering {

class MemoryKeyValues {
 public:
  void Put(const std::string& key, const std::string& value);
  std::optional<std::string> Get(const std::string& key) const;
  void Delete(const std::string& key);
  // Applies every write under one lock: readers see all of them or none.
  void Write(const std::vector<ProjectionWrite>& writes);
  // Up to `limit` entries whose keys start with `prefix` and are > `after`,
  // in key order.
  ProjectionEntries Scan(const std::string& prefix, const std::string& after,
                         std::size_t limit) const;
  // Removes every key that starts with `prefix`.
  void DeletePrefix(const std::string& prefix);

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::string> map_;  // GUARDED_BY(mu_)
};

}  // namespace hoering
