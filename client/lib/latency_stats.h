// Latency percentiles for the load generator (kept in the library so the
// arithmetic is unit-tested). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <vector>

namespace hoering::client {

struct LatencySummary {
  std::uint64_t count = 0;
  double mean_ms = 0;
  double p50_ms = 0;
  double p90_ms = 0;
  double p99_ms = 0;
  double max_ms = 0;
};

// Nearest-rank percentile: the smallest sample such that at least p percent
// of all samples are <= it, i.e. sorted[ceil(p * n / 100) - 1].
// REQUIRES: `sorted` is ascending and non-empty; 0 <= p <= 100 (p = 0 gives
// the minimum).
double Percentile(const std::vector<double>& sorted, double p);

// Sorts `samples_ms` and summarises them; all zeros when there are none.
LatencySummary Summarize(std::vector<double> samples_ms);

}  // namespace hoering::client
