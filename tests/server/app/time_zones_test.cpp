#include "server/app/time_zones.h"

#include <gtest/gtest.h>

namespace hoering::app {
namespace {

TEST(TimeZonesTest, KnowsTheTzDatabase) {
  EXPECT_TRUE(IsKnownTimeZone("Europe/Copenhagen"));
  EXPECT_TRUE(IsKnownTimeZone("UTC"));
  EXPECT_TRUE(IsKnownTimeZone("America/New_York"));
  EXPECT_FALSE(IsKnownTimeZone("Europe/Aarhus"));
  EXPECT_FALSE(IsKnownTimeZone(""));
  EXPECT_FALSE(IsKnownTimeZone("../../etc/passwd"));
  EXPECT_FALSE(IsKnownTimeZone("localtime"));
  EXPECT_NE(FindTimeZone("Europe/Copenhagen"), nullptr);
}

}  // namespace
}  // namespace hoering::app
