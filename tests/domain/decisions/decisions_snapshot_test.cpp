// Snapshots of DecisionsView: the round trip is exact, the restored view
// answers as the original, keeps folding like it, and a malformed snapshot is
// kCorruption (never a throw).
#include <gtest/gtest.h>

#include "domain/decisions/decisions_view.h"
#include "domain/snapshot/snapshot_json.h"
#include "tests/domain/consultations/domain_fixture.h"
#include "tests/domain/snapshot/snapshot_expect.h"

namespace hoering::decisions {
namespace {

using consultations::dtest::Log;
using nlohmann::json;

const Actor kClerk{"tok-1", "secretariat", "aarhus"};
const Actor kOther{"tok-2", "secretariat", "region-midt"};

DecisionRecorded Decision(const std::string& id, const std::string& agreement) {
  DecisionRecorded d;
  d.id = id;
  d.body = {"Byrådet", "aarhus"};
  d.meeting_date = "2024-03-14";
  d.subject = {agreement, 1, "Høringsudkast", std::string(64, 'a')};
  d.outcome = Outcome::kApproved;
  d.final_for_party = true;
  return d;
}

void ExpectSameFulfilment(const Fulfilment& a, const Fulfilment& b) {
  EXPECT_EQ(a.evidence, b.evidence);
  EXPECT_EQ(a.at_ms, b.at_ms);
  EXPECT_EQ(a.position, b.position);
  EXPECT_EQ(a.actor, b.actor);
}

// Field by field, so that a field lost by both Snapshot() and FromSnapshot() shows.
void ExpectSameDecision(const DecisionInfo& a, const DecisionInfo& b) {
  SCOPED_TRACE("decision " + a.data.id);
  EXPECT_EQ(a.data, b.data);
  EXPECT_EQ(a.position, b.position);
  EXPECT_EQ(a.hash, b.hash);
  EXPECT_EQ(a.recorded_at_ms, b.recorded_at_ms);
  EXPECT_EQ(a.actor, b.actor);
  ASSERT_EQ(a.fulfilled.size(), b.fulfilled.size());
  for (const auto& [n, f] : a.fulfilled) {
    ASSERT_EQ(b.fulfilled.count(n), 1u) << n;
    ExpectSameFulfilment(f, b.fulfilled.at(n));
  }
  EXPECT_EQ(a.version, b.version);
}

std::vector<std::string> Ids(const std::vector<std::shared_ptr<const DecisionInfo>>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d->data.id);
  return out;
}

void ExpectSameAnswers(const DecisionsView& a, const DecisionsView& b) {
  for (const char* id : {"d-1", "d-2", "d-3", "d-4", "d-bad", "d-orphan", "d-z", ""}) {
    auto x = a.Get(id), y = b.Get(id);
    ASSERT_EQ(x.ok(), y.ok()) << id;
    if (x.ok()) {
      ExpectSameDecision(**x, **y);
    } else {
      EXPECT_EQ(x.status().code(), y.status().code()) << id;
      EXPECT_EQ(x.status().detail(), y.status().detail()) << id;
      EXPECT_EQ(x.status().type(), y.status().type()) << id;
    }
  }
  for (const char* agreement : {"sa-2024", "sa-2020", "sa-1999"}) {
    EXPECT_EQ(Ids(a.OnAgreement(agreement)), Ids(b.OnAgreement(agreement))) << agreement;
    auto x = a.Obligations(agreement), y = b.Obligations(agreement);
    ASSERT_EQ(x.size(), y.size()) << agreement;
    for (const auto& [key, f] : x) {
      ASSERT_EQ(y.count(key), 1u) << key;
      ExpectSameFulfilment(f, y.at(key));
    }
  }
  for (const auto& [after, limit] :
       std::vector<std::pair<std::string, std::size_t>>{{"", 10}, {"d-1", 2}, {"d-3", 10}}) {
    auto x = a.List(after, limit), y = b.List(after, limit);
    ASSERT_EQ(x.size(), y.size()) << after;
    for (std::size_t i = 0; i < x.size(); ++i) ExpectSameDecision(*x[i], *y[i]);
  }
}

DecisionsView MustRestore(const json& j) {
  return testing::MustRestoreSnapshot<DecisionsView>(j);
}

// Decisions with and without conditions and optional fields, conditions and
// obligations fulfilled (one twice), a decision stream broken at its first
// event and one broken later, and events the view ignores.
class DecisionsSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DecisionRecorded d1 = Decision("d-1", "sa-2024");
    d1.outcome = Outcome::kApprovedWithConditions;
    d1.case_ref = "24/1234";
    d1.note = "Enstemmigt";
    d1.conditions = {{1, "Evaluering", "aarhus", "2025-01-01"},
                     {2, "Budget", "region-midt", "2025-06-30"}};
    d1.recommendations = {"Tværgående forløb"};
    d1.basis_consultations = {"h-1"};
    d1.basis_responses = {"r-1", "r-2"};
    d1.absent = {"A. Hansen"};
    log.Append(DecisionStream("d-1"), ToEvent(d1), 1000, kClerk);
    log.Append(DecisionStream("d-2"), ToEvent(Decision("d-2", "sa-2024")), 1001, kOther);
    log.Append(DecisionStream("d-3"), ToEvent(Decision("d-3", "sa-2020")), 1002, kClerk);
    log.Append(DecisionStream("d-1"), ToEvent(ConditionFulfilled{"d-1", 1, "Rapport"}), 1003);
    log.Append(DecisionStream("d-1"), ToEvent(ConditionFulfilled{"d-1", 2, "Udkast"}), 1004);
    log.Append(DecisionStream("d-1"), ToEvent(ConditionFulfilled{"d-1", 2, "Vedtaget"}), 1005);
    log.Append(DecisionStream("d-1"), {"DecisionAnnotated", 1, {{"x", 1}}, {}}, 1006);  // unknown
    Raw(DecisionStream("d-bad"), kDecisionRecorded, "{not json");
    log.Append(DecisionStream("d-4"), ToEvent(Decision("d-4", "sa-2024")), 1007);
    Raw(DecisionStream("d-4"), kConditionFulfilled, R"({"decision": "d-4"})");
    log.Append(DecisionStream("d-orphan"), ToEvent(ConditionFulfilled{"d-orphan", 1, "?"}), 1008);
    log.Append(ObligationStream("sa-2024"),
               ToEvent(ObligationFulfilled{"sa-2024", "entry-into-force", "Underskrevet"}), 1009);
    log.Append(ObligationStream("sa-2024"),
               ToEvent(ObligationFulfilled{"sa-2024", "review-2025", "Første"}), 1010, kOther);
    log.Append(ObligationStream("sa-2024"),
               ToEvent(ObligationFulfilled{"sa-2024", "review-2025", "Anden"}), 1011);
    log.Append(ObligationStream("sa-2020"),
               ToEvent(ObligationFulfilled{"sa-2020", "expiry", "Udløbet"}), 1012);
    Raw(ObligationStream("sa-2020"), kObligationFulfilled, "[]");  // ignored
    log.Append("party-aarhus", {"PartyRegistered", 1, {{"id", "aarhus"}}, {}}, 1013);
    for (const auto& e : log.events()) view.Apply(e);
  }
  // An event with the given data text, as a damaged log would hold it.
  void Raw(const std::string& stream, const std::string& type, const std::string& data) {
    log.Append(stream, {type, 1, json::object(), {}}, 1500);
    const_cast<RecordedEvent&>(log.events().back()).data = data;  // the Log is ours
  }
  Log log;
  DecisionsView view;
};

