// Folded responses kept between requests (server/app/response_cache.h):
// hits while a stream stands still, a fresh fold once a commit moves it (and
// none kept from a fold that raced with one), rendered texts kept per
// visibility and citations, the memory budget and the least recently used
// entry dropped first.
#include "server/app/response_cache.h"

#include <gtest/gtest.h>

#include "storage/memory_event_store.h"
#include "tests/domain/consultations/domain_fixture.h"

namespace hoering::app {
namespace {

using namespace consultations;         // NOLINT
using namespace consultations::dtest;  // NOLINT

class ResponseCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    w.Open();
    for (int i = 0; i < 10; ++i) w.Submit(Id(i), SubmissionBody("aarhus"), kDuring + i);
    CopyNew();
  }
  static std::string Id(int i) { return "r-" + std::to_string(i); }
  // Appends to the store what the world's log holds beyond it.
  void CopyNew() {
    const auto& events = w.log.events();
    for (std::size_t i = copied_; i < events.size(); ++i) {
      const RecordedEvent& e = events[i];
      AppendRequest r;
      r.stream = e.stream;
      r.events = {NewEvent{e.type, e.schema_version, nlohmann::json::parse(e.data), {}}};
      ASSERT_TRUE(store.Append(std::move(r)).ok());
    }
    copied_ = events.size();
  }
  // The cost of one of this world's responses (they are the same size but
  // for their ids).
  std::size_t EntryBytes() {
    ResponseCache probe(store, std::size_t{1} << 30);
    EXPECT_TRUE(probe.Load(Id(0)).ok());
    return probe.stats().bytes;
  }

  World w;
  MemoryEventStore store;
  std::size_t copied_ = 0;
};

TEST_F(ResponseCacheTest, ASecondReadOfAStillStreamIsServedFromMemory) {
  ResponseCache cache(store, std::size_t{1} << 20);
  auto first = cache.Load(Id(3));
  ASSERT_TRUE(first.ok()) << first.status().detail();
  auto second = cache.Load(Id(3));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first->get(), second->get());
  EXPECT_EQ((*second)->party(), "aarhus");
  const auto stats = cache.stats();
  EXPECT_EQ(stats.hits, 1u);
  EXPECT_EQ(stats.misses, 1u);
  EXPECT_EQ(stats.entries, 1u);
  EXPECT_GT(stats.bytes, ResponseCache::kEntryOverhead);
}

TEST_F(ResponseCacheTest, AStreamThatMovedIsFoldedAgain) {
  ResponseCache cache(store, std::size_t{1} << 20);
  store.AddCommitListener([&](const std::vector<RecordedEvent>& batch) { cache.Forget(batch); });
  auto before = cache.Load(Id(1));
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE((*before)->withdrawn());
  w.Withdraw(Id(1), kDuring + 100);
  CopyNew();
  auto after = cache.Load(Id(1));
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE((*after)->withdrawn());
  EXPECT_EQ((*after)->version(), (*before)->version() + 1);
  EXPECT_FALSE((*before)->withdrawn()) << "a state handed out never changes";
  EXPECT_EQ(cache.stats().misses, 2u);
  EXPECT_EQ(cache.stats().entries, 1u);
}

TEST_F(ResponseCacheTest, KeptNeitherFoldsNorCounts) {
  ResponseCache cache(store, std::size_t{1} << 20);
  EXPECT_EQ(cache.Kept(Id(0)), nullptr);
  auto r = cache.Load(Id(0));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(cache.Kept(Id(0)), *r);
  EXPECT_EQ(cache.Kept(Id(1)), nullptr);
  EXPECT_EQ(cache.stats().entries, 1u) << "Kept() keeps nothing";
  EXPECT_EQ(cache.stats().hits, 0u);
  EXPECT_EQ(cache.stats().misses, 1u);
  EXPECT_EQ((*r)->last_position(), store.ReadStream(ResponseStream(Id(0)), 1, 10)->back().position);
}

