// Snapshots of ConsultationState, ResponseState and ConsultationsView: the
// round trip is exact, the restored view answers as the original, keeps
// folding like it, and a malformed snapshot is kCorruption (never a throw).
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

constexpr TimeMs kDuring = kOpensAt + kDay;
const std::string kSha = ToHex(Sha256("hello"));

void ExpectSameStatus(const Status& a, const Status& b, const std::string& what) {
  EXPECT_EQ(a.code(), b.code()) << what;
  EXPECT_EQ(a.detail(), b.detail()) << what;
  EXPECT_EQ(a.type(), b.type()) << what;
}

void ExpectSameRecorded(const Recorded& a, const Recorded& b) {
  EXPECT_EQ(a.position, b.position);
  EXPECT_EQ(a.hash, b.hash);
  EXPECT_EQ(a.recorded_at, b.recorded_at);
  EXPECT_EQ(a.actor, b.actor);
}

void ExpectSameDisposition(const DispositionInfo& a, const DispositionInfo& b) {
  EXPECT_EQ(a.outcome, b.outcome);
  EXPECT_EQ(a.rationale, b.rationale);
  EXPECT_EQ(a.changes, b.changes);
  ExpectSameRecorded(a.recorded, b.recorded);
}

// Field by field, so that a field lost by both Snapshot() and FromSnapshot() shows.
void ExpectSameResponse(const ResponseState& a, const ResponseState& b) {
  SCOPED_TRACE("response " + a.id());
  EXPECT_EQ(a.id(), b.id());
  EXPECT_EQ(a.consultation(), b.consultation());
  EXPECT_EQ(a.agreement(), b.agreement());
  ASSERT_EQ(a.revisions().size(), b.revisions().size());
  for (std::size_t i = 0; i < a.revisions().size(); ++i) {
    EXPECT_EQ(a.revisions()[i].revision, b.revisions()[i].revision);
    EXPECT_EQ(a.revisions()[i].content, b.revisions()[i].content);
    EXPECT_EQ(a.revisions()[i].submitted_at, b.revisions()[i].submitted_at);
    ExpectSameRecorded(a.revisions()[i].recorded, b.revisions()[i].recorded);
  }
  EXPECT_EQ(a.late(), b.late());
  EXPECT_EQ(a.late_reason(), b.late_reason());
  EXPECT_EQ(a.received_at(), b.received_at());
  ASSERT_EQ(a.withdrawn(), b.withdrawn());
  if (a.withdrawn()) {
    EXPECT_EQ(a.withdrawal()->reason, b.withdrawal()->reason);
    EXPECT_EQ(a.withdrawal()->withdrawn_at, b.withdrawal()->withdrawn_at);
    ExpectSameRecorded(a.withdrawal()->recorded, b.withdrawal()->recorded);
  }
  ASSERT_EQ(a.dispositions().size(), b.dispositions().size());
  for (const auto& [point, history] : a.dispositions()) {
    ASSERT_EQ(b.dispositions().count(point), 1u) << point;
    const auto& other = b.dispositions().at(point);
    ASSERT_EQ(history.size(), other.size());
    for (std::size_t i = 0; i < history.size(); ++i) ExpectSameDisposition(history[i], other[i]);
  }
  EXPECT_EQ(a.version(), b.version());
  EXPECT_EQ(a.first_position(), b.first_position());
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

std::vector<std::string> Ids(const std::vector<std::shared_ptr<const ResponseState>>& rs) {
  std::vector<std::string> out;
  for (const auto& r : rs) out.push_back(r->id());
  return out;
}

const char* kResponses[] = {"r-a", "r-b", "r-w", "r-p", "r-late", "r-bad", "r-orphan", "r-z"};
const char* kConsultations[] = {"h-1", "h-2", "h-bad", "h-z", ""};

// Every query of the view, for every id the log knows and some it does not.
void ExpectSameAnswers(const ConsultationsView& a, const ConsultationsView& b) {
  for (const char* id : kConsultations) {
    auto x = a.GetConsultation(id), y = b.GetConsultation(id);
    ExpectSameStatus(x.ok() ? Status::Ok() : x.status(), y.ok() ? Status::Ok() : y.status(), id);
    if (x.ok() && y.ok()) ExpectSameConsultation(**x, **y);
    EXPECT_EQ(Ids(a.ResponsesOf(id)), Ids(b.ResponsesOf(id))) << id;
  }
  for (const auto& [after, agreement] : std::vector<std::pair<std::string, std::string>>{
           {"", ""}, {"", "sa-2024"}, {"h-1", ""}, {"h-0", "sa-2020"}}) {
    auto x = a.ListConsultations(after, 10, agreement),
         y = b.ListConsultations(after, 10, agreement);
    ASSERT_EQ(x.size(), y.size()) << after << " " << agreement;
    for (std::size_t i = 0; i < x.size(); ++i) ExpectSameConsultation(*x[i], *y[i]);
  }
  for (const char* id : kResponses) {
    auto x = a.GetResponse(id), y = b.GetResponse(id);
    ExpectSameStatus(x.ok() ? Status::Ok() : x.status(), y.ok() ? Status::Ok() : y.status(), id);
    if (x.ok() && y.ok()) ExpectSameResponse(**x, **y);
    for (const char* agreement : {"sa-2024", "sa-2020"}) {
      for (const char* point : {"0", "1", "2", "3", "x"}) {
        ExpectSameStatus(a.CheckCite(agreement, {id, point}), b.CheckCite(agreement, {id, point}),
                         std::string(id) + " " + agreement + " " + point);
      }
    }
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
  for (const std::string& sha : {kSha, std::string(64, 'c'), std::string(64, 'd')}) {
    const AttachmentInfo *x = a.FindAttachment(sha), *y = b.FindAttachment(sha);
    ASSERT_EQ(x == nullptr, y == nullptr) << sha;
    if (!x) continue;
    EXPECT_EQ(x->media_type, y->media_type);
    EXPECT_EQ(x->size, y->size);
    EXPECT_EQ(x->position, y->position);
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
    ConsultationOpened other{"h-2",           "sa-2020", {1, "v1", std::string(64, '0')},
                             "Gammel høring", kOpensAt,  kClosesAt,
                             {"aarhus"},      "UTC"};
    w.log.Append(ConsultationStream("h-2"), ToEvent(other), kT0);
    w.log.Append("party-aarhus", {"PartyRegistered", 1, {{"id", "aarhus"}}, {}}, kT0);
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
    const_cast<RecordedEvent&>(w.log.events().back()).data = data;  // the Log is ours
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
  auto b = view.GetResponse("r-b");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ((*b)->revisions().size(), 2u);
  EXPECT_EQ((*b)->revisions()[0].content.attachments.size(), 1u);
  EXPECT_TRUE((*view.GetResponse("r-w"))->withdrawn());
  EXPECT_TRUE((*view.GetResponse("r-late"))->late());
  EXPECT_EQ((*view.GetResponse("r-p"))->received_at(), kDuring + 6);
  EXPECT_EQ((*view.GetResponse("r-a"))->dispositions().at(1).size(), 2u);
  EXPECT_EQ(view.GetResponse("r-bad").status().code(), Code::kCorruption);
  EXPECT_EQ(view.GetResponse("r-orphan").status().code(), Code::kNotFound);
  EXPECT_EQ(view.GetConsultation("h-bad").status().code(), Code::kCorruption);
  EXPECT_EQ((*view.GetConsultation("h-1"))->extensions().size(), 1u);
  EXPECT_TRUE((*view.GetConsultation("h-2"))->closed_at().has_value());
  EXPECT_EQ(view.CitationsOf("r-a", 1).size(), 2u);
  EXPECT_NE(view.FindAttachment(kSha), nullptr);
  EXPECT_TRUE(view.CheckCite("sa-2024", {"r-bad", "1"}).ok());  // reads the state it had
}

TEST_F(ConsultationsSnapshotTest, RoundTripIsExact) {
  const json snap = view.Snapshot();
  ConsultationsView restored = MustRestore(snap);
  EXPECT_EQ(restored.Snapshot().dump(), snap.dump());
  // Through text, where integers come back unsigned.
  ConsultationsView reparsed = MustRestore(json::parse(snap.dump()));
  EXPECT_EQ(reparsed.Snapshot().dump(), snap.dump());
  ExpectSameAnswers(view, restored);
  ExpectSameAnswers(view, reparsed);
  EXPECT_EQ(snap.at("responses").at("r-bad").at("broken").at("code"),
            static_cast<int>(Code::kCorruption));
  EXPECT_TRUE(snap.at("responses").at("r-a").at("broken").is_null());
  // Deterministic: a second view fed the same events writes the same bytes.
  ConsultationsView again;
  for (const auto& e : w.log.events()) again.Apply(e);
  EXPECT_EQ(again.Snapshot().dump(), snap.dump());
}

TEST_F(ConsultationsSnapshotTest, RestoredViewFoldsOnLikeTheOriginal) {
  ConsultationsView restored = MustRestore(json::parse(view.Snapshot().dump()));
  std::shared_ptr<const ResponseState> held = *restored.GetResponse("r-a");
  const auto more = More();
  for (const auto& e : more) {
    view.Apply(e);
    restored.Apply(e);
  }
  EXPECT_EQ(held->revisions().size(), 1u);  // copy-on-write holds for restored states
  EXPECT_EQ((*restored.GetResponse("r-a"))->revisions().size(), 2u);
  EXPECT_EQ(restored.GetResponse("r-b").status().code(), Code::kCorruption);
  EXPECT_EQ(Ids(restored.ResponsesOf("h-1")), (std::vector<std::string>{"r-a", "r-p", "r-c"}));
  EXPECT_EQ(restored.Snapshot().dump(), view.Snapshot().dump());
  ExpectSameAnswers(view, restored);
  ConsultationsView scratch;
  for (const auto& e : w.log.events()) scratch.Apply(e);
  EXPECT_EQ(scratch.Snapshot().dump(), restored.Snapshot().dump());
}

TEST_F(ConsultationsSnapshotTest, EntriesWithoutStateRoundTrip) {
  json snap = view.Snapshot();
  snap["consultations"]["h-null"] = {{"broken", nullptr}, {"state", nullptr}};
  snap["responses"]["r-null"] = {{"broken", nullptr}, {"state", nullptr}};
  snap["consultations"]["h-nb"] = {{"broken", snapshot::StatusToJson({Code::kCorruption, "x"})},
                                   {"state", nullptr}};
  ConsultationsView restored = MustRestore(snap);
  EXPECT_EQ(restored.Snapshot().dump(), snap.dump());
  EXPECT_EQ(restored.GetConsultation("h-null").status().type(), "consultation-not-found");
  EXPECT_EQ(restored.GetConsultation("h-nb").status().type(), "consultation-not-found");
  EXPECT_EQ(restored.GetResponse("r-null").status().type(), "response-not-found");
  EXPECT_EQ(restored.CheckCite("sa-2024", {"r-null", "1"}).type(), "invalid-citation");
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
  for (const char* id : {"r-a", "r-b", "r-w", "r-p", "r-late"}) {
    const ResponseState r = **view.GetResponse(id);
    auto back = ResponseState::FromSnapshot(json::parse(r.Snapshot().dump()));
    ASSERT_TRUE(back.ok()) << back.status().detail();
    ExpectSameResponse(r, *back);
    EXPECT_EQ(back->Snapshot().dump(), r.Snapshot().dump());
  }
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
  auto empty_r = ResponseState::FromSnapshot(ResponseState().Snapshot());
  ASSERT_TRUE(empty_r.ok());
  EXPECT_EQ(empty_r->Snapshot(), ResponseState().Snapshot());
}

void ExpectCorrupt(const json& j, const std::string& what) {
  testing::ExpectCorruptSnapshot<ConsultationsView>(j, what);
}

TEST_F(ConsultationsSnapshotTest, MalformedSnapshotsAreCorruption) {
  const json good = view.Snapshot();
  ASSERT_TRUE(ConsultationsView::FromSnapshot(good).ok());
  for (const json& top : {json(nullptr), json::array(), json("x"), json(1), json::object()}) {
    ExpectCorrupt(top, top.dump());
  }
  for (const auto& item : good.items()) {
    const std::string key = item.key();
    json j = good;
    j.erase(key);
    ExpectCorrupt(j, "without " + key);
    j[key] = "x";
    ExpectCorrupt(j, key + " a string");
  }
  // JSON pointer -> replacement value (null: remove the key).
  const std::vector<std::pair<std::string, json>> cases = {
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
      {"/responses/r-a/state/revisions/0/content/party", nullptr},
      {"/responses/r-a/state/revisions/0/content/publication", "loud"},
      {"/responses/r-a/state/revisions/0/content", "x"},
      {"/responses/r-a/state/revisions/0/revision", 4294967296},
      {"/responses/r-a/state/revisions/0/recorded/hash", 1},
      {"/responses/r-a/state/dispositions/0/history/0/outcome", "maybe"},
      {"/responses/r-a/state/dispositions/0/point", "1"},
      {"/responses/r-a/state/dispositions/1/point", 1},
      {"/responses/r-a/state/dispositions/0/history", json::object()},
      {"/responses/r-a/state/late", nullptr},
      {"/responses/r-a/state/late_reason", 3},
      {"/responses/r-w/state/withdrawal/withdrawn_at", nullptr},
      {"/responses/r-w/state/withdrawal", "x"},
      {"/responses/r-p/state/received_at", "x"},
      {"/responses/r-a/state/first_position", -5},
      {"/by_consultation/h-1", "r-a"},
      {"/by_consultation/h-1/0", 7},
      {"/by_consultation/h-2/0", "r-a"},
      {"/by_consultation/h-9", json::array({"r-zz"})},
      {"/attachments/" + kSha + "/size", "5"},
      {"/attachments/" + kSha + "/media_type", nullptr},
      {"/citations/0/point", -1},
      {"/citations/0/citations/0/position", nullptr},
      {"/citations/1/point", good.at("citations").at(0).at("point")},
  };
  for (const auto& [pointer, value] : cases) {
    json j = good;
    const json::json_pointer p(pointer);
    ASSERT_TRUE(j.contains(p.parent_pointer())) << pointer;
    if (value.is_null() && j.contains(p)) {
      j.at(p.parent_pointer()).erase(p.back());
    } else {
      j[p] = value;
    }
    ExpectCorrupt(j, pointer + " = " + value.dump());
  }
  // Entries pointing at nulls in the middle of a good snapshot.
  json j = good;
  j["responses"]["r-a"]["state"] = nullptr;  // listed in by_consultation
  ExpectCorrupt(j, "a listed response without state");
}

TEST_F(ConsultationsSnapshotTest, StateSnapshotsRejectBadShapes) {
  json r = (*view.GetResponse("r-a"))->Snapshot();
  r["revisions"][0]["content"]["points"] = "x";
  auto bad_r = ResponseState::FromSnapshot(r);
  ASSERT_FALSE(bad_r.ok());
  EXPECT_EQ(bad_r.status().code(), Code::kCorruption);
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

namespace hoering::consultations {
namespace {

// Folding response streams in shards and merging gives the same view as one
// fold in log order (the basis of server/app/sharded_fold.h).
TEST_F(ConsultationsSnapshotTest, ShardedFoldMergesToTheSameView) {
  auto more = More();
  for (const auto& e : more) view.Apply(e);
  for (std::size_t shards : {2u, 3u, 5u}) {
    ConsultationsView main;
    std::vector<ConsultationsView> parts(shards);
    std::size_t sharded = 0;
    for (const auto& e : w.log.events()) {
      auto shard = ConsultationsView::ResponseShard(e, shards);
      if (shard && *shard > 0) {
        parts[*shard].Apply(e);
        ++sharded;
      } else {
        main.Apply(e);
      }
    }
    EXPECT_GT(sharded, 0u) << shards;
    for (auto& part : parts) main.MergeResponsesFrom(std::move(part));
    EXPECT_EQ(main.Snapshot().dump(), view.Snapshot().dump()) << shards << " shards";
  }
  for (std::size_t shards : {2u, 3u}) {
    ConsultationsView copy = view;
    std::vector<ConsultationsView> taken;
    for (std::size_t shard = 1; shard < shards; ++shard) {
      taken.push_back(copy.TakeResponseShard(shard, shards));
    }
    EXPECT_NE(copy.Snapshot(), view.Snapshot()) << "nothing was taken out";
    for (auto& part : taken) copy.MergeResponsesFrom(std::move(part));
    EXPECT_EQ(copy.Snapshot().dump(), view.Snapshot().dump()) << shards << " shards taken apart";
  }
  RecordedEvent other;
  other.stream = "consultation-h-1";
  EXPECT_FALSE(ConsultationsView::ResponseShard(other, 2).has_value());
  other.stream = "response-r-a";
  EXPECT_FALSE(ConsultationsView::ResponseShard(other, 0).has_value());
}

}  // namespace
}  // namespace hoering::consultations
