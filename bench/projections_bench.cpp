// Read views over a large log: fold the whole log (a rebuild), write a
// checkpoint, start from the checkpoint.
//
//   HOERING_BENCH_EVENTS=1000000 HOERING_BENCH_DIR=/tmp/hoering-1m \
//     build/release/bench/projections_bench --benchmark_counters_tabular=true
//
// The store is a random consultation history (tests/support/random_history.h)
// in <HOERING_BENCH_DIR>/store, generated on the first run and reused after
// (a data dir hoering-server can start on: scripts/bench_start.sh measures
// the real server's time to ready on it). Without HOERING_BENCH_DIR a temp
// dir is used and removed.
//
// BM_RebuildProjections  ReadViews::Start(false): every event from position 1
//                        through projections::Views; items_per_second = events/s
// BM_ReadLog, BM_ReadAndParseLog  the floor under a rebuild: reading the
//                        events, and reading plus parsing their JSON once
// BM_ReadResponseStreams ReadStream of 20,000 response streams in random
//                        order: a response read the server does not keep
// BM_WriteCheckpoint     encode the views of the whole log and store them
// BM_StartFromCheckpoint ReadViews::Start(true) on that checkpoint: decode,
//                        check against the log, restore (what a restart costs)
// BM_RestoreStages       the restore's stages one after another on one thread:
//                        reading the stored bytes, hashing the body, and per
//                        view decoding its CBOR entry by entry (_decode) and
//                        restoring it, decoding and folding (_restore), as
//                        DecodeCheckpoint does (counters in ms)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <set>

#include "domain/sha256.h"
#include "domain/snapshot/snapshot_source.h"
#include "server/app/checkpoint.h"
#include "server/app/read_views.h"
#include "storage/rocksdb_event_store.h"
#include "tests/support/random_history.h"

