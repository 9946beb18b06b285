// Read-model checkpoints (server/app/checkpoint.h, ReadViews::Start and
// WriteCheckpoint): a usable checkpoint is resumed from, and everything else
// (damaged bytes, an old format, a log it does not belong to) is refused
// with the reason and the views are folded from position 1 instead. Either
// way the views equal a fold of the whole log.
#include "server/app/checkpoint.h"

#include <gtest/gtest.h>

#include "domain/parties/party.h"
#include "domain/sha256.h"
#include "server/app/read_views.h"
#include "storage/memory_event_store.h"

namespace hoering::app {
namespace {

void Register(EventStore& store, int from, int to) {
  for (int i = from; i < to; ++i) {
    const std::string id = "party-" + std::to_string(i);
    auto e = parties::DecideRegister(id, "Party " + std::to_string(i), "municipality");
    ASSERT_TRUE(e.ok()) << e.status().detail();
    AppendRequest req{parties::StreamFor(id), ExpectedVersion::NoStream(), {*e}, {}, {}, {}};
    ASSERT_TRUE(store.Append(std::move(req)).ok());
  }
}

// Events of response streams that no in-memory view folds (and the
// response index ignores: not a type it counts).
void AppendResponseNotes(EventStore& store, int count) {
  for (int i = 0; i < count; ++i) {
    NewEvent e{.type = "ResponseNoted", .data = {{"n", i}}};
    AppendRequest req{"response-note-" + std::to_string(store.Head().position),
                      ExpectedVersion::NoStream(),
                      {e},
                      {},
                      {},
                      {}};
    ASSERT_TRUE(store.Append(std::move(req)).ok());
  }
}

std::string FoldedFromScratch(EventStore& store) {
  ReadViews fresh(store);
  EXPECT_TRUE(fresh.CatchUp().ok());
  return fresh.SnapshotText();
}

class CheckpointTest : public ::testing::Test {
 protected:
  void SetUp() override { Register(store_, 0, 20); }

  // Writes a checkpoint at the current head and returns its bytes.
  std::string Checkpoint() {
    ReadViews views(store_);
    EXPECT_TRUE(views.Start(true).ok());
    auto c = views.WriteCheckpoint();
    EXPECT_TRUE(c.ok());
    EXPECT_EQ(c->position, store_.Head().position);
    auto bytes = store_.GetProjection(kCheckpointKey);
    EXPECT_TRUE(bytes.ok() && bytes->has_value());
    return bytes.ok() && bytes->has_value() ? **bytes : "";
  }

  ProjectionStart StartAgain(std::string* snapshot = nullptr) {
    ReadViews views(store_);
    auto s = views.Start(true);
    EXPECT_TRUE(s.ok());
    if (snapshot) *snapshot = views.SnapshotText();
    EXPECT_EQ(views.position(), store_.Head().position);
    return s.ok() ? *s : ProjectionStart{};
  }

