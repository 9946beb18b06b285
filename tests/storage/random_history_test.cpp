// The random history generator (tests/support/random_history.h): what it
// writes is a valid log, deterministic per seed, covers every event type and
// folds into non-trivial read views, damaged streams included.
#include "tests/support/random_history.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "domain/access/access.h"
#include "domain/agreements/agreement_events.h"
#include "domain/consultations/consultation_events.h"
#include "domain/consultations/response_events.h"
#include "domain/decisions/decision_events.h"
#include "domain/parties/party.h"
#include "domain/projections/views.h"
#include "storage/memory_event_store.h"

namespace hoering {
namespace {

std::vector<RecordedEvent> ReadEverything(const EventStore& store) {
  std::vector<RecordedEvent> out;
  for (std::uint64_t from = 1;;) {
    auto batch = store.ReadAll(from, 10000);
    EXPECT_TRUE(batch.ok());
    if (!batch.ok() || batch->empty()) return out;
    from = batch->back().position + 1;
    for (auto& e : *batch) out.push_back(std::move(e));
  }
}

// One response folded from its stream (the read views hold none).
Result<consultations::ResponseState> FoldResponse(const EventLog& log, const std::string& id) {
  consultations::ResponseState state;
  auto events = log.ReadStream(consultations::ResponseStream(id), 1, 1u << 20);
  if (!events.ok()) return events.status();
  for (const auto& e : *events) {
    if (Status s = state.Apply(e); !s.ok()) return s;
  }
  return state;
}

using Written = std::tuple<std::string, std::string, std::string>;  // stream, type, data

std::vector<Written> Generate(std::uint64_t seed, std::uint64_t events) {
  MemoryEventStore store;
  testdata::HistoryOptions options;
  options.events = events;
  options.seed = seed;
  auto stats = testdata::AppendRandomHistory(store, options);
  EXPECT_TRUE(stats.ok()) << stats.status().detail();
  std::vector<Written> out;
  for (const auto& e : ReadEverything(store)) out.emplace_back(e.stream, e.type, e.data);
  return out;
}

class RandomHistoryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    store_ = new MemoryEventStore();
    testdata::HistoryOptions options;
    options.events = 20000;
    options.seed = 7;
    auto stats = testdata::AppendRandomHistory(*store_, options);
    ASSERT_TRUE(stats.ok()) << stats.status().detail();
    stats_ = new testdata::HistoryStats(*stats);
    log_ = new std::vector<RecordedEvent>(ReadEverything(*store_));
  }
  static void TearDownTestSuite() {
    delete log_;
    delete stats_;
    delete store_;
  }
  static MemoryEventStore* store_;
  static testdata::HistoryStats* stats_;
  static std::vector<RecordedEvent>* log_;
};
MemoryEventStore* RandomHistoryTest::store_ = nullptr;
testdata::HistoryStats* RandomHistoryTest::stats_ = nullptr;
std::vector<RecordedEvent>* RandomHistoryTest::log_ = nullptr;

TEST_F(RandomHistoryTest, WritesAVerifiableLogOfAtLeastTheRequestedSize) {
  ASSERT_NE(stats_, nullptr);
  const VerifyReport report = store_->Verify();
  EXPECT_TRUE(report.ok) << report.problem;
  EXPECT_GE(stats_->events, 20000u);
  EXPECT_EQ(store_->Head().position, stats_->events);
  EXPECT_EQ(log_->size(), stats_->events);
  EXPECT_LT(stats_->appends, stats_->events + 1);
  std::uint64_t by_type = 0;
  for (const auto& [type, n] : stats_->by_type) by_type += n;
  EXPECT_EQ(by_type, stats_->events);
}

TEST_F(RandomHistoryTest, WritesEveryEventType) {
  ASSERT_NE(stats_, nullptr);
  for (const char* type : {parties::kPartyRegistered, access::kTokenIssued, access::kTokenRevoked,
                           agreements::kAgreementCreated, agreements::kChangeSetRecorded,
                           agreements::kVersionPublished, consultations::kConsultationOpened,
                           consultations::kDeadlineExtended, consultations::kConsultationClosed,
                           consultations::kResponseSubmitted, consultations::kResponseAmended,
                           consultations::kResponseWithdrawn, consultations::kDispositionRecorded,
                           consultations::kAttachmentStored, decisions::kDecisionRecorded,
                           decisions::kConditionFulfilled, decisions::kObligationFulfilled}) {
    auto it = stats_->by_type.find(type);
    EXPECT_TRUE(it != stats_->by_type.end() && it->second > 0) << type;
  }
  // The bulk are responses and what follows them.
  EXPECT_GT(stats_->by_type[consultations::kResponseSubmitted], 2000u);
  EXPECT_GT(stats_->by_type[consultations::kDispositionRecorded], 2000u);
}

