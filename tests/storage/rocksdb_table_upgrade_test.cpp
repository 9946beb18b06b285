// A store whose stream_heads tables still have whole-file index and filter
// blocks (as every store written before 2026-12-03) has them rewritten as
// partitioned ones after an open, and keeps every stream's version.
#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>
#include <rocksdb/table_properties.h>

#include <string>
#include <vector>

#include "storage/rocksdb_event_store.h"
#include "tests/support/temp_dir.h"

namespace hoering {
namespace {

// Opens the store's RocksDB directly with `table` for every column family,
// calls `use` with the database and the stream_heads handle, and closes it.
template <typename Use>
void WithRawDb(const std::string& path, const rocksdb::BlockBasedTableOptions& table, Use use) {
  std::vector<std::string> names;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies({}, path, &names).ok());
  rocksdb::ColumnFamilyOptions family;
  family.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  std::size_t heads = names.size();
  for (std::size_t i = 0; i < names.size(); ++i) {
    descriptors.emplace_back(names[i], family);
    if (names[i] == "stream_heads") heads = i;
  }
  ASSERT_LT(heads, names.size());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open({}, path, descriptors, &handles, &raw).ok());
  use(*raw, handles[heads]);
  for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
  delete raw;
}

// The number of stream_heads tables, and how many have a whole-file index.
std::pair<std::size_t, std::size_t> HeadsTables(rocksdb::DB& db, rocksdb::ColumnFamilyHandle* cf) {
  rocksdb::TablePropertiesCollection tables;
  EXPECT_TRUE(db.GetPropertiesOfAllTables(cf, &tables).ok());
  std::size_t whole = 0;
  for (const auto& [file, properties] : tables) whole += properties->index_partitions == 0;
  return {tables.size(), whole};
}

TEST(RocksDbTableUpgrade, WholeFileIndexesOfStreamHeadsAreRewrittenAfterAnOpen) {
  testing::TempDir dir;
  {
    auto store = RocksDbEventStore::Open({.path = dir.str()});
    ASSERT_TRUE(store.ok()) << store.status().detail();
    for (int i = 0; i < 300; ++i) {
      AppendRequest r;
      r.stream = "stream-" + std::to_string(i % 100);
      r.events.push_back({"Thing", 1, {{"n", i}}});
      ASSERT_TRUE((*store)->Append(std::move(r)).ok());
    }
  }
  // Rewrite stream_heads as an older binary did: one whole-file index and
  // Bloom filter a table.
  rocksdb::BlockBasedTableOptions old_format;
  old_format.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  WithRawDb(dir.str(), old_format, [](rocksdb::DB& db, rocksdb::ColumnFamilyHandle* heads) {
    rocksdb::CompactRangeOptions rewrite;
    rewrite.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
    ASSERT_TRUE(db.CompactRange(rewrite, heads, nullptr, nullptr).ok());
    auto [tables, whole] = HeadsTables(db, heads);
    ASSERT_GT(tables, 0u);
    EXPECT_EQ(whole, tables);
  });

  {
    auto store = RocksDbEventStore::Open({.path = dir.str()});
    ASSERT_TRUE(store.ok()) << store.status().detail();
    (*store)->WaitForTableUpgrade();
    for (int i = 0; i < 100; ++i) {
      EXPECT_EQ((*store)->StreamVersion("stream-" + std::to_string(i)), 3u) << i;
    }
  }
  WithRawDb(dir.str(), {}, [](rocksdb::DB& db, rocksdb::ColumnFamilyHandle* heads) {
    auto [tables, whole] = HeadsTables(db, heads);
    EXPECT_GT(tables, 0u);
    EXPECT_EQ(whole, 0u);
  });
}

}  // namespace
}  // namespace hoering
