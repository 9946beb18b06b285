// Snapshots of ConsultationState and ConsultationsView: the round trip is
// exact, the restored view answers as the original, keeps folding like it,
// and a malformed snapshot is kCorruption (never a throw). The log below also
// holds responses and attachments, which the view leaves to the response
// index and the log.
#include <gtest/gtest.h>

#include "domain/agreements/agreement_events.h"
#include "domain/consultations/consultations_view.h"
#include "domain/snapshot/snapshot_json.h"
#include "tests/domain/consultations/domain_fixture.h"
#include "tests/domain/snapshot/snapshot_expect.h"

namespace hoering::consultations {
namespace {

using nlohmann::json;
using namespace dtest;  // NOLINT

const std::string kSha = ToHex(Sha256("hello"));

void ExpectSameStatus(const Status& a, const Status& b, const std::string& what) {
  EXPECT_EQ(a.code(), b.code()) << what;
  EXPECT_EQ(a.detail(), b.detail()) << what;
  EXPECT_EQ(a.type(), b.type()) << what;
}

void ExpectSameConsultation(const ConsultationState& a, const ConsultationState& b) {
  SCOPED_TRACE("consultation " + a.info().id);
  EXPECT_EQ(a.exists(), b.exists());
  EXPECT_EQ(a.info(), b.info());
  EXPECT_EQ(a.closes_at(), b.closes_at());
  ASSERT_EQ(a.extensions().size(), b.extensions().size());
  for (std::size_t i = 0; i < a.extensions().size(); ++i) {
    const Extension &x = a.extensions()[i], &y = b.extensions()[i];
    EXPECT_EQ(x.closes_at, y.closes_at);
    EXPECT_EQ(x.previous_closes_at, y.previous_closes_at);
    EXPECT_EQ(x.reason, y.reason);
    EXPECT_EQ(x.at, y.at);
    EXPECT_EQ(x.position, y.position);
    EXPECT_EQ(x.actor, y.actor);
  }
  EXPECT_EQ(a.closed_at(), b.closed_at());
  EXPECT_EQ(a.close_reason(), b.close_reason());
  EXPECT_EQ(a.version(), b.version());
  EXPECT_EQ(a.created_position(), b.created_position());
  EXPECT_EQ(a.created_at(), b.created_at());
  EXPECT_EQ(a.last_position(), b.last_position());
}

const char* kResponses[] = {"r-a", "r-b", "r-w", "r-p", "r-late", "r-bad", "r-orphan", "r-z"};
const char* kConsultations[] = {"h-1", "h-2", "h-bad", "h-z", ""};

// Every query of the view, for every id the log knows and some it does not.
void ExpectSameAnswers(const ConsultationsView& a, const ConsultationsView& b) {
  for (const char* id : kConsultations) {
    auto x = a.GetConsultation(id), y = b.GetConsultation(id);
    ExpectSameStatus(x.ok() ? Status::Ok() : x.status(), y.ok() ? Status::Ok() : y.status(), id);
    if (x.ok() && y.ok()) ExpectSameConsultation(**x, **y);
  }
  for (const auto& [after, agreement] : std::vector<std::pair<std::string, std::string>>{
           {"", ""}, {"", "sa-2024"}, {"h-1", ""}, {"h-0", "sa-2020"}}) {
    auto x = a.ListConsultations(after, 10, agreement),
         y = b.ListConsultations(after, 10, agreement);
    ASSERT_EQ(x.size(), y.size()) << after << " " << agreement;
    for (std::size_t i = 0; i < x.size(); ++i) ExpectSameConsultation(*x[i], *y[i]);
  }
  for (const char* id : kResponses) {
    for (std::uint32_t point : {0u, 1u, 2u, 3u}) {
      auto cx = a.CitationsOf(id, point), cy = b.CitationsOf(id, point);
      ASSERT_EQ(cx.size(), cy.size()) << id << " " << point;
      for (std::size_t i = 0; i < cx.size(); ++i) {
        EXPECT_EQ(cx[i].agreement, cy[i].agreement);
        EXPECT_EQ(cx[i].change, cy[i].change);
        EXPECT_EQ(cx[i].position, cy[i].position);
      }
    }
  }
}

ConsultationsView MustRestore(const json& j) {
  return testing::MustRestoreSnapshot<ConsultationsView>(j);
}

// Two consultations (h-2 extended nothing, closed explicitly), amendments, a
// withdrawal, re-recorded dispositions, a late and a posted response, an
// attachment, citations, and broken streams.
class ConsultationsSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    w.Open();
    w.OpenOnAnotherAgreement();
    w.Extend(kClosesAt + kDay, kDuring);
    json with_file = SubmissionBody("region-midt");
    with_file["attachments"] = json::array(
        {{{"filename", "note.txt"}, {"media_type", "text/plain"}, {"content_base64", "aGVsbG8="}}});
    w.Submit("r-b", with_file, kDuring + 1);
    w.log.Append(AttachmentStream(kSha),
                 ToEvent(AttachmentStored{kSha, "text/plain", 5, "aGVsbG8="}), kDuring + 1);
    w.log.Append(AttachmentStream(std::string(64, 'e')), {kAttachmentStored, 1, {{"x", 1}}, {}},
                 kDuring + 1);  // undecodable metadata: ignored
    w.Submit("r-a", SubmissionBody("aarhus"), kDuring + 2);
    w.Amend("r-b", SubmissionBody("region-midt", "private"), kDuring + 3);
    w.Submit("r-w", SubmissionBody("aarhus", "anonymous"), kDuring + 4, "h-2");
    w.Withdraw("r-w", kDuring + 5);
    json posted = SubmissionBody("aarhus");
    posted["received_at"] = FormatRfc3339Ms(kDuring + 6);
    w.Submit("r-p", posted, kDuring + 7);
    w.Close(kDuring + 8, "h-2");
    json late = SubmissionBody("aarhus", "private");
    late["accept_late"] = {{"reason", "Posten"}};
    w.Submit("r-late", late, kDuring + 9, "h-2");
    w.Dispose("r-a", 1, Outcome::kAccepted, kClosesAt + 2 * kDay, {"c-1"});
    w.Dispose("r-a", 1, Outcome::kPartiallyAccepted, kClosesAt + 2 * kDay + 1);
    w.Dispose("r-a", 2, Outcome::kNoted, kClosesAt + 2 * kDay + 2);
    Cite("c-2", {{"r-a", "1"}, {"r-a", "2"}, {"r-b", "1"}, {"r-a", "0"}});
    Cite("c-3", {{"r-a", "1"}});
    w.Submit("r-bad", SubmissionBody("aarhus"), kDuring + 10);
    Raw(ResponseStream("r-bad"), kResponseAmended, R"({"response": "r-bad"})");
    Raw(ConsultationStream("h-bad"), kConsultationOpened, "{not json");
    Raw(ConsultationStream("h-1"), "SomethingNew", "{}");  // unknown: advances the version
    Raw(ResponseStream("r-orphan"), kResponseWithdrawn,
        ToEvent(ResponseWithdrawn{"r-orphan", "h-1", 1, std::nullopt, kDuring}).data.dump());
    for (const auto& e : w.log.events()) view.Apply(e);
  }
  void Cite(const std::string& change, std::vector<agreements::Cite> cites) {
    agreements::ChangeSetRecorded cs{"sa-2024", change, "Høringssvar", std::move(cites), {}, "api"};
    w.log.Append(agreements::StreamFor("sa-2024"), agreements::ToEvent(cs), kDuring + 11);
  }
  // An event with the given data text, as a damaged or newer log would hold it.
  void Raw(const std::string& stream, const std::string& type, const std::string& data) {
    w.log.Append(stream, {type, 1, json::object(), {}}, kDuring + 12);
    w.log.SetLastData(data);
  }
  // Further events: amendments, a disposition, a new response and citation, an
  // extension, a now broken r-b and more on broken streams.
  std::vector<RecordedEvent> More() {
    const std::size_t from = w.log.events().size();
    w.Amend("r-a", SubmissionBody("aarhus", "anonymous"), kDuring + 20);
    w.Dispose("r-a", 2, Outcome::kOutOfScope, kClosesAt + 3 * kDay);
    w.Submit("r-c", SubmissionBody("region-midt"), kDuring + 21);
    w.Extend(kClosesAt + 2 * kDay, kDuring + 22);
    Cite("c-4", {{"r-c", "2"}, {"r-a", "1"}});
    w.Submit("r-bad", SubmissionBody("aarhus"), kDuring + 24);
    Raw(ResponseStream("r-b"), kResponseAmended, "[]");  // after this, r-b cannot be folded
    Raw(ConsultationStream("h-bad"), kConsultationClosed, R"({"consultation": "h-bad"})");
    return {w.log.events().begin() + static_cast<std::ptrdiff_t>(from), w.log.events().end()};
  }
  World w;
  ConsultationsView view;
};

