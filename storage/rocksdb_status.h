// A RocksDB status as a hoering Status: corruption is kCorruption, every
// other failure kUnavailable, both of type "storage-error" with `what` and
// RocksDB's text in the detail. Shared by the files of RocksDbEventStore.
#pragma once

#include <rocksdb/status.h>
#include <string>

#include "domain/status.h"

namespace hoering {

inline Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::Ok();
  Code code = s.IsCorruption() ? Code::kCorruption : Code::kUnavailable;
  return Status(code, what + ": " + s.ToString(), "storage-error");
}

}  // namespace hoering
