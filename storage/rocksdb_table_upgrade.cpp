// Tables written before the index and filter blocks were partitioned
// (2026-12-03) carry one whole-file filter each: 1-2 MB for a 64 MB table,
// more than a shard of the block cache holds, so every point lookup of
// stream_heads read it from the file again (docs/performance.md, session 17).
// At open, when stream_heads has such a table, one background manual
// compaction rewrites that column family's tables with the current options.
#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/table_properties.h>

#include "storage/rocksdb_event_store.h"

namespace hoering {

bool RocksDbEventStore::HasWholeFileIndexes(rocksdb::ColumnFamilyHandle* family) const {
  rocksdb::TablePropertiesCollection tables;
  if (!db_->GetPropertiesOfAllTables(family, &tables).ok()) return false;
  for (const auto& [file, properties] : tables) {
    if (properties && properties->num_entries > 0 && properties->index_partitions == 0) {
      return true;
    }
  }
  return false;
}

void RocksDbEventStore::StartTableUpgrade() {
  if (!HasWholeFileIndexes(stream_heads_)) return;
  upgrader_ = std::thread([this] {
    rocksdb::CompactRangeOptions options;
    options.exclusive_manual_compaction = false;  // appends and flushes go on
    options.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
    // Incomplete when the store closes first: the next open starts again.
    (void)db_->CompactRange(options, stream_heads_, nullptr, nullptr);
  });
}

void RocksDbEventStore::WaitForTableUpgrade() {
  if (upgrader_.joinable()) upgrader_.join();
}

}  // namespace hoering
