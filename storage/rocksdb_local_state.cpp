// RocksDbEventStore as a LocalStateStore (storage/local_state_store.h): the
// `local_state` column family, every write synced, never part of the hash
// chain or of Verify().
#include <rocksdb/db.h>

#include "storage/rocksdb_event_store.h"
#include "storage/rocksdb_status.h"

namespace hoering {

namespace {

rocksdb::WriteOptions Synced() {
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return wo;
}

}  // namespace

Status RocksDbEventStore::PutLocal(const std::string& key, const std::string& value) {
  return FromRocks(db_->Put(Synced(), local_state_, key, value), "writing local state");
}

Result<std::optional<std::string>> RocksDbEventStore::GetLocal(const std::string& key) const {
  return GetFamily(*db_, local_state_, key, "reading local state");
}

Status RocksDbEventStore::DeleteLocal(const std::string& key) {
  return FromRocks(db_->Delete(Synced(), local_state_, key), "deleting local state");
}

Result<ProjectionEntries> RocksDbEventStore::ScanLocal(const std::string& prefix,
                                                       const std::string& after,
                                                       std::size_t limit) const {
  return ScanFamily(*db_, local_state_, prefix, after, limit);
}

}  // namespace hoering
