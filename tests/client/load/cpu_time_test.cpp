#include "client/load/cpu_time.h"

#include <gtest/gtest.h>

#include <chrono>

namespace hoering::client::load {
namespace {

TEST(CpuTimeTest, GrowsWhileThisProcessComputes) {
  const double before = ProcessCpuSeconds();
  EXPECT_GE(before, 0.0);
  // Burn CPU until getrusage has seen 20 ms more, for at most 10 s of wall time.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  volatile std::uint64_t sink = 0;
  double now = before;
  while (now < before + 0.02 && std::chrono::steady_clock::now() < give_up) {
    for (int i = 0; i < 100'000; ++i) sink = sink + i;
    now = ProcessCpuSeconds();
  }
  EXPECT_GE(now, before + 0.02);
}

TEST(CpuTimeTest, MicrosPerRequest) {
  EXPECT_EQ(CpuMicrosPerRequest(2.0, 100'000), 20.0);
  EXPECT_EQ(CpuMicrosPerRequest(0.5, 0), 0.0);
  EXPECT_EQ(CpuMicrosPerRequest(0, 10), 0.0);
}

}  // namespace
}  // namespace hoering::client::load
