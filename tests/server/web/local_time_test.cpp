#include "server/web/local_time.h"

#include <gtest/gtest.h>

namespace hoering::web {
namespace {

// 2023-08-25T21:59:59Z: 23:59 in Copenhagen (summer time, UTC+2).
constexpr TimeMs kDeadline = 1693000799000;

TEST(LocalTimeTest, WritesDateAndTimeAsEachLanguageDoes) {
  ASSERT_EQ(FormatRfc3339(kDeadline), "2023-08-25T21:59:59Z");
  EXPECT_EQ(FormatLocalDateTime(kDeadline, "Europe/Copenhagen", Language::kDanish),
            "25. august 2023 kl. 23.59");
  EXPECT_EQ(FormatLocalDateTime(kDeadline, "Europe/Copenhagen", Language::kEnglish),
            "25 August 2023 at 23:59");
  EXPECT_EQ(FormatLocalDate(kDeadline, "Europe/Copenhagen", Language::kDanish), "25. august 2023");
}

TEST(LocalTimeTest, FollowsWinterTimeAndOtherZones) {
  const TimeMs winter = *ParseRfc3339("2024-01-15T08:05:00Z");
  EXPECT_EQ(FormatLocalDateTime(winter, "Europe/Copenhagen", Language::kDanish),
            "15. januar 2024 kl. 09.05");
  EXPECT_EQ(FormatLocalDateTime(winter, "America/New_York", Language::kEnglish),
            "15 January 2024 at 03:05");
  // Midnight crossing: the local date is the next day.
  const TimeMs late = *ParseRfc3339("2023-12-31T23:30:00Z");
  EXPECT_EQ(FormatLocalDate(late, "Europe/Copenhagen", Language::kEnglish), "1 January 2024");
}

TEST(LocalTimeTest, AnUnknownZoneFallsBackToUtcAndSaysSo) {
  EXPECT_EQ(FormatLocalDateTime(kDeadline, "Mars/Olympus", Language::kEnglish),
            "25 August 2023 at 21:59 UTC");
}

TEST(LocalTimeTest, DurationsUseTheTwoLargestUnits) {
  constexpr TimeMs kMinute = 60000, kHour = 60 * kMinute, kDay = 24 * kHour;
  EXPECT_EQ(FormatDuration(3 * kDay + 4 * kHour + 5 * kMinute, Language::kDanish),
            "3 dage og 4 timer");
  EXPECT_EQ(FormatDuration(kDay + kMinute, Language::kEnglish), "1 day");
  EXPECT_EQ(FormatDuration(kHour + kMinute, Language::kEnglish), "1 hour and 1 minute");
  EXPECT_EQ(FormatDuration(59 * kMinute, Language::kDanish), "59 minutter");
  EXPECT_EQ(FormatDuration(30000, Language::kDanish), "under et minut");
  EXPECT_EQ(FormatDuration(-5, Language::kEnglish), "less than a minute");
}

}  // namespace
}  // namespace hoering::web
