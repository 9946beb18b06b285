// The committee's inbox (issue 15) over 10,000 responses with 5 points each
// (50,000 points). Run with
//   build/release/bench/inbox_bench --benchmark_counters_tabular=true
// (HOERING_BENCH_RESPONSES changes the number of responses.)
//
// The consultation and its 1,000-section text: bench/inbox/world.h. The
// same binary measures the diff page (diff_page_bench.cpp).
//
// BM_WordScan/<q>     the pure part: MatchesAllPrefixes over the 50,000
//                     points' word lists (domain/text/search_words.h)
// BM_Search/<case>    app::PointSearch::Search, warm (the index kept): the
//                     freshness check (response ids and stream versions) plus
//                     the scan; p50/p99 in ms as counters
// BM_SearchCold       a new PointSearch each time: every response folded
// BM_InboxPage/<q>    GET /manage/consultations/{id}/responses?q= over HTTP
//                     with an admin session: whole answer, p50/p99, bytes
// Target (issue 15): the inbox page p99 <= 100 ms over 50,000 points.
#include <algorithm>

#include "bench/inbox/world.h"
#include "domain/text/search_words.h"
#include "server/app/point_search.h"

namespace hoering::testing {
namespace {

using Clock = BenchClock;

void BM_WordScan(benchmark::State& state, std::string query) {
  static const std::vector<std::string> lists = [] {
    std::vector<std::string> out;
    std::mt19937 rng(3);
    const auto words = Vocabulary();
    for (std::size_t i = 0; i < Responses() * 5; ++i) {
      out.push_back(text::WordList(PointText(rng, words)));
    }
    return out;
  }();
  const auto prefixes = text::SearchWords(query);
  std::size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const auto& l : lists) found += text::MatchesAllPrefixes(l, prefixes);
    benchmark::DoNotOptimize(found);
  }
  state.counters["points"] = static_cast<double>(lists.size());
  state.counters["found"] = static_cast<double>(found);
}

void BM_Search(benchmark::State& state, app::PointFilter filter) {
  World& w = TheWorld();
  app::PointSearch search(w.server->app().context(), std::size_t{64} << 20);
  Check(search.Search("big", filter, "", 50).ok(), "search");
  std::vector<double> ms;
  std::size_t total = 0;
  for (auto _ : state) {
    const auto t0 = Clock::now();
    auto found = search.Search("big", filter, "", 50);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    Check(found.ok(), "search");
    total = found->total;
  }
  Percentiles(state, ms);
  state.counters["found"] = static_cast<double>(total);
  state.counters["kept_MB"] = static_cast<double>(search.stats().bytes) / (1 << 20);
}

void BM_SearchCold(benchmark::State& state) {
  World& w = TheWorld();
  for (auto _ : state) {
    app::PointSearch search(w.server->app().context(), std::size_t{64} << 20);
    Check(search.Search("big", {}, "", 50).ok(), "search");
  }
}

void BM_InboxPage(benchmark::State& state, std::string query) {
  TimePage(state, "/manage/consultations/big/responses" + query, true);
}

app::PointFilter Query(std::string q) {
  app::PointFilter f;
  f.query = std::move(q);
  return f;
}
app::PointFilter Outcome(std::string o) {
  app::PointFilter f;
  f.outcome = std::move(o);
  return f;
}
app::PointFilter Party(std::string p) {
  app::PointFilter f;
  f.party = std::move(p);
  return f;
}

BENCHMARK_CAPTURE(BM_WordScan, tandl, std::string("TANDL"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WordScan, two_words, std::string("sund kom"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WordScan, none, std::string("zzzz"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Search, all, app::PointFilter{})->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Search, tandl, Query("TANDL"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Search, two_words, Query("sund kom"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Search, no_disposition, Outcome("none"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Search, one_party, Party("p7"))->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchCold)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_InboxPage, all, std::string(""))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_InboxPage, tandl, std::string("?q=TANDL"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_InboxPage, no_disposition, std::string("?outcome=none"))
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hoering::testing
