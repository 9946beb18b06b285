// Time travel over a long agreement stream (issue 3). Run with
//   build/release/bench/agreements_bench --benchmark_min_time=1
// (this file and diff_bench.cpp make one benchmark program).
//
// BM_TextAtVersionWith10000ChangeSets/...    one agreement stream of 10,000
//     change sets (adds, body edits, moves, removes over ~20 chapters) with a
//     version published after every 1,000th, as RecordedEvents in memory
//     (positions interleaved with other streams, one second apart). The
//     selector variants fold the events as the server does for ?at=:
//       StateAt_version        StateAt(events, version 10)
//       TextsAt_version        TextsAt(events, {version 10})
//       TextsAt_position       TextsAt(events, {position:<last event>})
//       TextsAt_time           TextsAt(events, {time:<last event>})
//     (version 10 and the last event are the worst case: the whole stream).
//     Target: < 50 ms. Section bodies are paragraphs of 100..399 bytes (each
//     edit carries a whole new body): ~4.7 MB of event data. For scale:
//       Fold_keep_version_texts        the full fold keeping version texts
//                                      (what makes TextAt possible)
//       StateAt_version_no_hash_check  StateAt without verify_version_hashes
//       JsonParse_only                 json::parse of every event's data alone
//       *_small_bodies                 the same stream shape with bodies of
//                                      10..29 bytes (~1.4 MB of event data)
//       TextAt_folded_state            TextAt(state, version 10) on a state
//                                      folded keeping version texts, no events
//                                      (in microseconds: far below 1 ms).
// Workloads are built once per process, outside the timed loops.
#include <benchmark/benchmark.h>

#include <random>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "bench/agreements/workload.h"
#include "domain/agreements/agreement_state.h"
#include "domain/agreements/time_travel.h"

namespace hoering::agreements::bench {
namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------
// 3. Time travel over 10,000 change sets.

constexpr int kChangeSets = 10000;
constexpr int kVersionEvery = 1000;
constexpr int kChapters = 20;

struct HistoryWorkload {
  std::vector<RecordedEvent> events;
  AgreementState folded;  // the state after all events, keeping version texts
  std::size_t event_bytes = 0;
  std::size_t final_sections = 0;
};

// Section bodies of min..min+spread-1 bytes (chapters: 300).
HistoryWorkload BuildHistory(std::size_t body_min, std::size_t body_spread) {
  std::mt19937 rng(3);
  Stream s("sa-2024", /*position_step=*/3);
  s.Create();
  // Change set 1: the chapters. Then a random mix per change set of one or
  // two ops: 30% add a section to a chapter, 50% edit a section's body (a
  // new paragraph of body_min.. bytes), 10% move a section to another chapter,
  // 10% remove one.
  json chapters = json::array();
  for (int c = 0; c < kChapters; ++c) {
    chapters.push_back(Add("ch-" + std::to_string(c), "chapter", "Kapitel " + std::to_string(c), "",
                           Paragraph(rng, 300)));
  }
  s.RecordChangeSet(chapters);
  std::vector<std::string> live;  // non-chapter sections
  int next_id = 0;
  auto chapter = [&] { return "ch-" + std::to_string(rng() % kChapters); };
  for (int i = 2; i <= kChangeSets; ++i) {
    json ops = json::array();
    std::set<std::string> in_this;  // one op per section per change set
    const int n = 1 + static_cast<int>(rng() % 2);
    for (int k = 0; k < n; ++k) {
      int r = static_cast<int>(rng() % 10);
      if (live.size() < 10) r = 0;
      if (r < 3) {
        std::string id = "s-" + std::to_string(++next_id);
        const std::string parent = chapter();
        const std::size_t bytes = body_min + rng() % body_spread;
        ops.push_back(
            Add(id, "text", "Afsnit " + std::to_string(next_id), parent, Paragraph(rng, bytes)));
        live.push_back(id);
        in_this.insert(id);
        continue;
      }
      const std::size_t pick = rng() % live.size();
      const std::string id = live[pick];
      if (!in_this.insert(id).second) continue;
      if (r < 8) {
        const std::size_t bytes = body_min + rng() % body_spread;
        ops.push_back(Edit(id, Paragraph(rng, bytes)));
      } else if (r < 9) {
        ops.push_back(Move(id, chapter(), ""));
      } else {
        ops.push_back(Remove(id));
        live[pick] = live.back();
        live.pop_back();
      }
    }
    s.RecordChangeSet(ops);
    if (i % kVersionEvery == 0) {
      std::string label = "v";  // (not "v" + to_string: a GCC 12 -Wrestrict false positive)
      label += std::to_string(i / kVersionEvery);
      s.Publish(label);
    }
  }
  if (s.state().change_sets().size() != kChangeSets) Die("expected 10000 change sets");
  if (s.state().versions().size() != kChangeSets / kVersionEvery) Die("expected 10 versions");
  HistoryWorkload h{s.events(), s.state(), 0, s.state().text().size()};
  for (const auto& e : h.events) h.event_bytes += e.data.size();
  return h;
}

// Paragraph-sized bodies (100..399 bytes): ~4.7 MB of event data.
const HistoryWorkload& LongHistory() {
  static const HistoryWorkload w = BuildHistory(100, 300);
  return w;
}
// Bodies of 10..29 bytes, like the old timing test's "body <n>": for scale.
const HistoryWorkload& LongHistorySmallBodies() {
  static const HistoryWorkload w = BuildHistory(10, 20);
  return w;
}

enum class Fold {
  kStateAtVersion,
  kTextsAtVersion,
  kTextsAtPosition,
  kTextsAtTime,
  kFull,
  kStateAtVersionNoHashCheck,
  kJsonParseOnly,
};

void BM_TextAtVersionWith10000ChangeSets(benchmark::State& state, Fold how, bool small_bodies) {
  const HistoryWorkload& w = small_bodies ? LongHistorySmallBodies() : LongHistory();
  const RecordedEvent& last = w.events.back();
  AtSelector at;
  switch (how) {
    case Fold::kStateAtVersion:
    case Fold::kTextsAtVersion:
    case Fold::kStateAtVersionNoHashCheck:
      at.kind = AtSelector::Kind::kVersion;
      at.version = kChangeSets / kVersionEvery;
      break;
    case Fold::kTextsAtPosition:
      at.kind = AtSelector::Kind::kPosition;
      at.position = last.position;
      break;
    case Fold::kTextsAtTime:
      at.kind = AtSelector::Kind::kTime;
      at.time_ms = last.recorded_at_ms;
      break;
    case Fold::kFull:
    case Fold::kJsonParseOnly:
      break;
  }
  for (auto _ : state) {
    if (how == Fold::kStateAtVersion) {
      auto s = StateAt(w.events, at);
      if (!s.ok()) state.SkipWithError(s.status().detail().c_str());
      benchmark::DoNotOptimize(s);
    } else if (how == Fold::kStateAtVersionNoHashCheck) {
      auto s = StateAt(w.events, at, FoldOptions{false, false});
      if (!s.ok()) state.SkipWithError(s.status().detail().c_str());
      benchmark::DoNotOptimize(s);
    } else if (how == Fold::kJsonParseOnly) {
      std::size_t n = 0;
      for (const auto& e : w.events) n += json::parse(e.data).size();
      benchmark::DoNotOptimize(n);
    } else if (how == Fold::kFull) {
      auto s = AgreementState::Fold(w.events);
      if (!s.ok()) state.SkipWithError(s.status().detail().c_str());
      benchmark::DoNotOptimize(s);
    } else {
      auto t = TextsAt(w.events, std::span<const AtSelector>(&at, 1));
      if (!t.ok()) state.SkipWithError(t.status().detail().c_str());
      benchmark::DoNotOptimize(t);
    }
  }
  state.counters["events"] = static_cast<double>(w.events.size());
  state.counters["event_MB"] = static_cast<double>(w.event_bytes) / (1 << 20);
  state.counters["sections"] = static_cast<double>(w.final_sections);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * w.event_bytes));
}
#define HOERING_FOLD_BENCH(name, how, small)                               \
  BENCHMARK_CAPTURE(BM_TextAtVersionWith10000ChangeSets, name, how, small) \
      ->Unit(benchmark::kMillisecond)
