// RocksDbEventStore as a ProjectionStore (storage/projection_store.h): the
// `projections` column family, written without sync and never part of the
// hash chain. The event log half is rocksdb_event_store.cpp.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include "storage/rocksdb_event_store.h"
#include "storage/rocksdb_status.h"

namespace hoering {

Result<ProjectionEntries> ScanFamily(rocksdb::DB& db, rocksdb::ColumnFamilyHandle* family,
                                     const std::string& prefix, const std::string& after,
                                     std::size_t limit) {
  ProjectionEntries out;
  std::unique_ptr<rocksdb::Iterator> it(db.NewIterator({}, family));
  if (after < prefix) {
    it->Seek(prefix);
  } else {
    it->Seek(after);
    if (it->Valid() && it->key().ToStringView() == after) it->Next();
  }
  for (; it->Valid() && out.size() < limit; it->Next()) {
    if (!it->key().starts_with(prefix)) break;
    out.emplace_back(it->key().ToString(), it->value().ToString());
  }
  if (!it->status().ok()) return FromRocks(it->status(), "scanning " + family->GetName());
  return out;
}

Result<std::optional<std::string>> GetFamily(rocksdb::DB& db, rocksdb::ColumnFamilyHandle* family,
                                             const std::string& key, const std::string& what) {
  std::string value;
  auto s = db.Get({}, family, key, &value);
  if (s.IsNotFound()) return std::optional<std::string>{};
  if (!s.ok()) return FromRocks(s, what);
  return std::optional<std::string>(std::move(value));
}

Status RocksDbEventStore::PutProjection(const std::string& key, const std::string& value) {
  // Checkpoints are large (a snapshot of every read view) and derived: they
  // bypass the WAL and go straight to an SST file by a flush, so the next
  // open need not replay a gigabyte of WAL. Atomic either way: a crash before
  // the flush leaves the previous value.
  rocksdb::WriteOptions wo;
  wo.disableWAL = true;
  if (auto s = db_->Put(wo, projections_, key, value); !s.ok()) {
    return FromRocks(s, "writing projection");
  }
  rocksdb::FlushOptions flush;
  flush.wait = true;
  return FromRocks(db_->Flush(flush, projections_), "flushing projection");
}

Result<std::optional<std::string>> RocksDbEventStore::GetProjection(const std::string& key) const {
  return GetFamily(*db_, projections_, key, "reading projection");
}

Result<std::optional<LentBytes>> RocksDbEventStore::GetSelfCheckedProjection(
    const std::string& key) const {
  rocksdb::ReadOptions options;
  options.verify_checksums = false;
  auto value = std::make_shared<rocksdb::PinnableSlice>();
  auto s = db_->Get(options, projections_, key, value.get());
  if (s.IsNotFound()) return std::optional<LentBytes>{};
  if (!s.ok()) return FromRocks(s, "reading projection");
  const std::string_view bytes = value->ToStringView();
  return std::optional<LentBytes>(LentBytes{bytes, std::move(value)});
}

Status RocksDbEventStore::WriteProjections(const std::vector<ProjectionWrite>& writes) {
  rocksdb::WriteBatch batch;
  for (const auto& w : writes) {
    auto s = w.value ? batch.Put(projections_, w.key, *w.value) : batch.Delete(projections_, w.key);
    if (!s.ok()) return FromRocks(s, "batching projection writes");
  }
  return FromRocks(db_->Write(rocksdb::WriteOptions(), &batch), "writing projections");
}

Result<ProjectionEntries> RocksDbEventStore::ScanProjections(const std::string& prefix,
                                                             const std::string& after,
                                                             std::size_t limit) const {
  return ScanFamily(*db_, projections_, prefix, after, limit);
}

Status RocksDbEventStore::ResumeCompactions() {
  return FromRocks(db_->EnableAutoCompaction(handles_), "resuming compactions");
}

Status RocksDbEventStore::DeleteProjections(const std::string& prefix) {
  // Every key that starts with `prefix` sorts in [prefix, prefix + 0xff...).
  std::string end = prefix;
  while (!end.empty() && static_cast<unsigned char>(end.back()) == 0xff) end.pop_back();
  if (end.empty()) return InvalidArgument("cannot delete every projection by prefix");
  end.back() = static_cast<char>(static_cast<unsigned char>(end.back()) + 1);
  return FromRocks(db_->DeleteRange(rocksdb::WriteOptions(), projections_, prefix, end),
                   "deleting projections");
}

}  // namespace hoering
