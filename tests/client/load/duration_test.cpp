#include "client/load/duration.h"

#include <gtest/gtest.h>

namespace hoering::client::load {
namespace {

using std::chrono::milliseconds;

TEST(DurationTest, UnitsAndBareSeconds) {
  EXPECT_EQ(ParseDuration("10s"), milliseconds(10'000));
  EXPECT_EQ(ParseDuration("500ms"), milliseconds(500));
  EXPECT_EQ(ParseDuration("2m"), milliseconds(120'000));
  EXPECT_EQ(ParseDuration("3"), milliseconds(3'000));
  EXPECT_EQ(ParseDuration("0"), milliseconds(0));
  EXPECT_EQ(ParseDuration("0s"), milliseconds(0));
  EXPECT_EQ(ParseDuration("0ms"), milliseconds(0));
}

TEST(DurationTest, FractionsRoundToTheNearestMillisecond) {
  EXPECT_EQ(ParseDuration("1.5s"), milliseconds(1'500));
  EXPECT_EQ(ParseDuration("0.25m"), milliseconds(15'000));
  EXPECT_EQ(ParseDuration(".5"), milliseconds(500));
  EXPECT_EQ(ParseDuration("2.5ms"), milliseconds(3));  // half away from zero
  EXPECT_EQ(ParseDuration("0.0004s"), milliseconds(0));
  EXPECT_EQ(ParseDuration("1.0006s"), milliseconds(1'001));
}

TEST(DurationTest, RejectsEverythingElse) {
  for (const char* bad : {"", "s", "ms", "m", ".", "..s", "-1s", "-1", "+1s", "1h", "1d", "10 s",
                          " 1s", "1s ", "abc", "1e3", "1e3s", "inf", "nan", "1.2.3s", "1..",
                          "1sms", "1mss", "0x10", "1,5s", "10S", "10MS"}) {
    EXPECT_EQ(ParseDuration(bad), std::nullopt) << '"' << bad << '"';
  }
}

}  // namespace
}  // namespace hoering::client::load
