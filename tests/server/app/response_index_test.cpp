// The persistent response index (server/app/response_index.h) and responses
// folded from the log on demand (server/app/response_loader.h).
#include "server/app/response_index.h"

#include <gtest/gtest.h>

#include "server/app/read_views.h"
#include "server/app/response_loader.h"
#include "storage/memory_event_store.h"
#include "tests/domain/consultations/domain_fixture.h"
#include "tests/support/event_log_builder.h"

namespace hoering::app {
namespace {

using namespace consultations;         // NOLINT
using namespace consultations::dtest;  // NOLINT
using Ids = std::vector<std::string>;

// Copies the fixture's log into a store (same positions and streams).
void CopyInto(const std::vector<RecordedEvent>& events, MemoryEventStore& store) {
  for (const auto& e : events) {
    AppendRequest r;
    r.stream = e.stream;
    r.events = {NewEvent{e.type, e.schema_version, nlohmann::json::parse(e.data), {}}};
    auto done = store.Append(std::move(r));
    ASSERT_TRUE(done.ok()) << done.status().detail();
    ASSERT_EQ(done->last_position, e.position);
  }
}

// h-1 gets r-b, r-a (late), r-w (withdrawn); h-2 gets r-x; then a damaged
// first event, an orphan withdrawal and a stream of another kind.
class ResponseIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    w.Open();
    w.Open([] {
      auto c = OpenCmd();
      c.id = "h-2";
      return c;
    }());
    w.Submit("r-b", SubmissionBody("region-midt"), kDuring);
    w.Submit("r-x", SubmissionBody("aarhus"), kDuring + 1, "h-2");
    w.Submit("r-w", SubmissionBody("aarhus"), kDuring + 2);
    w.Withdraw("r-w", kDuring + 3);
    w.Dispose("r-b", 1, Outcome::kNoted, kDuring + 4);
    w.Close(kDuring + 5);
    nlohmann::json late = SubmissionBody("aarhus", "private");
    late["accept_late"] = {{"reason", "Posten"}};
    w.Submit("r-a", late, kDuring + 6);
    CopyInto(w.log.events(), store);
  }
  // Records in `raw` an event whose data is `data` as given (a damaged log).
  void AppendRaw(const std::string& stream, const std::string& type, const std::string& data) {
    raw.push_back(hoering::testing::RecordAs({type, 1, nlohmann::json::object(), data},
                                             {store.Head().position + 1, stream, 1, 0, {}}));
  }
  std::vector<RecordedEvent> All() {
    auto events = store.ReadAll(1, 1000);
    EXPECT_TRUE(events.ok());
    return *events;
  }
  World w;
  MemoryEventStore store;
  std::vector<RecordedEvent> raw;
};

TEST_F(ResponseIndexTest, ListsPagesAndCountsEachConsultationsResponses) {
  ResponseIndex index(store, "ri0/");
  ASSERT_TRUE(index.Load().ok());
  ASSERT_TRUE(index.Apply(All()).ok());
  EXPECT_EQ(index.position(), store.Head().position);
  EXPECT_EQ(*index.ResponsesOf("h-1", "", 10), (Ids{"r-b", "r-w", "r-a"}));
  EXPECT_EQ(*index.ResponsesOf("h-1", "", 2), (Ids{"r-b", "r-w"}));
  EXPECT_EQ(*index.ResponsesOf("h-1", "r-w", 10), (Ids{"r-a"}));
  EXPECT_EQ(*index.ResponsesOf("h-1", "r-a", 10), Ids{});
  EXPECT_EQ(*index.ResponsesOf("h-1", "r-x", 10), Ids{});  // r-x answers h-2
  EXPECT_EQ(*index.ResponsesOf("h-1", "r-zz", 10), Ids{});
  EXPECT_EQ(*index.ResponsesOf("h-2", "", 10), (Ids{"r-x"}));
  EXPECT_EQ(*index.ResponsesOf("h-", "", 10), Ids{});  // a prefix of an id is another id
  EXPECT_EQ(*index.CountsOf("h-1"), (ResponseCounts{3, 1, 1}));
  EXPECT_EQ(*index.CountsOf("h-2"), (ResponseCounts{1, 0, 0}));
  EXPECT_EQ(*index.CountsOf("h-9"), ResponseCounts{});
  auto a = index.Find("r-a");
  ASSERT_TRUE(a.ok() && a->has_value());
  EXPECT_EQ((*a)->consultation, "h-1");
  EXPECT_EQ((*a)->seq, 2u);
  EXPECT_TRUE((*a)->late);
  EXPECT_FALSE((*a)->withdrawn);
  EXPECT_TRUE((*index.Find("r-w"))->withdrawn);
  EXPECT_FALSE(index.Find("r-zz")->has_value());
}