TEST_F(RandomHistoryTest, UsesTheServersStreamNames) {
  ASSERT_NE(log_, nullptr);
  for (const auto& e : *log_) {
    const std::string& s = e.stream;
    if (e.type == parties::kPartyRegistered) {
      EXPECT_EQ(s.rfind("party-", 0), 0u) << s;
    } else if (e.type == access::kTokenIssued || e.type == access::kTokenRevoked) {
      EXPECT_EQ(s, access::kStream);
    } else if (e.type == agreements::kChangeSetRecorded ||
               e.type == agreements::kVersionPublished) {
      EXPECT_EQ(s.rfind("agreement-", 0), 0u) << s;
    } else if (e.type == consultations::kDeadlineExtended ||
               e.type == consultations::kConsultationClosed) {
      EXPECT_EQ(s.rfind("consultation-", 0), 0u) << s;
    } else if (e.type == consultations::kResponseAmended ||
               e.type == consultations::kResponseWithdrawn) {
      EXPECT_EQ(s.rfind("response-", 0), 0u) << s;
    } else if (e.type == consultations::kAttachmentStored) {
      EXPECT_EQ(s.rfind("attachment-", 0), 0u) << s;
    } else if (e.type == decisions::kConditionFulfilled) {
      EXPECT_EQ(s.rfind("decision-", 0), 0u) << s;
    } else if (e.type == decisions::kObligationFulfilled) {
      EXPECT_EQ(s.rfind("obligations-", 0), 0u) << s;
    }
  }
}

TEST_F(RandomHistoryTest, FoldsIntoNonTrivialViews) {
  ASSERT_NE(log_, nullptr);
  projections::Views views;
  for (const auto& e : *log_) views.Apply(e);

  EXPECT_GE(views.parties.size(), 40u);
  EXPECT_FALSE(views.access.empty());

  std::size_t with_two_versions = 0, broken_agreements = 0;
  for (const auto& a : views.agreements.List("", 1000)) {
    if (a->versions().size() >= 2) ++with_two_versions;
  }
  std::set<std::string> agreements, responses, decisions;
  for (const auto& e : *log_) {
    if (e.stream.rfind("agreement-", 0) == 0) agreements.insert(e.stream.substr(10));
    if (e.stream.rfind("response-", 0) == 0) responses.insert(e.stream.substr(9));
    if (e.stream.rfind("decision-", 0) == 0) decisions.insert(e.stream.substr(9));
  }
  for (const auto& id : agreements) {
    auto a = views.agreements.Get(id);
    if (!a.ok()) {
      EXPECT_EQ(a.status().code(), Code::kCorruption) << id;
      ++broken_agreements;
    }
  }
  EXPECT_GE(with_two_versions, 1u);
  EXPECT_GE(broken_agreements, 1u);  // damaged = true

  std::size_t live = 0, broken_responses = 0, with_dispositions = 0;
  std::set<std::string> consultations_with_responses;
  for (const auto& id : responses) {
    auto r = FoldResponse(*store_, id);
    if (!r.ok()) {
      ++broken_responses;
      continue;
    }
    if (!r->exists()) continue;
    ++live;
    consultations_with_responses.insert(r->consultation());
    if (!r->dispositions().empty()) ++with_dispositions;
  }
  EXPECT_GT(live, 2000u);
  EXPECT_GT(with_dispositions, 1000u);
  EXPECT_GE(broken_responses, 1u);

  std::size_t fulfilled = 0, broken_decisions = 0;
  for (const auto& id : decisions) {
    auto d = views.decisions.Get(id);
    if (!d.ok()) {
      ++broken_decisions;
      continue;
    }
    fulfilled += (*d)->fulfilled.size();
  }
  EXPECT_GE(fulfilled, 1u);
  EXPECT_GE(broken_decisions, 1u);

  // Responses are spread over the consultations.
  std::size_t with_responses = 0;
  for (const auto& c : views.consultations.ListConsultations("", 10000, "")) {
    with_responses += consultations_with_responses.count(c->info().id);
  }
  EXPECT_GE(with_responses, 5u);

  // A rebuild from position 1 gives the same snapshot.
  projections::Views again;
  for (const auto& e : *log_) again.Apply(e);
  EXPECT_EQ(views.Snapshot().dump(), again.Snapshot().dump());
}

TEST_F(RandomHistoryTest, SameSeedSameEventsOtherSeedOtherEvents) {
  ASSERT_NE(log_, nullptr);
  std::vector<Written> first;
  for (const auto& e : *log_) first.emplace_back(e.stream, e.type, e.data);
  const auto again = Generate(7, 20000);
  ASSERT_EQ(again.size(), first.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    ASSERT_EQ(again[i], first[i]) << "position " << i + 1;
  }
  const auto other = Generate(8, 3000);
  ASSERT_GE(other.size(), 3000u);
  EXPECT_FALSE(std::equal(other.begin(), other.end(), first.begin()));
}

TEST(RandomHistory, ReportsTheFirstAppendError) {
  MemoryEventStore store;
  // A stream the generator writes with "no stream" already exists.
  AppendRequest req;
  req.stream = "party-region-midtjylland";
  req.events.push_back(NewEvent{"PartyRegistered", 1, {{"id", "region-midtjylland"}}, {}});
  ASSERT_TRUE(store.Append(req).ok());
  testdata::HistoryOptions options;
  options.events = 1000;
  auto stats = testdata::AppendRandomHistory(store, options);
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.status().code(), Code::kWrongExpectedVersion);
}

}  // namespace
}  // namespace hoering