TEST_F(DecisionsSnapshotTest, TheFixtureCoversTheCases) {
  auto d1 = view.Get("d-1");
  ASSERT_TRUE(d1.ok());
  EXPECT_EQ((*d1)->fulfilled.size(), 2u);
  EXPECT_EQ((*d1)->fulfilled.at(2).evidence, "Vedtaget");
  EXPECT_EQ((*d1)->version, 5u);
  EXPECT_EQ(view.Get("d-bad").status().code(), Code::kCorruption);
  EXPECT_EQ(view.Get("d-4").status().code(), Code::kCorruption);
  EXPECT_EQ(view.Get("d-orphan").status().code(), Code::kNotFound);
  EXPECT_EQ(Ids(view.OnAgreement("sa-2024")), (std::vector<std::string>{"d-1", "d-2"}));
  EXPECT_EQ(view.Obligations("sa-2024").at("review-2025").evidence, "Anden");
}

TEST_F(DecisionsSnapshotTest, RoundTripIsExact) {
  const json snap = view.Snapshot();
  auto [restored, reparsed] = testing::MustRoundTripSnapshot<DecisionsView>(snap);
  ExpectSameAnswers(view, restored);
  ExpectSameAnswers(view, reparsed);
  EXPECT_TRUE(snap.at("decisions").at("d-bad").at("state").is_null());
  EXPECT_EQ(snap.at("decisions").at("d-4").at("broken").at("code"),
            static_cast<int>(Code::kCorruption));
  DecisionsView again;
  for (const auto& e : log.events()) again.Apply(e);
  EXPECT_EQ(again.Snapshot().dump(), snap.dump());
}

