// The world the workbench benchmarks share (inbox_bench.cpp,
// diff_page_bench.cpp): one real server (tests/support/test_server.h) built
// once per process through its HTTP API:
//  * agreement "sa": a synthetic text of 1,000 sections (50 chapters
//    "kap-<c>" of 19 sections "s-<c>-<k>", ~1 KB of body each), version 1
//    "udkast";
//  * consultation "big" on it: 10,000 responses (HOERING_BENCH_RESPONSES) of
//    5 points each from 50 parties, 8 clients at a time, then closed; point
//    texts are ~40 words drawn from a vocabulary of 5,000 made-up
//    Danish-looking words plus a few real ones ("tandlæge" in 1% of points);
//  * 20 change sets of 10 section edits each, each citing 5 points, then
//    version 2 "endelig" (the diff page's "why" column);
//  * an admin web session.
#pragma once

#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "tests/support/test_server.h"

namespace hoering::testing {

using BenchClock = std::chrono::steady_clock;

struct World {
  std::unique_ptr<TestServer> server;
  std::string session;  // Cookie header value of an admin web session
};

World& TheWorld();
std::size_t Responses();
std::vector<std::string> Vocabulary();
std::string PointText(std::mt19937& rng, const std::vector<std::string>& words);
// Aborts the benchmark with `what` unless `ok`.
void Check(bool ok, const std::string& what);
// p50_ms and p99_ms counters of `ms`.
void Percentiles(benchmark::State& state, std::vector<double>& ms);
// GET `target` with the admin session (or none) until the state stops:
// p50/p99 of the whole answer and the page size in kB as counters.
void TimePage(benchmark::State& state, const std::string& target, bool signed_in);

}  // namespace hoering::testing
