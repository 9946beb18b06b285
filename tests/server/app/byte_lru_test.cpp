#include "server/app/byte_lru.h"

#include <gtest/gtest.h>

namespace hoering::app {
namespace {

TEST(ByteBudgetLru, DropsTheLeastRecentlyUsedWhenTheBudgetIsPassed) {
  ByteBudgetLru<int> lru(10);
  lru.Put("a", 1, 4);
  lru.Put("b", 2, 4);
  ASSERT_NE(lru.Touch("a"), nullptr);  // b is now the least recently used
  lru.Put("c", 3, 4);
  EXPECT_EQ(lru.Peek("b"), nullptr);
  EXPECT_EQ(*lru.Peek("a"), 1);
  EXPECT_EQ(*lru.Peek("c"), 3);
  EXPECT_EQ(lru.size(), 2u);
  EXPECT_EQ(lru.bytes(), 8u);
}

TEST(ByteBudgetLru, PeekKeepsTheOrder) {
  ByteBudgetLru<int> lru(8);
  lru.Put("a", 1, 4);
  lru.Put("b", 2, 4);
  ASSERT_NE(lru.Peek("a"), nullptr);  // a stays the least recently used
  lru.Put("c", 3, 4);
  EXPECT_EQ(lru.Peek("a"), nullptr);
  EXPECT_NE(lru.Peek("b"), nullptr);
}

TEST(ByteBudgetLru, DemoteMakesAnEntryTheFirstToDrop) {
  ByteBudgetLru<int> lru(8);
  lru.Put("a", 1, 4);
  lru.Put("b", 2, 4);
  lru.Demote("b");  // b now goes before a
  lru.Demote("none");
  lru.Put("c", 3, 4);
  EXPECT_EQ(lru.Peek("b"), nullptr);
  EXPECT_NE(lru.Peek("a"), nullptr);
  EXPECT_NE(lru.Peek("c"), nullptr);
}

TEST(ByteBudgetLru, PutReplacesTheEntryAndItsCost) {
  ByteBudgetLru<int> lru(10);
  lru.Put("a", 1, 6);
  lru.Put("a", 2, 3);
  EXPECT_EQ(*lru.Peek("a"), 2);
  EXPECT_EQ(lru.bytes(), 3u);
  EXPECT_EQ(lru.size(), 1u);
}

TEST(ByteBudgetLru, EraseDropsTheEntryAndItsCost) {
  ByteBudgetLru<int> lru(10);
  lru.Put("a", 1, 6);
  lru.Put("b", 2, 3);
  lru.Erase("a");
  lru.Erase("none");
  EXPECT_EQ(lru.Peek("a"), nullptr);
  EXPECT_EQ(*lru.Peek("b"), 2);
  EXPECT_EQ(lru.bytes(), 3u);
  EXPECT_EQ(lru.size(), 1u);
}

TEST(ByteBudgetLru, AnEntryOverTheWholeBudgetIsNotKeptAndRemovesTheOld) {
  ByteBudgetLru<int> lru(10);
  lru.Put("a", 1, 5);
  lru.Put("b", 2, 5);
  lru.Put("a", 3, 11);
  EXPECT_EQ(lru.Peek("a"), nullptr);
  EXPECT_NE(lru.Peek("b"), nullptr);
  EXPECT_EQ(lru.bytes(), 5u);
}

TEST(ByteBudgetLru, ABudgetOfZeroKeepsOnlyFreeEntries) {
  ByteBudgetLru<int> lru(0);
  lru.Put("a", 1, 1);
  EXPECT_EQ(lru.size(), 0u);
  EXPECT_EQ(lru.Touch("a"), nullptr);
}

}  // namespace
}  // namespace hoering::app