TEST_F(ResponseIndexTest, EventsAreFoldedOnceAndThePositionIsStoredWithThem) {
  ResponseIndex index(store, "ri0/");
  ASSERT_TRUE(index.Load().ok());
  const auto all = All();
  const std::vector<RecordedEvent> first(all.begin(), all.begin() + 6),
      rest(all.begin() + 6, all.end());
  ASSERT_TRUE(index.Apply(first).ok());
  ASSERT_TRUE(index.Apply(all).ok());  // the first six again: skipped
  ASSERT_TRUE(index.Apply(rest).ok());
  EXPECT_EQ(*index.CountsOf("h-1"), (ResponseCounts{3, 1, 1}));

  ResponseIndex reopened(store, "ri0/");
  ASSERT_TRUE(reopened.Load().ok());
  EXPECT_EQ(reopened.position(), store.Head().position);
  ResponseIndex other(store, "ri1/");
  ASSERT_TRUE(other.Load().ok());
  EXPECT_EQ(other.position(), 0u);
  ASSERT_TRUE(reopened.Clear().ok());
  EXPECT_EQ(reopened.position(), 0u);
  EXPECT_EQ(*reopened.ResponsesOf("h-1", "", 10), Ids{});
  ResponseIndex cleared(store, "ri0/");
  ASSERT_TRUE(cleared.Load().ok());
  EXPECT_EQ(cleared.position(), 0u);
}

TEST_F(ResponseIndexTest, DamagedAndForeignEventsAreNotIndexed) {
  AppendRaw("response-r-bad", kResponseSubmitted, "{not json");
  AppendRaw("response-r-id", kResponseSubmitted, R"({"consultation": "H 1/x"})");
  AppendRaw("response-r-orphan", kResponseWithdrawn, R"({"consultation": "h-1"})");
  AppendRaw("notes-r-q", kResponseSubmitted, R"({"consultation": "h-1"})");
  for (std::size_t i = 0; i < raw.size(); ++i) raw[i].position = store.Head().position + 1 + i;
  ResponseIndex index(store, "ri0/");
  ASSERT_TRUE(index.Load().ok());
  ASSERT_TRUE(index.Apply(All()).ok());
  ASSERT_TRUE(index.Apply(raw).ok());
  EXPECT_EQ(index.position(), raw.back().position);
  EXPECT_EQ(*index.ResponsesOf("h-1", "", 10), (Ids{"r-b", "r-w", "r-a"}));
  EXPECT_EQ(*index.CountsOf("h-1"), (ResponseCounts{3, 1, 1}));
}

TEST_F(ResponseIndexTest, GenerationsCompareEntryByEntry) {
  ResponseIndex a(store, "ri0/"), b(store, "ri1/");
  ASSERT_TRUE(a.Apply(All()).ok());
  ASSERT_TRUE(b.Apply(All()).ok());
  EXPECT_EQ(*ResponseIndex::FirstDifference(store, "ri0/", "ri1/"), std::nullopt);
  ASSERT_TRUE(store.WriteProjections({{"ri1/n/h-2", "2\t0\t0"}}).ok());
  EXPECT_EQ(*ResponseIndex::FirstDifference(store, "ri0/", "ri1/"), "n/h-2");
  ASSERT_TRUE(store.WriteProjections({{"ri1/r/r-zz", "h-2\t1\t"}}).ok());
  EXPECT_EQ(*ResponseIndex::FirstDifference(store, "ri0/", "ri1/"), "n/h-2");
  ASSERT_TRUE(b.Clear().ok());
  EXPECT_NE(*ResponseIndex::FirstDifference(store, "ri0/", "ri1/"), std::nullopt);

  EXPECT_EQ(*ResponseIndex::LivePrefix(store), "ri0/");
  ASSERT_TRUE(b.MakeLive().ok());
  EXPECT_EQ(*ResponseIndex::LivePrefix(store), "ri1/");
  EXPECT_EQ(ResponseIndex::OtherPrefix("ri1/"), "ri0/");
}

TEST_F(ResponseIndexTest, AMalformedEntryIsCorruptionNotACrash) {
  ResponseIndex index(store, "ri0/");
  ASSERT_TRUE(index.Apply(All()).ok());
  ASSERT_TRUE(store
                  .WriteProjections({{"ri0/r/r-a", "h-1\tnot-a-number\t"},
                                     {"ri0/n/h-2", "x"},
                                     {"response-index", "ri7/"}})
                  .ok());
  EXPECT_EQ(index.Find("r-a").status().code(), Code::kCorruption);
  EXPECT_EQ(index.CountsOf("h-2").status().code(), Code::kCorruption);
  EXPECT_EQ(index.ResponsesOf("h-1", "r-a", 10).status().code(), Code::kCorruption);
  EXPECT_EQ(ResponseIndex::LivePrefix(store).status().code(), Code::kCorruption);
}

