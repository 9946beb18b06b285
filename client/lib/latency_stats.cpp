#include "client/lib/latency_stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace hoering::client {

double Percentile(const std::vector<double>& sorted, double p) {
  const auto n = static_cast<double>(sorted.size());
  auto rank = static_cast<std::size_t>(std::ceil(p * n / 100.0));
  rank = std::clamp<std::size_t>(rank, 1, sorted.size());
  return sorted[rank - 1];
}

LatencySummary Summarize(std::vector<double> samples_ms) {
  LatencySummary s;
  if (samples_ms.empty()) return s;
  std::sort(samples_ms.begin(), samples_ms.end());
  s.count = samples_ms.size();
  s.mean_ms = std::accumulate(samples_ms.begin(), samples_ms.end(), 0.0) /
              static_cast<double>(samples_ms.size());
  s.p50_ms = Percentile(samples_ms, 50);
  s.p90_ms = Percentile(samples_ms, 90);
  s.p99_ms = Percentile(samples_ms, 99);
  s.max_ms = samples_ms.back();
  return s;
}

}  // namespace hoering::client
