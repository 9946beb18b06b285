#include "storage/rocksdb_setup.h"

#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>
#include <rocksdb/write_buffer_manager.h>

#include <algorithm>

namespace hoering {

RocksDbSetup RocksDbSetupFor(const RocksDbStoreOptions& options) {
  RocksDbSetup setup;
  rocksdb::Options& db_options = setup.db;
  db_options.create_if_missing = !options.must_exist;
  db_options.create_missing_column_families = true;
  db_options.IncreaseParallelism(2);
  db_options.max_total_wal_size = options.max_wal_bytes;
  db_options.write_buffer_manager =
      std::make_shared<rocksdb::WriteBufferManager>(options.write_buffer_bytes);
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  // Index and filter blocks grow with the data; in the cache they stay
  // within its budget instead of being held for every open table. They are
  // partitioned (a small top level, pinned, over blocks of about 4 KiB): a
  // whole-file index or filter of a 64 MB table is 1-2 MB, more than one shard
  // of the cache holds, so it was read from the file and checksummed again
  // on every lookup (60 % of the server's CPU under the mixed load,
  // docs/performance.md).
  table.cache_index_and_filter_blocks = true;
  table.pin_l0_filter_and_index_blocks_in_cache = true;
  table.index_type = rocksdb::BlockBasedTableOptions::kTwoLevelIndexSearch;
  table.partition_filters = true;
  table.pin_top_level_index_and_filter = true;
  rocksdb::ColumnFamilyOptions cf_options;
  cf_options.write_buffer_size = std::max<std::size_t>(options.write_buffer_bytes / 4, 1u << 20);
  cf_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  cf_options.compression = rocksdb::kNoCompression;
  cf_options.disable_auto_compactions = options.defer_compactions;
  // stream_heads is looked up for every append, mostly for streams that do
  // not exist yet: a Bloom filter answers those without reading a block.
  rocksdb::BlockBasedTableOptions heads_table = table;
  heads_table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  rocksdb::ColumnFamilyOptions heads_options = cf_options;
  heads_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(heads_table));
  heads_options.memtable_prefix_bloom_size_ratio = 0.1;
  heads_options.memtable_whole_key_filtering = true;

  // The views snapshot (about 10 MB at 1M events) is one value of the
  // projections column family. In a table it is one block that every lookup
  // of a neighbouring key reads and checksums whole (100 ms for a missing
  // key beside it): values from 64 KiB on live in blob files instead, read
  // only when asked for, and the old ones are collected at compaction.
  rocksdb::ColumnFamilyOptions projections_options = cf_options;
  projections_options.enable_blob_files = true;
  projections_options.min_blob_size = 64 << 10;
  projections_options.blob_file_size = 64 << 20;
  projections_options.enable_blob_garbage_collection = true;
  // Small memtables for the response index: folding the log inserts its
  // keys in no useful order, and in a 16 MB skip list each insert missed the
  // CPU cache level after level (memcmp was 18 % of a rebuild's CPU). With
  // 4 MB a rebuild of 2.6M events took 18.6-19.6 s instead of 21.5-26.3 s
  // (five runs each, alternating; 2 MB: 27 s, too many flushes; 8 MB: 22 s;
  // docs/performance.md, session 19).
  projections_options.write_buffer_size =
      std::min<std::size_t>(cf_options.write_buffer_size, std::size_t{4} << 20);

  setup.families = {
      {rocksdb::kDefaultColumnFamilyName, cf_options},
      {"events", cf_options},
      {"streams", cf_options},
      {"idempotency", cf_options},
      {"projections", projections_options},
      {"stream_heads", heads_options},
      {"local_state", cf_options},
  };
  return setup;
}

}  // namespace hoering
