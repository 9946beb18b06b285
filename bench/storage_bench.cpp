// Durable append throughput of the event store against raw RocksDB.
//
//   build/bench/storage_bench --benchmark_counters_tabular=true
//
// BM_StoreAppend/threads:N  N concurrent appenders, each appending one 1 KB
//                           event per call and waiting for its durable ack
//                           (group commit batches whatever is waiting).
// BM_RawRocksDbBatch/B      one thread writing synced WriteBatches of B 1 KB
//                           values straight to RocksDB: the ceiling for a
//                           store that batches B appends into one fsync.
// items_per_second is events per second in both.
#include <benchmark/benchmark.h>
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <random>

#include "storage/key_codec.h"
#include "storage/rocksdb_event_store.h"

namespace hoering {
namespace {

std::filesystem::path FreshDir(const char* name) {
  auto p = std::filesystem::temp_directory_path() /
           (std::string("hoering-bench-") + name + "-" + std::to_string(std::random_device{}()));
  std::filesystem::remove_all(p);
  return p;
}

const std::string kPayload(1000, 'p');
std::unique_ptr<RocksDbEventStore> g_store;
std::filesystem::path g_dir;
std::atomic<std::uint64_t> g_batches{0};

void SetUpStore(const benchmark::State&) {
  g_dir = FreshDir("store");
  auto s = RocksDbEventStore::Open({.path = g_dir.string()});
  if (!s.ok()) std::abort();
  g_store = std::move(s).value();
}
void TearDownStore(const benchmark::State&) {
  g_store.reset();
  std::filesystem::remove_all(g_dir);
}

void BM_StoreAppend(benchmark::State& state) {
  std::uint64_t i = 0;
  const std::string stream = "bench-" + std::to_string(state.thread_index());
  const auto batches_before = g_store->counters().batches.load();
  for (auto _ : state) {
    AppendRequest r;
    r.stream = stream;
    r.events.push_back({"BenchEvent", 1, {{"i", ++i}, {"payload", kPayload}}});
    auto res = g_store->Append(std::move(r));
    if (!res.ok()) state.SkipWithError(res.status().detail().c_str());
  }
  state.SetItemsProcessed(state.iterations());
  if (state.thread_index() == 0) {
    const auto batches = g_store->counters().batches.load() - batches_before;
    state.counters["fsyncs"] = benchmark::Counter(static_cast<double>(batches));
  }
}
BENCHMARK(BM_StoreAppend)
    ->Setup(SetUpStore)
    ->Teardown(TearDownStore)
    ->Threads(1)
    ->Threads(16)
    ->Threads(64)
    ->MinTime(3.0)
    ->UseRealTime();

void BM_RawRocksDbBatch(benchmark::State& state) {
  auto dir = FreshDir("raw");
  rocksdb::Options options;
  options.create_if_missing = true;
  rocksdb::DB* raw = nullptr;
  if (!rocksdb::DB::Open(options, dir.string(), &raw).ok()) std::abort();
  std::unique_ptr<rocksdb::DB> db(raw);
  rocksdb::WriteOptions wo;
  wo.sync = true;
  const auto batch_size = static_cast<std::uint64_t>(state.range(0));
  std::uint64_t key = 0;
  for (auto _ : state) {
    rocksdb::WriteBatch wb;
    for (std::uint64_t i = 0; i < batch_size; ++i) wb.Put(keys::EncodeU64(++key), kPayload);
    if (!db->Write(wo, &wb).ok()) state.SkipWithError("write failed");
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * batch_size));
  db.reset();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_RawRocksDbBatch)->Arg(1)->Arg(16)->Arg(64)->MinTime(3.0)->UseRealTime();

}  // namespace
}  // namespace hoering

BENCHMARK_MAIN();
