// Diffs between two versions of an agreement text (issue 3). Run with
//   build/release/bench/agreements_bench --benchmark_min_time=1
// (this file and time_travel_bench.cpp make one benchmark program).
//
// BM_DiffRealAgreement20Edits/...       the real agreement (tests/fixtures/
//     agreement-2024-2027.md, imported as the domain does) published as version
//     A, then one change set of 20 ops spread over the text (17 body edits, one
//     move, one add, one remove) published as version B. "diff" is DiffTexts(A,
//     B); "diff_to_json" adds DiffToJson and its dump(), i.e. the body of GET
//     .../diff. Target: < 5 ms.
// BM_DiffSynthetic1000Sections200Edits/...   a synthetic text of 1,000 sections
//     (50 chapters of 19 sections, ~1 KB of body each, ~1 MB) and a copy with
//     200 changes (190 body edits, 8 moves, one add, one remove); same two
//     measurements. Target: < 200 ms.
// Workloads are built once per process, outside the timed loops.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "bench/agreements/workload.h"
#include "domain/agreements/diff_render.h"
#include "domain/agreements/section_diff.h"

namespace hoering::agreements::bench {
namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------
// 1. The real agreement, 20 edits.

struct DiffWorkload {
  std::shared_ptr<const SectionTree> a, b;
};

const DiffWorkload& RealAgreement() {
  static const DiffWorkload w = [] {
    Stream s("sa-2024");
    s.Create();
    s.Import(ReadFixture("agreement-2024-2027.md"));
    s.Publish("A");
    const SectionTree& t = s.state().text();
    // One move (a reorder among the principles), one add (a new principle),
    // one remove (an indicator); the 17 edits go to sections spread evenly
    // over the text's bodies, none of those three.
    const std::set<std::string> special = {"principle-5", "ind-3-1-1"};
    std::vector<std::string> bodies;
    t.Walk([&](const Section& sec, std::size_t) {
      if (!sec.body.empty() && !special.contains(sec.id)) bodies.push_back(sec.id);
    });
    if (bodies.size() < 17) Die("fixture has too few sections with a body");
    json ops = json::array();
    for (std::size_t i = 0; i < 17; ++i) {
      const std::string& id = bodies[i * bodies.size() / 17];
      ops.push_back(
          Edit(id, InsertWord(t.Find(id)->body, 0.3 + 0.02 * static_cast<double>(i), "(ændret)")));
    }
    ops.push_back(Move("principle-5", "kap-4", ""));
    ops.push_back(Add("principle-6", "principle", "Læring på tværs", "kap-4",
                      "Vi deler viden og erfaringer på tværs af sektorer, så gode løsninger "
                      "udbredes hurtigt til gavn for borgerne."));
    ops.push_back(Remove("ind-3-1-1"));
    if (ops.size() != 20) Die("expected 20 ops");
    s.Change(ops);
    s.Publish("B");
    return DiffWorkload{s.state().FindVersion(1)->text, s.state().FindVersion(2)->text};
  }();
  return w;
}

// ---------------------------------------------------------------------------
// 2. A synthetic 1,000-section, ~1 MB text, 200 edits.

const DiffWorkload& Synthetic() {
  static const DiffWorkload w = [] {
    std::mt19937 rng(2);
    SectionTree a;
    for (int c = 0; c < 50; ++c) {
      std::string ch = "ch-" + std::to_string(c);
      if (!a.Insert({ch,
                     SectionKind::kChapter,
                     "Chapter " + std::to_string(c),
                     Paragraph(rng, 1000),
                     {},
                     {}},
                    {"", std::nullopt})) {
        Die("insert chapter");
      }
      for (int k = 0; k < 19; ++k) {
        if (!a.Insert({ch + "-" + std::to_string(k),
                       SectionKind::kText,
                       "Section " + std::to_string(c) + "." + std::to_string(k),
                       Paragraph(rng, 1000),
                       {},
                       {}},
                      {ch, std::nullopt})) {
          Die("insert section");
        }
      }
    }
    if (a.size() != 1000) Die("expected 1000 sections");
    SectionTree b = a;
    // 8 moves: section 3 of chapters 0..7 to the end of the next chapter.
    std::set<std::string> touched;
    for (int m = 0; m < 8; ++m) {
      std::string id = "ch-" + std::to_string(m) + "-3";
      if (!b.Move(id, {"ch-" + std::to_string(m + 1), std::nullopt})) Die("move");
      touched.insert(id);
    }
    // One remove, one add.
    if (!b.Remove("ch-20-7")) Die("remove");
    touched.insert("ch-20-7");
    if (!b.Insert({"ch-30-new", SectionKind::kText, "New section", Paragraph(rng, 1000), {}, {}},
                  {"ch-30", std::string("ch-30-4")})) {
      Die("add");
    }
    // 190 body edits of other sections, at random, a word inserted at a random
    // word boundary.
    std::vector<std::string> ids;
    a.Walk([&](const Section& s, std::size_t) {
      if (!touched.contains(s.id)) ids.push_back(s.id);
    });
    std::shuffle(ids.begin(), ids.end(), rng);
    for (std::size_t i = 0; i < 190; ++i) {
      Section* s = b.FindMutable(ids[i]);
      s->body = InsertWord(s->body, static_cast<double>(rng() % 1000) / 1000.0, "ændret");
    }
    return DiffWorkload{std::make_shared<const SectionTree>(std::move(a)),
                        std::make_shared<const SectionTree>(std::move(b))};
  }();
  return w;
}

std::size_t TextBytes(const SectionTree& t) {
  std::size_t n = 0;
  t.Walk([&](const Section& s, std::size_t) { n += s.heading.size() + s.body.size(); });
  return n;
}

void Report(benchmark::State& state, const DiffWorkload& w) {
  TextDiff d = DiffTexts(*w.a, *w.b);
  state.counters["sections"] = static_cast<double>(w.b->size());
  state.counters["KB"] = static_cast<double>(TextBytes(*w.b)) / 1024.0;
  state.counters["changed"] =
      static_cast<double>(d.counts.added + d.counts.removed + d.counts.modified + d.counts.moved);
}

void DiffOnly(benchmark::State& state, const DiffWorkload& w) {
  for (auto _ : state) {
    TextDiff d = DiffTexts(*w.a, *w.b);
    benchmark::DoNotOptimize(d);
  }
  Report(state, w);
}

void DiffToJsonDump(benchmark::State& state, const DiffWorkload& w) {
  for (auto _ : state) {
    std::string body = DiffToJson(DiffTexts(*w.a, *w.b), 1, 2).dump();
    benchmark::DoNotOptimize(body);
  }
  Report(state, w);
}

void BM_DiffRealAgreement20Edits(benchmark::State& state, bool to_json) {
  const DiffWorkload& w = RealAgreement();
  to_json ? DiffToJsonDump(state, w) : DiffOnly(state, w);
}
BENCHMARK_CAPTURE(BM_DiffRealAgreement20Edits, diff, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DiffRealAgreement20Edits, diff_to_json, true)->Unit(benchmark::kMillisecond);

void BM_DiffSynthetic1000Sections200Edits(benchmark::State& state, bool to_json) {
  const DiffWorkload& w = Synthetic();
  to_json ? DiffToJsonDump(state, w) : DiffOnly(state, w);
}
BENCHMARK_CAPTURE(BM_DiffSynthetic1000Sections200Edits, diff, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DiffSynthetic1000Sections200Edits, diff_to_json, true)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hoering::agreements::bench