TEST_F(DecisionsSnapshotTest, RestoredViewFoldsOnLikeTheOriginal) {
  DecisionsView restored = MustRestore(json::parse(view.Snapshot().dump()));
  std::shared_ptr<const DecisionInfo> held = *restored.Get("d-2");
  const std::size_t from = log.events().size();
  log.Append(DecisionStream("d-2"), ToEvent(ConditionFulfilled{"d-2", 1, "Sent"}), 2000);
  log.Append(DecisionStream("d-5"), ToEvent(Decision("d-5", "sa-2020")), 2001, kOther);
  log.Append(DecisionStream("d-orphan"), ToEvent(Decision("d-orphan", "sa-2024")), 2002);
  log.Append(DecisionStream("d-4"), ToEvent(ConditionFulfilled{"d-4", 1, "Ignored"}), 2003);
  log.Append(ObligationStream("sa-2024"),
             ToEvent(ObligationFulfilled{"sa-2024", "review-2026", "Tredje"}), 2004);
  Raw(DecisionStream("d-3"), kDecisionRecorded, "{}");
  for (std::size_t i = from; i < log.events().size(); ++i) {
    view.Apply(log.events()[i]);
    restored.Apply(log.events()[i]);
  }
  EXPECT_TRUE(held->fulfilled.empty());  // copy-on-write holds for restored states
  EXPECT_EQ((*restored.Get("d-2"))->fulfilled.size(), 1u);
  EXPECT_EQ(Ids(restored.OnAgreement("sa-2024")),
            (std::vector<std::string>{"d-1", "d-2", "d-orphan"}));
  EXPECT_EQ(restored.Get("d-3").status().code(), Code::kCorruption);
  EXPECT_EQ(restored.Snapshot().dump(), view.Snapshot().dump());
  ExpectSameAnswers(view, restored);
  DecisionsView scratch;
  for (const auto& e : log.events()) scratch.Apply(e);
  EXPECT_EQ(scratch.Snapshot().dump(), restored.Snapshot().dump());
}

TEST_F(DecisionsSnapshotTest, EmptyViewRoundTrips) {
  const json empty = DecisionsView().Snapshot();
  EXPECT_EQ(empty.dump(), R"({"by_agreement":{},"decisions":{},"obligations":{}})");
  EXPECT_EQ(MustRestore(empty).Snapshot(), empty);
}

TEST_F(DecisionsSnapshotTest, MalformedSnapshotsAreCorruption) {
  const json good = view.Snapshot();
  const std::vector<testing::SnapshotDamage> damages = {
      {"/decisions/d-1", "x"},
      {"/decisions/d-1/broken", nullptr},
      {"/decisions/d-1/state", nullptr},
      {"/decisions/d-1/state", 1},
      {"/decisions/d-1/state/data/outcome", "maybe"},
      {"/decisions/d-1/state/data/conditions", "x"},
      {"/decisions/d-1/state/data", "x"},
      {"/decisions/d-1/state/position", -1},
      {"/decisions/d-1/state/position", "1"},
      {"/decisions/d-1/state/recorded_at_ms", 1.5},
      {"/decisions/d-1/state/hash", false},
      {"/decisions/d-1/state/actor", nullptr},
      {"/decisions/d-1/state/actor/role", 3},
      {"/decisions/d-1/state/fulfilled", json::object()},
      {"/decisions/d-1/state/fulfilled/0/condition", -1},
      {"/decisions/d-1/state/fulfilled/1/condition", 1},
      {"/decisions/d-1/state/fulfilled/0/at_ms", "now"},
      {"/decisions/d-1/state/version", true},
      {"/decisions/d-4/broken/code", 14},
      {"/decisions/d-4/broken/code", 0},
      {"/decisions/d-4/broken/type", nullptr},
      {"/by_agreement/sa-2024", "d-1"},
      {"/by_agreement/sa-2024/0", 1},
      {"/obligations/sa-2024", json::array()},
      {"/obligations/sa-2024/review-2025", "x"},
      {"/obligations/sa-2024/review-2025/position", nullptr},
      {"/obligations/sa-2024/review-2025/evidence", 1},
  };
  testing::ExpectDamagedSnapshotsCorrupt<DecisionsView>(good, json::array(), damages);
}

}  // namespace
}  // namespace hoering::decisions
