#include "client/lib/latency_stats.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace hoering::client {
namespace {

TEST(LatencyStatsTest, NearestRankOnOneToHundred) {
  std::vector<double> v;
  for (int i = 1; i <= 100; ++i) v.push_back(i);
  EXPECT_EQ(Percentile(v, 50), 50);
  EXPECT_EQ(Percentile(v, 90), 90);
  EXPECT_EQ(Percentile(v, 99), 99);
  EXPECT_EQ(Percentile(v, 99.5), 100);
  EXPECT_EQ(Percentile(v, 100), 100);
  EXPECT_EQ(Percentile(v, 0), 1);
}

TEST(LatencyStatsTest, SmallSamplesRoundUp) {
  EXPECT_EQ(Percentile({5}, 50), 5);
  EXPECT_EQ(Percentile({5}, 99), 5);
  EXPECT_EQ(Percentile({1, 2, 3}, 50), 2);  // ceil(1.5) = 2nd
  EXPECT_EQ(Percentile({1, 2, 3}, 34), 2);  // ceil(1.02) = 2nd
  EXPECT_EQ(Percentile({1, 2, 3}, 33), 1);  // ceil(0.99) = 1st
  EXPECT_EQ(Percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90), 9);
}

TEST(LatencyStatsTest, SummarizeSortsAndAverages) {
  std::vector<double> v;
  for (int i = 1; i <= 1000; ++i) v.push_back(i / 10.0);  // 0.1 .. 100.0 ms
  std::shuffle(v.begin(), v.end(), std::mt19937(42));
  LatencySummary s = Summarize(v);
  EXPECT_EQ(s.count, 1000u);
  EXPECT_DOUBLE_EQ(s.p50_ms, 50.0);
  EXPECT_DOUBLE_EQ(s.p90_ms, 90.0);
  EXPECT_DOUBLE_EQ(s.p99_ms, 99.0);
  EXPECT_DOUBLE_EQ(s.max_ms, 100.0);
  EXPECT_NEAR(s.mean_ms, 50.05, 1e-9);
}

TEST(LatencyStatsTest, EmptyIsAllZeros) {
  LatencySummary s = Summarize({});
  EXPECT_EQ(s.count, 0u);
  EXPECT_EQ(s.p99_ms, 0);
  EXPECT_EQ(s.max_ms, 0);
}

}  // namespace
}  // namespace hoering::client