TEST_F(ConsultationsSnapshotTest, TheFixtureCoversTheCases) {
  EXPECT_EQ(view.GetConsultation("h-bad").status().code(), Code::kCorruption);
  EXPECT_EQ((*view.GetConsultation("h-1"))->extensions().size(), 1u);
  EXPECT_TRUE((*view.GetConsultation("h-2"))->closed_at().has_value());
  EXPECT_EQ(view.CitationsOf("r-a", 1).size(), 2u);
}

TEST_F(ConsultationsSnapshotTest, RoundTripIsExact) {
  const json snap = view.Snapshot();
  auto [restored, reparsed] = testing::MustRoundTripSnapshot<ConsultationsView>(snap);
  ExpectSameAnswers(view, restored);
  ExpectSameAnswers(view, reparsed);
  EXPECT_EQ(snap.at("consultations").at("h-bad").at("broken").at("code"),
            static_cast<int>(Code::kCorruption));
  EXPECT_TRUE(snap.at("consultations").at("h-1").at("broken").is_null());
  EXPECT_FALSE(snap.contains("responses"));
  // Deterministic: a second view fed the same events writes the same bytes.
  ConsultationsView again;
  for (const auto& e : w.log.events()) again.Apply(e);
  EXPECT_EQ(again.Snapshot().dump(), snap.dump());
}