HOERING_FOLD_BENCH(StateAt_version, Fold::kStateAtVersion, false);
HOERING_FOLD_BENCH(TextsAt_version, Fold::kTextsAtVersion, false);
HOERING_FOLD_BENCH(TextsAt_position, Fold::kTextsAtPosition, false);
HOERING_FOLD_BENCH(TextsAt_time, Fold::kTextsAtTime, false);
// For scale: where the time goes, and the old test's lighter events.
HOERING_FOLD_BENCH(Fold_keep_version_texts, Fold::kFull, false);
HOERING_FOLD_BENCH(StateAt_version_no_hash_check, Fold::kStateAtVersionNoHashCheck, false);
HOERING_FOLD_BENCH(JsonParse_only, Fold::kJsonParseOnly, false);
HOERING_FOLD_BENCH(StateAt_version_small_bodies, Fold::kStateAtVersion, true);
HOERING_FOLD_BENCH(TextsAt_position_small_bodies, Fold::kTextsAtPosition, true);
#undef HOERING_FOLD_BENCH

void BM_TextAtVersionWith10000ChangeSets_TextAt(benchmark::State& state) {
  const HistoryWorkload& w = LongHistory();
  AtSelector at;
  at.kind = AtSelector::Kind::kVersion;
  at.version = kChangeSets / kVersionEvery;
  for (auto _ : state) {
    auto t = TextAt(w.folded, at);
    if (!t.ok()) state.SkipWithError(t.status().detail().c_str());
    benchmark::DoNotOptimize(t);
  }
  state.counters["sections"] = static_cast<double>(w.final_sections);
}
BENCHMARK(BM_TextAtVersionWith10000ChangeSets_TextAt)
    ->Name("BM_TextAtVersionWith10000ChangeSets/TextAt_folded_state")
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace hoering::agreements::bench