TEST_F(ResponseCacheTest, ACommitDropsOnlyTheStreamsItWrites) {
  ResponseCache cache(store, std::size_t{1} << 20);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(cache.Load(Id(i)).ok());
  cache.Forget({RecordedEvent{.stream = ResponseStream(Id(1))},
                RecordedEvent{.stream = "consultation-" + Id(2)}});
  EXPECT_EQ(cache.stats().entries, 2u);
  ASSERT_TRUE(cache.Load(Id(0)).ok());
  ASSERT_TRUE(cache.Load(Id(2)).ok());
  EXPECT_EQ(cache.stats().hits, 2u);
  ASSERT_TRUE(cache.Load(Id(1)).ok());
  EXPECT_EQ(cache.stats().hits, 2u) << "r-1 was folded again";
}

// A log that runs `during_read` inside the next ReadStream, as a commit of
// another thread would land while a reader folds.
class RacingLog final : public EventLog {
 public:
  explicit RacingLog(const EventLog& log) : log_(log) {}
  mutable std::function<void()> during_read;

  Result<std::vector<RecordedEvent>> ReadStream(const std::string& stream, std::uint64_t from,
                                                std::size_t limit) const override {
    auto events = log_.ReadStream(stream, from, limit);
    if (during_read) std::exchange(during_read, nullptr)();
    return events;
  }
  std::uint64_t StreamVersion(const std::string& s) const override { return log_.StreamVersion(s); }
  Result<std::vector<RecordedEvent>> ReadAll(std::uint64_t from, std::size_t n) const override {
    return log_.ReadAll(from, n);
  }
  HeadInfo Head() const override { return log_.Head(); }
  std::optional<IdempotencyRecord> FindIdempotencyKey(const std::string& k) const override {
    return log_.FindIdempotencyKey(k);
  }
  std::uint64_t WaitForPosition(std::uint64_t after, std::chrono::milliseconds t) const override {
    return log_.WaitForPosition(after, t);
  }
  VerifyReport Verify(const VerifyProgress& progress) const override {
    return log_.Verify(progress);
  }

 private:
  const EventLog& log_;
};

TEST_F(ResponseCacheTest, AFoldThatRacedWithACommitOfItsStreamIsNotKept) {
  RacingLog racing(store);
  ResponseCache cache(racing, std::size_t{1} << 20);
  store.AddCommitListener([&](const std::vector<RecordedEvent>& batch) { cache.Forget(batch); });
  // The reader has read version 1; the withdrawal commits before it keeps it.
  racing.during_read = [&] {
    w.Withdraw(Id(4), kDuring + 100);
    CopyNew();
  };
  auto raced = cache.Load(Id(4));
  ASSERT_TRUE(raced.ok());
  EXPECT_FALSE((*raced)->withdrawn()) << "the reader saw the stream before the commit";
  EXPECT_EQ(cache.stats().entries, 0u) << "and did not keep what it saw";
  auto next = cache.Load(Id(4));
  ASSERT_TRUE(next.ok());
  EXPECT_TRUE((*next)->withdrawn());
  EXPECT_EQ(cache.stats().entries, 1u);
}

