// Obligations from an agreement's term and the date arithmetic behind them.
#include <gtest/gtest.h>

#include "domain/decisions/ratification.h"
#include "domain/time.h"

namespace hoering::decisions {
namespace {

std::int64_t D(const char* date) { return *ParseDate(date); }

TEST(AddMonths, ClampsTheDayToTheMonth) {
  EXPECT_EQ(FormatDate(AddMonths(D("2024-01-31"), 1)), "2024-02-29");
  EXPECT_EQ(FormatDate(AddMonths(D("2023-01-31"), 1)), "2023-02-28");
  EXPECT_EQ(FormatDate(AddMonths(D("2024-02-29"), 12)), "2025-02-28");
  EXPECT_EQ(FormatDate(AddMonths(D("2028-01-01"), -6)), "2027-07-01");
  EXPECT_EQ(FormatDate(AddMonths(D("2024-03-15"), -15)), "2022-12-15");
}

TEST(Obligations, FollowTheFourYearTermOfSeed002) {
  agreements::Term term{"2024-01-01", 4};
  auto items = ObligationsOf(term);
  std::vector<std::string> keys;
  for (const auto& o : items) keys.push_back(o.key + "@" + FormatDate(o.due_days));
  EXPECT_EQ(keys, (std::vector<std::string>{
                      "entry-into-force@2024-01-01", "review-2025@2025-01-01",
                      "review-2026@2026-01-01", "midway-status@2026-01-01",
                      "review-2027@2027-01-01", "final-status@2027-07-01", "expiry@2028-01-01"}));
}

TEST(Obligations, AShortTermHasItsMidwayAtHalfTime) {
  auto items = ObligationsOf({"2024-01-01", 1});
  ASSERT_EQ(items.size(), 4u);  // no yearly review inside one year
  for (const auto& o : items) {
    if (o.key == "midway-status") EXPECT_EQ(FormatDate(o.due_days), "2024-07-01");
    if (o.key == "final-status") EXPECT_EQ(FormatDate(o.due_days), "2024-07-01");
  }
  EXPECT_TRUE(ObligationsOf({std::nullopt, 4}).empty());
}

}  // namespace
}  // namespace hoering::decisions
