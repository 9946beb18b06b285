// The bounded memory of recently written stream versions
// (storage/recent_stream_versions.h).
#include "storage/recent_stream_versions.h"

#include <gtest/gtest.h>

namespace hoering {
namespace {

TEST(RecentStreamVersions, FindsTheLatestVersionPut) {
  RecentStreamVersions versions(4);
  EXPECT_FALSE(versions.Find("a").has_value());
  versions.Put("a", 1);
  versions.Put("a", 2);
  EXPECT_EQ(versions.Find("a"), 2u);
  EXPECT_EQ(versions.size(), 1u);
}

TEST(RecentStreamVersions, KeepsAtMostTwoGenerations) {
  RecentStreamVersions versions(4);
  for (int i = 0; i < 1000; ++i) versions.Put("s" + std::to_string(i), i + 1);
  EXPECT_LE(versions.size(), 8u);
  EXPECT_EQ(versions.Find("s999"), 1000u);  // the latest are kept
  EXPECT_FALSE(versions.Find("s0").has_value());
}

TEST(RecentStreamVersions, AStreamFoundAgainOutlivesTheOthersOfItsGeneration) {
  RecentStreamVersions versions(2);
  versions.Put("a", 1);
  versions.Put("b", 1);
  versions.Put("c", 1);               // a, b now the older generation
  EXPECT_EQ(versions.Find("a"), 1u);  // moves a to the newer one
  versions.Put("d", 1);               // the newer (c, a) rotates: b is dropped
  EXPECT_EQ(versions.Find("a"), 1u);
  EXPECT_EQ(versions.Find("c"), 1u);
  EXPECT_FALSE(versions.Find("b").has_value());
  EXPECT_EQ(versions.Find("d"), 1u);
}

TEST(RecentStreamVersions, ANewerVersionReplacesOneInTheOlderGeneration) {
  RecentStreamVersions versions(1);
  versions.Put("a", 1);
  versions.Put("b", 1);  // a in the older generation
  versions.Put("a", 2);
  EXPECT_EQ(versions.Find("a"), 2u);
  EXPECT_LE(versions.size(), 2u);
}

}  // namespace
}  // namespace hoering