TEST_F(ResponseCacheTest, ARenderedTextIsKeptPerStateVisibilityAndCitations) {
  ResponseCache cache(store, std::size_t{1} << 20);
  store.AddCommitListener([&](const std::vector<RecordedEvent>& batch) { cache.Forget(batch); });
  auto r = cache.Load(Id(5));
  ASSERT_TRUE(r.ok());
  const std::size_t state_bytes = cache.stats().bytes;
  int renders = 0;
  auto render = [&](std::string text) {
    return [&renders, text] {
      ++renders;
      return text;
    };
  };
  const std::vector<PointCitation> none, one = {{1, Citation{"sa-2024", "c-1", 42}}};
  auto full = cache.RenderedJson(Id(5), *r, Visibility::kFull, none, render("full"));
  EXPECT_EQ(*full, "full");
  EXPECT_EQ(*cache.RenderedJson(Id(5), *r, Visibility::kFull, none, render("again")), "full");
  EXPECT_EQ(renders, 1);
  EXPECT_EQ(cache.stats().bytes,
            state_bytes + ResponseCache::kListingOverhead + std::string("aarhus").size() + 4)
      << "the listing is costed: overhead, party, text";
  EXPECT_EQ(cache.stats().entries, 2u) << "the state and its listing";
  EXPECT_EQ(*cache.RenderedJson(Id(5), *r, Visibility::kWithoutAuthor, none, render("anon")),
            "anon");
  EXPECT_EQ(*cache.RenderedJson(Id(5), *r, Visibility::kFull, one, render("cited")), "cited");
  EXPECT_EQ(*cache.RenderedJson(Id(5), *r, Visibility::kWithoutAuthor, none, render("x")), "anon");
  EXPECT_EQ(renders, 3);
  EXPECT_EQ(cache.stats().renders, 3u);

  w.Withdraw(Id(5), kDuring + 100);
  CopyNew();
  auto moved = cache.Load(Id(5));
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(*cache.RenderedJson(Id(5), *moved, Visibility::kFull, one, render("withdrawn")),
            "withdrawn");
  EXPECT_EQ(*cache.RenderedJson(Id(5), *r, Visibility::kFull, one, render("old state")),
            "old state")
      << "a state the entry no longer holds is rendered, not kept";
  EXPECT_EQ(*cache.RenderedJson(Id(5), *moved, Visibility::kFull, one, render("y")), "withdrawn");
  EXPECT_EQ(renders, 5);
}

// A list reads listings (Listed): the facts that decide visibility and the
// texts, without the state; they stay when the state is dropped and go with
// it when the stream moves.
TEST_F(ResponseCacheTest, AListingKeepsFactsAndTextsWithoutTheState) {
  ResponseCache cache(store, std::size_t{1} << 20);
  store.AddCommitListener([&](const std::vector<RecordedEvent>& batch) { cache.Forget(batch); });
  EXPECT_EQ(cache.Listed(Id(6)), nullptr);
  auto r = cache.Load(Id(6));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(cache.Listed(Id(6)), nullptr) << "a state alone makes no listing";
  const std::vector<PointCitation> none, one = {{1, Citation{"sa-2024", "c-1", 42}}};
  cache.RenderedJson(Id(6), *r, Visibility::kFull, none, [] { return std::string("full"); });
  auto listing = cache.Listed(Id(6));
  ASSERT_NE(listing, nullptr);
  EXPECT_EQ(listing->facts.party, "aarhus");
  EXPECT_FALSE(listing->facts.withdrawn);
  EXPECT_EQ(listing->facts.publication, (*r)->current().content.publication);
  EXPECT_EQ(listing->version, (*r)->version());
  ASSERT_NE(listing->TextFor(Visibility::kFull, none), nullptr);
  EXPECT_EQ(*listing->TextFor(Visibility::kFull, none), "full");
  EXPECT_EQ(listing->TextFor(Visibility::kFull, one), nullptr) << "other citations";
  EXPECT_EQ(listing->TextFor(Visibility::kWithoutAuthor, none), nullptr) << "another visibility";

  // A text of the state not kept as the head makes no listing.
  ResponseCache other(store, std::size_t{1} << 20);
  other.RenderedJson(Id(6), *r, Visibility::kFull, none, [] { return std::string("full"); });
  EXPECT_EQ(other.Listed(Id(6)), nullptr);

  w.Withdraw(Id(6), kDuring + 100);
  CopyNew();
  EXPECT_EQ(cache.Listed(Id(6)), nullptr) << "dropped with the state when the stream moved";
  EXPECT_EQ(cache.stats().entries, 0u);
  auto moved = cache.Load(Id(6));
  ASSERT_TRUE(moved.ok());
  cache.RenderedJson(Id(6), *moved, Visibility::kFull, none, [] { return std::string("w"); });
  ASSERT_NE(cache.Listed(Id(6)), nullptr);
  EXPECT_TRUE(cache.Listed(Id(6))->facts.withdrawn);
}