TEST_F(ConsultationsSnapshotTest, RestoredViewFoldsOnLikeTheOriginal) {
  ConsultationsView restored = MustRestore(json::parse(view.Snapshot().dump()));
  std::shared_ptr<const ConsultationState> held = *restored.GetConsultation("h-1");
  const auto more = More();
  for (const auto& e : more) {
    view.Apply(e);
    restored.Apply(e);
  }
  EXPECT_EQ(held->extensions().size(), 1u);  // copy-on-write holds for restored states
  EXPECT_EQ((*restored.GetConsultation("h-1"))->extensions().size(), 2u);
  EXPECT_EQ(restored.CitationsOf("r-c", 2).size(), 1u);
  EXPECT_EQ(restored.Snapshot().dump(), view.Snapshot().dump());
  ExpectSameAnswers(view, restored);
  ConsultationsView scratch;
  for (const auto& e : w.log.events()) scratch.Apply(e);
  EXPECT_EQ(scratch.Snapshot().dump(), restored.Snapshot().dump());
}

TEST_F(ConsultationsSnapshotTest, EntriesWithoutStateRoundTrip) {
  json snap = view.Snapshot();
  snap["consultations"]["h-null"] = {{"broken", nullptr}, {"state", nullptr}};
  snap["consultations"]["h-nb"] = {{"broken", snapshot::StatusToJson({Code::kCorruption, "x"})},
                                   {"state", nullptr}};
  ConsultationsView restored = MustRestore(snap);
  EXPECT_EQ(restored.Snapshot().dump(), snap.dump());
  EXPECT_EQ(restored.GetConsultation("h-null").status().type(), "consultation-not-found");
  EXPECT_EQ(restored.GetConsultation("h-nb").status().type(), "consultation-not-found");
  EXPECT_EQ(restored.ListConsultations("h-2", 10, "").size(), 0u);
  w.Open([] {
    auto c = OpenCmd();
    c.id = "h-null";
    return c;
  }());
  restored.Apply(w.log.events().back());
  EXPECT_TRUE(restored.GetConsultation("h-null").ok());
}

