// A RocksDB status as a hoering Status: corruption is kCorruption, every
// other failure kUnavailable, both of type "storage-error" with `what` and
// RocksDB's text in the detail. Shared by the files of RocksDbEventStore.
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/status.h>

#include <optional>
#include <string>

#include "domain/status.h"
#include "storage/projection_store.h"

namespace hoering {

inline Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::Ok();
  Code code = s.IsCorruption() ? Code::kCorruption : Code::kUnavailable;
  return Status(code, what + ": " + s.ToString(), "storage-error");
}

// The value of `key` in a column family; nullopt when it has none. `what`
// names the read in an error (rocksdb_projections.cpp).
Result<std::optional<std::string>> GetFamily(rocksdb::DB& db, rocksdb::ColumnFamilyHandle* family,
                                             const std::string& key, const std::string& what);

// Up to `limit` entries of a column family whose keys start with `prefix` and
// are > `after`, in key order (rocksdb_projections.cpp).
Result<ProjectionEntries> ScanFamily(rocksdb::DB& db, rocksdb::ColumnFamilyHandle* family,
                                     const std::string& prefix, const std::string& after,
                                     std::size_t limit);

}  // namespace hoering