// In a budget too small for every state and listing, the listings a list
// keeps reading outlive the states only the first read needed.
TEST_F(ResponseCacheTest, ListingsReadAgainOutliveTheStatesBehindThem) {
  const std::size_t entry = EntryBytes();
  // Room for 8 states (one is within budget/8) or 8 listings and 6 states,
  // not for the 10 states and 10 listings of a list of all 10.
  ResponseCache cache(store, 8 * entry);
  const std::vector<PointCitation> none;
  auto list = [&](int n) {
    for (int i = 0; i < n; ++i) {
      if (auto l = cache.Listed(Id(i)); l && l->TextFor(Visibility::kFull, none)) continue;
      auto r = cache.Load(Id(i));
      ASSERT_TRUE(r.ok());
      cache.RenderedJson(Id(i), *r, Visibility::kFull, none, [] { return std::string(8, 'x'); });
    }
  };
  list(10);
  const auto renders = cache.stats().renders;
  EXPECT_EQ(renders, 10u);
  list(10);
  list(10);
  EXPECT_EQ(cache.stats().renders, renders) << "every listing was still kept";
  EXPECT_LE(cache.stats().bytes, 8 * entry);
  EXPECT_LT(cache.stats().entries, 20u) << "states were dropped";
}

TEST_F(ResponseCacheTest, UnknownAndBrokenStreamsAreNotKept) {
  ResponseCache cache(store, std::size_t{1} << 20);
  EXPECT_EQ(cache.Load("r-none").status().type(), "response-not-found");
  AppendRequest bad;
  bad.stream = ResponseStream(Id(2));
  bad.events = {NewEvent{kResponseAmended, 1, {{"response", Id(2)}}, {}}};
  ASSERT_TRUE(store.Append(std::move(bad)).ok());
  EXPECT_EQ(cache.Load(Id(2)).status().code(), Code::kCorruption);
  EXPECT_EQ(cache.stats().entries, 0u);
}

TEST_F(ResponseCacheTest, ABudgetOfZeroKeepsNothing) {
  ResponseCache cache(store, 0);
  ASSERT_TRUE(cache.Load(Id(0)).ok());
  ASSERT_TRUE(cache.Load(Id(0)).ok());
  EXPECT_EQ(cache.stats().hits, 0u);
  EXPECT_EQ(cache.stats().misses, 2u);
  EXPECT_EQ(cache.stats().bytes, 0u);
}

TEST_F(ResponseCacheTest, TheLeastRecentlyUsedAreDroppedToStayWithinTheBudget) {
  const std::size_t entry = EntryBytes();
  const std::size_t budget = 9 * entry;  // room for 9 of the 10; one entry is within budget/8
  ResponseCache cache(store, budget);
  for (int i = 0; i < 9; ++i) ASSERT_TRUE(cache.Load(Id(i)).ok());
  ASSERT_TRUE(cache.Load(Id(0)).ok());  // r-0 used again: r-1 is now the oldest
  EXPECT_EQ(cache.stats().hits, 1u);
  ASSERT_TRUE(cache.Load(Id(9)).ok());
  EXPECT_LE(cache.stats().bytes, budget);
  EXPECT_EQ(cache.stats().entries, 9u);
  ASSERT_TRUE(cache.Load(Id(0)).ok());
  EXPECT_EQ(cache.stats().hits, 2u) << "r-0 was kept";
  ASSERT_TRUE(cache.Load(Id(1)).ok());
  EXPECT_EQ(cache.stats().hits, 2u) << "r-1 was dropped";
}

TEST_F(ResponseCacheTest, AResponseLargerThanAnEighthOfTheBudgetIsNotKept) {
  const std::size_t entry = EntryBytes();
  ResponseCache cache(store, 8 * entry - 8);
  ASSERT_TRUE(cache.Load(Id(0)).ok());
  EXPECT_EQ(cache.stats().entries, 0u);
}

}  // namespace
}  // namespace hoering::app