TEST_F(ResponseIndexTest, ResponsesAreFoldedFromTheLogOnDemand) {
  auto a = LoadResponse(store, "r-a");
  ASSERT_TRUE(a.ok()) << a.status().detail();
  EXPECT_EQ((*a)->consultation(), "h-1");
  EXPECT_TRUE((*a)->late());
  auto b = LoadResponse(store, "r-b");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ((*b)->dispositions().size(), 1u);
  EXPECT_TRUE((*LoadResponse(store, "r-w"))->withdrawn());
  EXPECT_EQ(LoadResponse(store, "r-zz").status().type(), "response-not-found");
  EXPECT_EQ(LoadResponse(store, "h-1").status().type(), "response-not-found");

  AppendRequest bad;
  bad.stream = ResponseStream("r-b");
  bad.events = {NewEvent{kResponseAmended, 1, {{"response", "r-b"}}, {}}};
  ASSERT_TRUE(store.Append(std::move(bad)).ok());
  EXPECT_EQ(LoadResponse(store, "r-b").status().code(), Code::kCorruption);
  auto lookup = ResponsesIn(store);
  EXPECT_TRUE(lookup("r-a").ok());
}

TEST_F(ResponseIndexTest, TheViewsFoldTheIndexIntoTheBatchsOwnWrite) {
  ReadViews views(store);
  store.SetBatchFolder(
      [&](const std::vector<RecordedEvent>& batch) { return views.FoldIntoBatch(batch); });
  const std::uint64_t head = store.Head().position;
  w.Submit("r-n", SubmissionBody("aarhus"), kDuring + 7, "h-2");
  const RecordedEvent submitted = w.log.events().back();
  // Not before Start(): the batch is left to Apply().
  EXPECT_FALSE(views.FoldIntoBatch({submitted}).has_value());
  ASSERT_TRUE(views.Start(true).ok());
  // A batch that does not follow the index's position is not folded.
  RecordedEvent later = submitted;
  later.position = head + 2;
  EXPECT_FALSE(views.FoldIntoBatch({later}).has_value());

  CopyInto({submitted}, store);  // no commit listener: only the folder ran
  EXPECT_EQ(views.responses()->position(), head + 1);
  EXPECT_EQ(views.position(), head);  // the in-memory views wait for Apply()
  EXPECT_EQ(*views.responses()->ResponsesOf("h-2", "", 10), (Ids{"r-x", "r-n"}));
  ResponseIndex stored(store, views.responses()->prefix());
  ASSERT_TRUE(stored.Load().ok());
  EXPECT_EQ(stored.position(), head + 1);
  // A rebuild now compares the two sets at the index's position.
  auto rebuilt = views.Rebuild();
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().detail();
  EXPECT_TRUE(rebuilt->identical) << rebuilt->first_difference;
  EXPECT_EQ(rebuilt->position, head + 1);
  // Apply() finds the batch folded and folds nothing twice.
  views.Apply(store.ReadAll(head + 1, 10).value());
  EXPECT_EQ(views.position(), head + 1);
  EXPECT_EQ(*views.responses()->CountsOf("h-2"), (ResponseCounts{2, 0, 0}));
}

TEST_F(ResponseIndexTest, AStartRebuildsAnIndexAheadOfTheLogOrDamaged) {
  const std::uint64_t head = store.Head().position;
  {
    ReadViews views(store);
    ASSERT_TRUE(views.Start(true).ok());
    EXPECT_EQ(*views.responses()->ResponsesOf("h-1", "", 10), (Ids{"r-b", "r-w", "r-a"}));
  }
  // As if the log had been restored from an older copy.
  ASSERT_TRUE(store.WriteProjections({{"ri0/at", std::to_string(head + 100)}}).ok());
  {
    ReadViews views(store);
    auto start = views.Start(true);
    ASSERT_TRUE(start.ok()) << start.status().detail();
    EXPECT_EQ(start->index_position, head + 100);
    EXPECT_EQ(views.position(), head);
    EXPECT_EQ(*views.responses()->ResponsesOf("h-1", "", 10), (Ids{"r-b", "r-w", "r-a"}));
    EXPECT_EQ(*views.responses()->CountsOf("h-1"), (ResponseCounts{3, 1, 1}));
  }
  // A damaged entry that the tail's fold reads: the index is folded again.
  const std::uint64_t r_a = LoadResponse(store, "r-a").value()->first_position();
  ASSERT_TRUE(
      store.WriteProjections({{"ri0/at", std::to_string(r_a - 1)}, {"ri0/n/h-1", "garbage"}}).ok());
  ReadViews views(store);
  auto start = views.Start(true);
  ASSERT_TRUE(start.ok()) << start.status().detail();
  EXPECT_EQ(views.position(), head);
  EXPECT_EQ(*views.responses()->ResponsesOf("h-1", "", 10), (Ids{"r-b", "r-w", "r-a"}));
  EXPECT_EQ(*views.responses()->CountsOf("h-1"), (ResponseCounts{3, 1, 1}));
}

}  // namespace
}  // namespace hoering::app
