// The committee's inbox (issue 15) over 10,000 responses with 5 points each
// (50,000 points). Run with
//   build/release/bench/inbox_bench --benchmark_counters_tabular=true
// (HOERING_BENCH_RESPONSES changes the number of responses.)
//
// The consultation is built once per process through the real server
// (tests/support/test_server.h) and its HTTP API, 8 clients at a time, then
// closed. Point texts are ~40 words drawn from a vocabulary of 5,000 made-up
// Danish-looking words plus a few real ones ("tandlæge" in 1% of points).
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
#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <thread>

#include "domain/text/search_words.h"
#include "server/app/point_search.h"
#include "tests/support/test_server.h"

namespace hoering::testing {
namespace {

using Clock = std::chrono::steady_clock;

std::size_t Responses() {
  const char* env = std::getenv("HOERING_BENCH_RESPONSES");
  return env ? std::strtoull(env, nullptr, 10) : 10000;
}

std::vector<std::string> Vocabulary() {
  std::mt19937 rng(7);
  const char* syllables[] = {"sund", "hed", "kom", "mu",   "ne",   "re",  "gi",  "on",
                             "la",   "ge",  "be",  "hand", "ling", "for", "løb", "pa",
                             "ti",   "ent", "sam", "ar",   "bej",  "de",  "æl",  "dre",
                             "bør",  "ne",  "å",   "ø",    "ind",  "sats"};
  std::vector<std::string> words = {"og", "i", "at", "det", "en", "til", "er", "som", "på"};
  while (words.size() < 5000) {
    std::string w;
    const int n = 2 + static_cast<int>(rng() % 3);
    for (int i = 0; i < n; ++i) w += syllables[rng() % std::size(syllables)];
    words.push_back(w);
  }
  return words;
}

std::string PointText(std::mt19937& rng, const std::vector<std::string>& words) {
  std::string text;
  for (int i = 0; i < 40; ++i) {
    if (!text.empty()) text += (rng() % 12 == 0) ? ". " : " ";
    text += words[rng() % words.size()];
  }
  if (rng() % 100 == 0) text += " Flere tandlæger, tak.";
  return text;
}

struct World {
  std::unique_ptr<TestServer> server;
  std::string session;  // Cookie header value of an admin web session
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Check(bool ok, const std::string& what) {
  if (!ok) {
    std::cerr << "inbox_bench: " << what << "\n";
    std::abort();
  }
}

World& TheWorld() {
  static World* w = [] {
    auto* world = new World;
    world->server = std::make_unique<TestServer>();
    client::Api admin = world->server->Client();
    for (int p = 0; p < 50; ++p) {
      Check(admin
                .RegisterParty({"p" + std::to_string(p), "Part " + std::to_string(p),
                                p % 2 ? "municipality" : "organisation"})
                .ok(),
            "register party");
    }
    Check(
        admin.Call(client::Verb::post, "/v1/agreements", {{"id", "sa"}, {"title", "Aftale"}}).ok(),
        "agreement");
    Check(admin
              .CallRaw(client::Verb::post, "/v1/agreements/sa/import",
                       ReadFile(std::string(HOERING_SOURCE_DIR) +
                                "/tests/fixtures/agreement-2024-2027.md"),
                       "text/markdown")
              .ok(),
          "import");
    Check(admin.Call(client::Verb::post, "/v1/agreements/sa/versions", {{"label", "udkast"}}).ok(),
          "publish");
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    Check(admin
              .Call(client::Verb::post, "/v1/consultations",
                    {{"id", "big"},
                     {"agreement", "sa"},
                     {"version", "udkast"},
                     {"title", "Stor høring"},
                     {"opens_at", FormatRfc3339(now - 3600000)},
                     {"closes_at", FormatRfc3339(now + 86400000)},
                     {"invited", {"p0", "p1"}}})
              .ok(),
          "open");
    const std::vector<std::string> words = Vocabulary();
    const std::size_t n = Responses();
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> clients;
    const auto started = Clock::now();
    for (int t = 0; t < 8; ++t) {
      clients.emplace_back([&, t] {
        std::mt19937 rng(100 + t);
        client::Api api = world->server->Client();
        for (std::size_t i = next++; i < n; i = next++) {
          nlohmann::json points = nlohmann::json::array();
          for (int k = 0; k < 5; ++k) {
            nlohmann::json p = {{"text", PointText(rng, words)}};
            if (k == 0) p["section"] = "kap-1";
            points.push_back(p);
          }
          auto r = api.Call(client::Verb::post, "/v1/consultations/big/responses",
                            {{"party", "p" + std::to_string(i % 50)},
                             {"author", {{"name", "Sagsbehandler"}}},
                             {"points", points},
                             {"publication", "public"}});
          Check(r.ok(), "submit");
        }
      });
    }
    for (auto& c : clients) c.join();
    std::cerr << "inbox_bench: " << n << " responses in "
              << std::chrono::duration<double>(Clock::now() - started).count() << " s\n";
    Check(admin.Call(client::Verb::post, "/v1/consultations/big/close", nlohmann::json::object())
              .ok(),
          "close");
    auto signed_in = world->server->Client("").http().Send(
        client::Verb::get, std::string("/sign-in?token=") + kAdminToken, "", "", {});
    Check(signed_in.ok(), "sign in");
    for (const auto& [header, value] : signed_in->headers.fields()) {
      if (header == "Set-Cookie" && value.starts_with("hoering_session=")) {
        world->session = value.substr(0, value.find(';'));
      }
    }
    Check(!world->session.empty(), "no session cookie");
    return world;
  }();
  return *w;
}

void Percentiles(benchmark::State& state, std::vector<double>& ms) {
  if (ms.empty()) return;
  std::sort(ms.begin(), ms.end());
  state.counters["p50_ms"] = ms[ms.size() / 2];
  state.counters["p99_ms"] = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
}

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
  World& w = TheWorld();
  client::Api api = w.server->Client("");
  const std::string target = "/manage/consultations/big/responses" + query;
  std::vector<double> ms;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto t0 = Clock::now();
    auto page = api.http().Send(client::Verb::get, target, "", "", {{"Cookie", w.session}});
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    Check(page.ok() && page->status == 200, "page " + target);
    bytes = page->body.size();
  }
  Percentiles(state, ms);
  state.counters["page_kB"] = static_cast<double>(bytes) / 1024;
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
