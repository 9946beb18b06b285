// Report change excerpts kept between reports (server/app/change_excerpts.h).
#include "server/app/change_excerpts.h"

#include <gtest/gtest.h>

#include "domain/consultations/report.h"
#include "tests/domain/consultations/domain_fixture.h"

namespace hoering::app {
namespace {

using agreements::testing::Add;
using nlohmann::json;

// Agreement sa-2024: c-1 adds the text, c-2 adds "tillaeg", c-3 adds "sidst".
class ChangeExcerptCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    history.Create();
    history.MustChange(consultations::dtest::AgreementText());
    history.MustPublish("v1");
    history.MustChange(json::array({Add("tillaeg", "Tillæg", "", "chapter", "Mere.")}));
    history.MustChange(json::array({Add("sidst", "Sidst", "", "chapter", "Til sidst.")}));
  }
  // Reads the history, counting the reads.
  ChangeExcerptCache::ReadAgreement Reader() {
    return [this]() -> Result<std::vector<RecordedEvent>> {
      ++reads;
      return history.events();
    };
  }
  json Folded(const std::string& change) {
    return consultations::ChangeExcerpts(history.events(), {change})->at(change);
  }
  agreements::testing::History history;
  int reads = 0;
};

TEST_F(ChangeExcerptCacheTest, FoldsOnceAndThenAnswersFromMemory) {
  ChangeExcerptCache cache(1 << 20);
  auto first = cache.For("sa-2024", {"c-2", "c-3"}, Reader());
  ASSERT_TRUE(first.ok()) << first.status().detail();
  EXPECT_EQ(reads, 1);
  ASSERT_EQ(first->size(), 2u);
  EXPECT_EQ(first->at("c-2"), Folded("c-2"));
  EXPECT_EQ(first->at("c-3"), Folded("c-3"));
  EXPECT_EQ(first->at("c-2")[0]["id"], "tillaeg");

  auto again = cache.For("sa-2024", {"c-2", "c-3"}, Reader());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(reads, 1);  // nothing read
  EXPECT_EQ(*again, *first);

  // One kept, one not: one read, and the answer holds both.
  auto more = cache.For("sa-2024", {"c-1", "c-2"}, Reader());
  ASSERT_TRUE(more.ok());
  EXPECT_EQ(reads, 2);
  EXPECT_EQ(more->at("c-1"), Folded("c-1"));
  EXPECT_EQ(more->at("c-2"), Folded("c-2"));

  const auto stats = cache.stats();
  EXPECT_EQ(stats.hits, 3u);    // c-2, c-3, then c-2
  EXPECT_EQ(stats.misses, 3u);  // c-2, c-3, then c-1
  EXPECT_GT(stats.bytes, 0u);
}

TEST_F(ChangeExcerptCacheTest, KeysByAgreementAndLeavesOutUnrecordedChanges) {
  ChangeExcerptCache cache(1 << 20);
  ASSERT_TRUE(cache.For("sa-2024", {"c-2"}, Reader()).ok());
  // The same change id of another agreement is another excerpt.
  auto other = cache.For("other", {"c-2"}, [] {
    return Result<std::vector<RecordedEvent>>(std::vector<RecordedEvent>{});
  });
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->empty());
  // A change not recorded yet is left out and not kept: asked again, read again.
  auto unknown = cache.For("sa-2024", {"c-9"}, Reader());
  ASSERT_TRUE(unknown.ok());
  EXPECT_TRUE(unknown->empty());
  ASSERT_TRUE(cache.For("sa-2024", {"c-9"}, Reader()).ok());
  EXPECT_EQ(reads, 3);
}

TEST_F(ChangeExcerptCacheTest, AReadErrorIsReturnedAndNothingKept) {
  ChangeExcerptCache cache(1 << 20);
  auto failed = cache.For("sa-2024", {"c-2"}, []() -> Result<std::vector<RecordedEvent>> {
    return Status(Code::kUnavailable, "disk gone");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), Code::kUnavailable);
  EXPECT_EQ(cache.stats().bytes, 0u);
  ASSERT_TRUE(cache.For("sa-2024", {"c-2"}, Reader()).ok());
  EXPECT_EQ(reads, 1);
}

TEST_F(ChangeExcerptCacheTest, ABudgetOfZeroKeepsNothing) {
  ChangeExcerptCache cache(0);
  ASSERT_TRUE(cache.For("sa-2024", {"c-2"}, Reader()).ok());
  auto again = cache.For("sa-2024", {"c-2"}, Reader());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->at("c-2"), Folded("c-2"));
  EXPECT_EQ(reads, 2);
  EXPECT_EQ(cache.stats().bytes, 0u);
}

}  // namespace
}  // namespace hoering::app