  MemoryEventStore store_;
};

TEST_F(CheckpointTest, ResumesFromTheCheckpointAndFoldsOnlyWhatCameAfter) {
  Checkpoint();
  const auto at = store_.Head().position;
  Register(store_, 20, 27);
  std::string snapshot;
  auto s = StartAgain(&snapshot);
  EXPECT_TRUE(s.from_checkpoint);
  EXPECT_EQ(s.checkpoint_position, at);
  EXPECT_EQ(s.replayed, 7u);
  EXPECT_TRUE(s.checkpoint_problem.empty());
  EXPECT_GT(s.restore_seconds, 0.0);  // part of the start, never more than all of it
  EXPECT_LE(s.restore_seconds, s.seconds);
  EXPECT_EQ(snapshot, FoldedFromScratch(store_));
}

TEST_F(CheckpointTest, WithoutCheckpointTheWholeLogIsFolded) {
  std::string snapshot;
  auto s = StartAgain(&snapshot);
  EXPECT_FALSE(s.from_checkpoint);
  EXPECT_EQ(s.replayed, store_.Head().position);
  EXPECT_TRUE(s.checkpoint_problem.empty());
}

TEST_F(CheckpointTest, StartWithoutCheckpointIgnoresAStoredOne) {
  Checkpoint();
  ReadViews views(store_);
  auto s = views.Start(false);
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->from_checkpoint);
  EXPECT_EQ(s->replayed, store_.Head().position);
}

TEST_F(CheckpointTest, ADamagedBodyIsRefused) {
  std::string bytes = Checkpoint();
  bytes.back() ^= 0x01;
  ASSERT_TRUE(store_.PutProjection(kCheckpointKey, bytes).ok());
  std::string snapshot;
  auto s = StartAgain(&snapshot);
  EXPECT_FALSE(s.from_checkpoint);
  EXPECT_NE(s.checkpoint_problem.find("damaged"), std::string::npos) << s.checkpoint_problem;
  EXPECT_EQ(snapshot, FoldedFromScratch(store_));
}

TEST_F(CheckpointTest, AMalformedPartIsRefusedEvenWhenTheBodyMatchesItsHash) {
  // Each part is read entry by entry (domain/snapshot/snapshot_source.h); a
  // byte after the last part's value is damage, with the header made to fit.
  const std::string bytes = Checkpoint();
  const auto nl = bytes.find('\n');
  nlohmann::json header = nlohmann::json::parse(bytes.substr(0, nl));
  const std::string body = bytes.substr(nl + 1) + '\0';
  nlohmann::json& last = header.at("parts").back();
  last["bytes"] = last.at("bytes").get<std::uint64_t>() + 1;
  header["body_sha256"] = ToHex(Sha256(body));
  ASSERT_TRUE(store_.PutProjection(kCheckpointKey, header.dump() + "\n" + body).ok());
  std::string snapshot;
  auto s = StartAgain(&snapshot);
  EXPECT_FALSE(s.from_checkpoint);
  EXPECT_NE(s.checkpoint_problem.find("damaged: part '" + last.at("view").get<std::string>()),
            std::string::npos)
      << s.checkpoint_problem;
  EXPECT_EQ(snapshot, FoldedFromScratch(store_));
}

TEST_F(CheckpointTest, GarbageIsRefused) {
  for (const std::string garbage : {"", "not a checkpoint", "{}\n", "{\"format\":1}\nxx"}) {
    ASSERT_TRUE(store_.PutProjection(kCheckpointKey, garbage).ok());
    auto s = StartAgain();
    EXPECT_FALSE(s.from_checkpoint) << garbage;
    EXPECT_NE(s.checkpoint_problem.find("damaged"), std::string::npos) << s.checkpoint_problem;
  }
}

TEST_F(CheckpointTest, AnOlderFormatIsStale) {
  std::string bytes = Checkpoint();
  const std::string current = "\"format\":" + std::to_string(projections::kSnapshotFormat);
  const auto at = bytes.find(current);
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at, current.size(), "\"format\":0");
  ASSERT_TRUE(store_.PutProjection(kCheckpointKey, bytes).ok());
  auto s = StartAgain();
  EXPECT_FALSE(s.from_checkpoint);
  EXPECT_NE(s.checkpoint_problem.find("format 0"), std::string::npos) << s.checkpoint_problem;
}

TEST_F(CheckpointTest, ACheckpointOfAnotherLogIsStale) {
  const std::string bytes = Checkpoint();
  MemoryEventStore other;
  Register(other, 100, 120);  // same positions, other events
  ASSERT_TRUE(other.PutProjection(kCheckpointKey, bytes).ok());
  ReadViews views(other);
  auto s = views.Start(true);
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->from_checkpoint);
  EXPECT_NE(s->checkpoint_problem.find("another hash"), std::string::npos) << s->checkpoint_problem;
  EXPECT_EQ(views.SnapshotText(), FoldedFromScratch(other));

  MemoryEventStore shorter;
  Register(shorter, 0, 5);
  ASSERT_TRUE(shorter.PutProjection(kCheckpointKey, bytes).ok());
  ReadViews short_models(shorter);
  auto t = short_models.Start(true);
  ASSERT_TRUE(t.ok());
  EXPECT_FALSE(t->from_checkpoint);
  EXPECT_NE(t->checkpoint_problem.find("no event at position"), std::string::npos)
      << t->checkpoint_problem;
}

TEST_F(CheckpointTest, NothingNewMeansNoNewCheckpoint) {
  ReadViews views(store_);
  ASSERT_TRUE(views.Start(true).ok());
  auto first = views.WriteCheckpoint();
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(store_.PutProjection(kCheckpointKey, "sentinel").ok());
  auto second = views.WriteCheckpoint();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->position, first->position);
  EXPECT_EQ(**store_.GetProjection(kCheckpointKey), "sentinel");  // not rewritten
}