TEST_F(ConsultationsSnapshotTest, StatesRoundTripOnTheirOwn) {
  for (const char* id : {"h-1", "h-2"}) {
    const ConsultationState c = **view.GetConsultation(id);
    auto back = ConsultationState::FromSnapshot(json::parse(c.Snapshot().dump()));
    ASSERT_TRUE(back.ok()) << back.status().detail();
    ExpectSameConsultation(c, *back);
  }
  EXPECT_TRUE(ConsultationState().Snapshot().at("info").is_null());
  auto empty_c = ConsultationState::FromSnapshot(ConsultationState().Snapshot());
  ASSERT_TRUE(empty_c.ok());
  EXPECT_EQ(empty_c->Snapshot(), ConsultationState().Snapshot());
}

TEST_F(ConsultationsSnapshotTest, MalformedSnapshotsAreCorruption) {
  const json good = view.Snapshot();
  const std::vector<testing::SnapshotDamage> damages = {
      {"/consultations/h-1/state", json::array()},
      {"/consultations/h-1/broken", nullptr},
      {"/consultations/h-1/state/exists", "yes"},
      {"/consultations/h-1/state/exists", 1},
      {"/consultations/h-1/state/info", nullptr},
      {"/consultations/h-1/state/info/opens_at", 5},
      {"/consultations/h-1/state/version", -1},
      {"/consultations/h-1/state/version", 1.5},
      {"/consultations/h-1/state/version", true},
      {"/consultations/h-1/state/closes_at", "2024-01-01T00:00:00Z"},
      {"/consultations/h-1/state/extensions", "x"},
      {"/consultations/h-1/state/extensions/0/actor", nullptr},
      {"/consultations/h-1/state/closed_at", "x"},
      {"/consultations/h-bad/state/info", json::object()},
      {"/consultations/h-bad/broken/code", 99},
      {"/consultations/h-bad/broken/code", -1},
      {"/consultations/h-bad/broken/code", "x"},
      {"/consultations/h-bad/broken/code", 0},
      {"/consultations/h-bad/broken/detail", nullptr},
      {"/citations/0/point", -1},
      {"/citations/0/citations/0/position", nullptr},
      {"/citations/1/point", good.at("citations").at(0).at("point")},
  };
  testing::ExpectDamagedSnapshotsCorrupt<ConsultationsView>(good, "x", damages);
}

TEST_F(ConsultationsSnapshotTest, StateSnapshotsRejectBadShapes) {
  json c = (*view.GetConsultation("h-1"))->Snapshot();
  c["info"] = nullptr;
  c["exists"] = false;
  auto ok_c = ConsultationState::FromSnapshot(c);  // a consistent "does not exist"
  EXPECT_TRUE(ok_c.ok());
  c["exists"] = true;
  EXPECT_EQ(ConsultationState::FromSnapshot(c).status().code(), Code::kCorruption);
  c = (*view.GetConsultation("h-1"))->Snapshot();
  c["exists"] = false;
  EXPECT_EQ(ConsultationState::FromSnapshot(c).status().code(), Code::kCorruption);
}

}  // namespace
}  // namespace hoering::consultations
