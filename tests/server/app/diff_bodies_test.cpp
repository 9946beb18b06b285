#include "server/app/diff_bodies.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace hoering::app {
namespace {

std::shared_ptr<const std::string> Body(std::size_t n, char c) {
  return std::make_shared<const std::string>(n, c);
}

TEST(DiffBodies, KeepsWhatItWasGivenAndCountsHitsAndMisses) {
  DiffBodies bodies(1 << 20);
  EXPECT_EQ(bodies.Find("json\nx"), nullptr);
  bodies.Keep("json\nx", Body(100, 'a'));
  auto found = bodies.Find("json\nx");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(*found, std::string(100, 'a'));
  EXPECT_EQ(bodies.Find("text\nx"), nullptr);  // another key, another body
  const auto stats = bodies.stats();
  EXPECT_EQ(stats.hits, 1u);
  EXPECT_EQ(stats.misses, 2u);
  EXPECT_EQ(stats.bytes, 100u + 6u + 64u);  // the body, its key, 64
}

TEST(DiffBodies, DropsTheLeastRecentlyUsedBeyondTheBudget) {
  DiffBodies bodies(3 * (1000 + 1 + 64));
  bodies.Keep("a", Body(1000, 'a'));
  bodies.Keep("b", Body(1000, 'b'));
  bodies.Keep("c", Body(1000, 'c'));
  ASSERT_NE(bodies.Find("a"), nullptr);  // now the most recently used
  bodies.Keep("d", Body(1000, 'd'));     // b goes
  EXPECT_EQ(bodies.Find("b"), nullptr);
  EXPECT_NE(bodies.Find("a"), nullptr);
  EXPECT_NE(bodies.Find("c"), nullptr);
  EXPECT_NE(bodies.Find("d"), nullptr);
  EXPECT_LE(bodies.stats().bytes, 3u * (1000 + 1 + 64));
}

TEST(DiffBodies, KeepsNothingLargerThanTheBudgetOrWithoutOne) {
  DiffBodies small(500);
  small.Keep("big", Body(1000, 'x'));
  EXPECT_EQ(small.Find("big"), nullptr);
  EXPECT_EQ(small.stats().bytes, 0u);
  DiffBodies none(0);
  none.Keep("k", Body(1, 'x'));
  EXPECT_EQ(none.Find("k"), nullptr);
  none.Keep("k", nullptr);  // nothing to keep, nothing breaks
  EXPECT_EQ(none.stats().bytes, 0u);
}

TEST(DiffBodies, AFoundBodyOutlivesItsEviction) {
  DiffBodies bodies(1000 + 1 + 64);
  bodies.Keep("a", Body(1000, 'a'));
  auto held = bodies.Find("a");
  bodies.Keep("b", Body(1000, 'b'));  // a goes from the cache
  EXPECT_EQ(bodies.Find("a"), nullptr);
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->size(), 1000u);
}

}  // namespace
}  // namespace hoering::app