TEST_F(CheckpointTest, AfterOnlyEventsNoViewFoldsOnlyTheMarkerIsWritten) {
  const std::string snapshot = Checkpoint();
  const auto snapshot_at = store_.Head().position;
  AppendResponseNotes(store_, 5);
  {
    ReadViews views(store_);
    ASSERT_TRUE(views.Start(true).ok());
    EXPECT_TRUE(views.views_match_snapshot());
    auto c = views.WriteCheckpoint();
    ASSERT_TRUE(c.ok()) << c.status().detail();
    EXPECT_TRUE(c->written);
    EXPECT_FALSE(c->snapshot);
    EXPECT_EQ(c->position, store_.Head().position);
    EXPECT_EQ(views.checkpoint_position(), store_.Head().position);
    EXPECT_EQ(views.snapshot_position(), snapshot_at);
  }
  EXPECT_EQ(**store_.GetProjection(kCheckpointKey), snapshot);  // not rewritten
  std::string restored;
  auto s = StartAgain(&restored);
  EXPECT_TRUE(s.from_checkpoint);
  EXPECT_EQ(s.snapshot_position, snapshot_at);
  EXPECT_EQ(s.checkpoint_position, store_.Head().position);
  EXPECT_EQ(s.replayed, 0u);
  EXPECT_EQ(restored, FoldedFromScratch(store_));
}

TEST_F(CheckpointTest, AnEventAViewFoldsMeansANewSnapshot) {
  Checkpoint();
  AppendResponseNotes(store_, 3);
  Register(store_, 20, 21);
  AppendResponseNotes(store_, 3);
  ReadViews views(store_);
  ASSERT_TRUE(views.Start(true).ok());
  EXPECT_FALSE(views.views_match_snapshot());
  auto c = views.WriteCheckpoint();
  ASSERT_TRUE(c.ok()) << c.status().detail();
  EXPECT_TRUE(c->snapshot);
  EXPECT_EQ(views.snapshot_position(), store_.Head().position);
  EXPECT_TRUE(views.views_match_snapshot());
}

TEST_F(CheckpointTest, AMarkerOfAnEarlierSnapshotIsIgnored) {
  Checkpoint();
  AppendResponseNotes(store_, 2);
  {
    ReadViews views(store_);
    ASSERT_TRUE(views.Start(true).ok());
    ASSERT_FALSE(views.WriteCheckpoint()->snapshot);  // a marker for the first snapshot
  }
  Register(store_, 20, 22);
  Checkpoint();  // a new snapshot; the old marker stays stored
  const auto snapshot_at = store_.Head().position;
  AppendResponseNotes(store_, 4);
  std::string restored;
  auto s = StartAgain(&restored);
  EXPECT_TRUE(s.from_checkpoint);
  EXPECT_EQ(s.checkpoint_position, snapshot_at);
  EXPECT_EQ(s.replayed, 4u);
  EXPECT_EQ(restored, FoldedFromScratch(store_));
}

TEST_F(CheckpointTest, ADamagedOrForeignMarkerIsIgnoredAndTheLogFoldedFromTheSnapshot) {
  const std::string snapshot = Checkpoint();
  const auto snapshot_at = store_.Head().position;
  auto header = DecodeCheckpointHeader(snapshot);
  ASSERT_TRUE(header.ok());
  AppendResponseNotes(store_, 3);
  const Hash other_hash = store_.ReadAll(1, 1)->front().hash;
  for (const std::string& marker :
       {std::string("{not json"), std::string(R"({"through": 3})"),
        EncodeCheckpointThrough(*header, snapshot_at + 3, other_hash),
        EncodeCheckpointThrough(*header, snapshot_at + 99, other_hash)}) {
    ASSERT_TRUE(store_.PutProjection(kCheckpointThroughKey, marker).ok());
    std::string restored;
    auto s = StartAgain(&restored);
    EXPECT_TRUE(s.from_checkpoint) << marker;
    EXPECT_EQ(s.checkpoint_position, snapshot_at) << marker;
    EXPECT_EQ(s.replayed, 3u) << marker;
    EXPECT_EQ(restored, FoldedFromScratch(store_)) << marker;
  }
}

}  // namespace
}  // namespace hoering::app