namespace hoering {
namespace {

std::unique_ptr<RocksDbEventStore> g_store;
std::filesystem::path g_dir;
bool g_remove = false;

std::uint64_t WantedEvents() {
  const char* env = std::getenv("HOERING_BENCH_EVENTS");
  return env ? std::strtoull(env, nullptr, 10) : 1000000;
}

void OpenStore() {
  if (g_store) return;
  if (const char* dir = std::getenv("HOERING_BENCH_DIR")) {
    g_dir = dir;
  } else {
    g_dir = std::filesystem::temp_directory_path() /
            ("hoering-bench-projections-" + std::to_string(std::random_device{}()));
    g_remove = true;
  }
  std::filesystem::create_directories(g_dir);
  auto s = RocksDbEventStore::Open({.path = (g_dir / "store").string()});
  if (!s.ok()) {
    std::cerr << s.status().detail() << "\n";
    std::abort();
  }
  g_store = std::move(s).value();
  const std::uint64_t have = g_store->Head().position;
  const std::uint64_t want = WantedEvents();
  if (have >= want) return;
  if (have > 0) {
    std::cerr << g_dir << " holds " << have << " events, fewer than " << want
              << "; use an empty or a new HOERING_BENCH_DIR\n";
    std::abort();
  }
  std::cerr << "generating " << want - have << " events into " << g_dir << " ...\n";
  const auto start = std::chrono::steady_clock::now();
  testdata::HistoryOptions options;
  options.events = want - have;
  auto stats = testdata::AppendRandomHistory(*g_store, options);
  if (!stats.ok()) {
    std::cerr << stats.status().detail() << "\n";
    std::abort();
  }
  std::cerr << "generated " << stats->events << " events in "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
            << " s\n";
}

void BM_RebuildProjections(benchmark::State& state) {
  OpenStore();
  std::uint64_t events = 0;
  for (auto _ : state) {
    app::ReadViews views(*g_store);
    auto s = views.Start(false);
    if (!s.ok()) state.SkipWithError(s.status().detail().c_str());
    events += s->replayed;
    state.counters["events"] = static_cast<double>(s->replayed);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
}
BENCHMARK(BM_RebuildProjections)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

// The parts of a rebuild: reading the log only, and reading plus parsing
// every event's JSON data (what the views must do at least once per event).
void ScanLog(benchmark::State& state, bool parse) {
  OpenStore();
  std::uint64_t events = 0;
  for (auto _ : state) {
    std::uint64_t at = 1;
    std::size_t keys = 0;
    for (;;) {
      auto page = g_store->ReadAll(at, 4096);
      if (!page.ok() || page->empty()) break;
      for (const auto& e : *page) {
        if (parse) keys += nlohmann::json::parse(e.data, nullptr, false).size();
        at = e.position + 1;
        ++events;
      }
    }
    benchmark::DoNotOptimize(keys);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
}
void BM_ReadLog(benchmark::State& state) {
  ScanLog(state, false);
}
void BM_ReadAndParseLog(benchmark::State& state) {
  ScanLog(state, true);
}
BENCHMARK(BM_ReadLog)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();
BENCHMARK(BM_ReadAndParseLog)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

// What a request for a response the server does not keep costs in the
// store: ReadStream of 20,000 response streams spread over the log, in a
// fixed random order (the stream index seek and the events' MultiGet).
void BM_ReadResponseStreams(benchmark::State& state) {
  OpenStore();
  std::vector<std::string> streams;
  {
    std::set<std::string> seen;
    const std::uint64_t head = g_store->Head().position;
    const std::uint64_t step = std::max<std::uint64_t>(head / 20000, 1);
    for (std::uint64_t at = 1; at <= head && seen.size() < 20000; at += step) {
      auto page = g_store->ReadAll(at, 1);
      if (!page.ok() || page->empty()) break;
      const std::string& stream = page->front().stream;
      if (stream.rfind("response-", 0) == 0 && seen.insert(stream).second) {
        streams.push_back(stream);
      }
    }
  }
  std::shuffle(streams.begin(), streams.end(), std::mt19937(42));
  std::uint64_t reads = 0, events = 0;
  for (auto _ : state) {
    for (const auto& stream : streams) {
      auto read = g_store->ReadStream(stream, 1, 1000);
      if (!read.ok()) state.SkipWithError(read.status().detail().c_str());
      events += read->size();
      ++reads;
    }
  }
  state.counters["streams"] = static_cast<double>(streams.size());
  state.counters["events_per_stream"] = reads ? static_cast<double>(events) / reads : 0;
  state.SetItemsProcessed(static_cast<std::int64_t>(reads));
}
BENCHMARK(BM_ReadResponseStreams)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

void BM_WriteCheckpoint(benchmark::State& state) {
  OpenStore();
  app::ReadViews views(*g_store);
  if (!views.Start(false).ok()) state.SkipWithError("start");
  std::uint64_t bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    // Forget the last checkpoint so that every iteration writes one.
    app::ReadViews fresh(*g_store);
    if (!fresh.Start(false).ok()) state.SkipWithError("start");
    state.ResumeTiming();
    auto c = fresh.WriteCheckpoint();
    if (!c.ok()) state.SkipWithError(c.status().detail().c_str());
    bytes = c->bytes;
  }
  state.counters["bytes"] = static_cast<double>(bytes);
  // The size of each view's part, to see where the bytes are.
  auto stored = g_store->GetProjection(app::kCheckpointKey);
  if (stored.ok() && stored->has_value()) {
    auto header = app::DecodeCheckpointHeader(**stored);
    if (header.ok()) {
      for (const auto& [view, size] : header->parts) {
        state.counters[view] = static_cast<double>(size);
      }
    }
  }
}
BENCHMARK(BM_WriteCheckpoint)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void BM_StartFromCheckpoint(benchmark::State& state) {
  OpenStore();
  {
    app::ReadViews views(*g_store);
    if (!views.Start(false).ok()) state.SkipWithError("start");
    if (!views.WriteCheckpoint().ok()) state.SkipWithError("checkpoint");
  }
  for (auto _ : state) {
    app::ReadViews views(*g_store);
    auto s = views.Start(true);
    if (!s.ok() || !s->from_checkpoint) state.SkipWithError("not from the checkpoint");
    state.counters["replayed"] = static_cast<double>(s->replayed);
  }
}
BENCHMARK(BM_StartFromCheckpoint)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

// Reads a part as its view's ReadSnapshot does, decoding every entry's JSON
// but folding nothing: the decoding share of a restore. `shape` is the kind
// of each top-level member's container in key order ('a' an array, 'o' an
// object of entries); empty: the top level is an object of entries; "v": the
// part is one value (the small views).
void DecodeOnly(snapshot::SnapshotSource& in, std::string_view shape) {
  auto entries = [&](char kind) {
    std::size_t n = kind == 'a' ? in.ArraySize() : in.ObjectSize();
    for (; n > 0; --n) {
      if (kind == 'o') in.Key();
      benchmark::DoNotOptimize(in.Value());
    }
    in.End();
  };
  if (shape == "v") {
    benchmark::DoNotOptimize(in.Value());
  } else if (shape.empty()) {
    entries('o');
  } else {
    in.ObjectOfSize(shape.size());
    for (char kind : shape) {
      in.Key();
      entries(kind);
    }
    in.End();
  }
  in.Finish();
}

// Per view: its part decoded entry by entry (_decode), and restored, which
// is decoding and folding each entry in turn (_restore, what a start does).
template <typename View>
void TimeRestorePart(benchmark::State& state, const std::string& name, std::string_view bytes,
                     std::string_view shape) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  try {
    snapshot::CborSnapshotSource in(bytes);
    DecodeOnly(in, shape);
  } catch (const std::exception& e) {
    state.SkipWithError(("part " + name + ": " + e.what()).c_str());
  }
  const auto t1 = Clock::now();
  snapshot::CborSnapshotSource in(bytes);
  auto view = snapshot::ReadWhole<View>(in, name.c_str());
  const auto t2 = Clock::now();
  if (!view.ok()) state.SkipWithError(("part " + name).c_str());
  state.counters[name + "_decode"] = std::chrono::duration<double, std::milli>(t1 - t0).count();
  state.counters[name + "_restore"] = std::chrono::duration<double, std::milli>(t2 - t1).count();
}

void BM_RestoreStages(benchmark::State& state) {
  using Clock = std::chrono::steady_clock;
  OpenStore();
  if (auto stored = g_store->GetProjection(app::kCheckpointKey); !stored.ok() || !*stored) {
    app::ReadViews views(*g_store);
    if (!views.Start(false).ok() || !views.WriteCheckpoint().ok()) state.SkipWithError("write");
  }
  for (auto _ : state) {
    const auto t0 = Clock::now();
    auto stored = g_store->GetSelfCheckedProjection(app::kCheckpointKey);  // as a start reads it
    const auto t1 = Clock::now();
    if (!stored.ok() || !*stored) {
      state.SkipWithError("no checkpoint");
      break;
    }
    auto header = app::DecodeCheckpointHeader((*stored)->bytes);
    if (!header.ok()) {
      state.SkipWithError("header");
      break;
    }
    const std::string_view body = (*stored)->bytes.substr(header->body_offset);
    benchmark::DoNotOptimize(Sha256(body));
    const auto t2 = Clock::now();
    state.counters["read"] = std::chrono::duration<double, std::milli>(t1 - t0).count();
    state.counters["sha256"] = std::chrono::duration<double, std::milli>(t2 - t1).count();
    std::size_t offset = 0;
    for (const auto& [name, size] : header->parts) {
      const std::string_view part = body.substr(offset, size);
      offset += size;
      if (name == "access") TimeRestorePart<access::AccessView>(state, name, part, "v");
      if (name == "agreements") {
        TimeRestorePart<agreements::AgreementsView>(state, name, part, "");
      }
      if (name == "consultations") {
        TimeRestorePart<consultations::ConsultationsView>(state, name, part, "ao");
      }
      if (name == "decisions") TimeRestorePart<decisions::DecisionsView>(state, name, part, "ooo");
      if (name == "invitations") {
        TimeRestorePart<invitations::InvitationsView>(state, name, part, "v");
      }
      if (name == "parties") TimeRestorePart<parties::PartiesView>(state, name, part, "v");
    }
  }
}
BENCHMARK(BM_RestoreStages)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

}  // namespace
}  // namespace hoering

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  hoering::g_store.reset();
  if (hoering::g_remove) std::filesystem::remove_all(hoering::g_dir);
  return 0;
}
