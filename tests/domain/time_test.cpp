#include "domain/time.h"

#include <gtest/gtest.h>

namespace hoering {
namespace {

TEST(Time, FormatsAndParsesRfc3339) {
  auto t = ParseRfc3339("2023-08-25T21:59:59Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(*t, 1'693'000'799'000);
  EXPECT_EQ(FormatRfc3339(*t), "2023-08-25T21:59:59Z");
  EXPECT_EQ(FormatRfc3339Ms(*t + 5), "2023-08-25T21:59:59.005Z");
  EXPECT_EQ(ParseRfc3339("2023-08-25T23:59:59+02:00"), t);
  EXPECT_EQ(ParseRfc3339("2023-08-25T21:59:59.5Z"), *t + 500);
  EXPECT_EQ(FormatRfc3339Ms(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatRfc3339Ms(-1), "1969-12-31T23:59:59.999Z");
}

TEST(Time, RejectsMalformedTimes) {
  for (const char* bad : {"", "2023-08-25", "2023-08-25T21:59:59", "2023-13-01T00:00:00Z",
                          "2023-02-29T00:00:00Z", "2023-08-25T24:00:00Z", "2023-08-25T21:59:59Zx",
                          "2023-08-25T21:59:59.Z", "2023-08-25 21:59:59Z"}) {
    EXPECT_FALSE(ParseRfc3339(bad)) << bad;
  }
}

TEST(Time, LocalDates) {
  auto d = ParseDate("2024-02-29");
  ASSERT_TRUE(d);
  EXPECT_EQ(FormatDate(*d), "2024-02-29");
  EXPECT_FALSE(ParseDate("2023-02-29"));
  EXPECT_FALSE(ParseDate("2023-2-01"));
  EXPECT_EQ(*ParseDate("1970-01-02"), 1);
}

}  // namespace
}  // namespace hoering
