// The read views on a random history of 100,000 events
// (tests/support/random_history.h): maintained incrementally from the commit
// path while the history is written in group-commit batches, then rebuilt
// from position 1 — byte-identical; written to a checkpoint and restored
// (each part through both snapshot sources too) — byte-identical again. And
// the comparison does catch a difference.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <string_view>
#include <thread>
#include <type_traits>

#include "domain/snapshot/snapshot_source.h"
#include "server/app/app.h"
#include "server/app/checkpoint.h"
#include "storage/memory_event_store.h"
#include "storage/system_clock.h"
#include "tests/support/random_history.h"

namespace hoering::app {
namespace {

class ProjectionsRebuildTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(app_.Start().ok()); }

  MemoryEventStore store_;
  http::MetricsRegistry metrics_;
  App app_{store_, metrics_, SystemClockMs,
           AppOptions{.checkpoint_every = 0, .checkpoint_on_shutdown = false}};
};

TEST_F(ProjectionsRebuildTest, RandomHistoryOf100kEventsRebuildsAndRestoresByteIdentical) {
  testdata::HistoryOptions options;
  options.events = 100000;
  options.seed = 20261123;
  auto stats = testdata::AppendRandomHistory(store_, options);
  ASSERT_TRUE(stats.ok()) << stats.status().detail();
  const std::uint64_t head = store_.Head().position;
  ASSERT_GE(head, 100000u);
  ASSERT_EQ(app_.views().position(), head);
  const std::string incremental = app_.views().SnapshotText();
  {
    // The checkpoint's parts, written entry by entry, are the CBOR of the
    // views' JSON documents, byte for byte.
    const auto [views, at] = app_.views().Copy();
    const std::string bytes = EncodeCheckpoint(views, at, Hash{});
    auto header = DecodeCheckpointHeader(bytes);
    ASSERT_TRUE(header.ok()) << header.status().detail();
    const nlohmann::json doc = views.Snapshot();
    std::size_t offset = header->body_offset;
    std::map<std::string, std::string_view> part;
    for (const auto& [name, size] : header->parts) {
      const std::vector<std::uint8_t> expected = nlohmann::json::to_cbor(doc.at(name));
      EXPECT_EQ(bytes.substr(offset, size), std::string(expected.begin(), expected.end())) << name;
      part[name] = std::string_view(bytes).substr(offset, size);
      offset += size;
    }
    EXPECT_EQ(offset, bytes.size());
    // Each part restores through both snapshot sources (its CBOR entry by
    // entry, its JSON document) to the same view, byte for byte.
    views.ForEach([&](const char* name, const auto& view) {
      using View = std::remove_cvref_t<decltype(view)>;
      snapshot::CborSnapshotSource in(part[name]);
      auto from_cbor = snapshot::ReadWhole<View>(in, name);
      ASSERT_TRUE(from_cbor.ok()) << name << ": " << from_cbor.status().detail();
      EXPECT_TRUE(from_cbor->Snapshot().dump() == doc.at(name).dump()) << name;
      auto from_json = View::FromSnapshot(doc.at(name));
      ASSERT_TRUE(from_json.ok()) << name << ": " << from_json.status().detail();
      EXPECT_TRUE(from_json->Snapshot().dump() == doc.at(name).dump()) << name;
    });
  }

  auto rebuild = app_.views().Rebuild();
  ASSERT_TRUE(rebuild.ok()) << rebuild.status().detail();
  EXPECT_TRUE(rebuild->identical) << rebuild->first_difference;
  EXPECT_EQ(rebuild->events, head);
  EXPECT_EQ(rebuild->snapshot_bytes, incremental.size());
  EXPECT_EQ(app_.views().SnapshotText(), incremental);

  auto checkpoint = app_.views().WriteCheckpoint();
  ASSERT_TRUE(checkpoint.ok()) << checkpoint.status().detail();
  EXPECT_EQ(checkpoint->position, head);
  ReadViews restarted(store_);
  auto start = restarted.Start(true);
  ASSERT_TRUE(start.ok());
  EXPECT_TRUE(start->from_checkpoint) << start->checkpoint_problem;
  EXPECT_EQ(start->replayed, 0u);
  EXPECT_EQ(restarted.SnapshotText(), incremental);
}

TEST_F(ProjectionsRebuildTest, ADifferenceIsReportedAndTheRebuiltSetServed) {
  testdata::HistoryOptions options;
  options.events = 2000;
  auto stats = testdata::AppendRandomHistory(store_, options);
  ASSERT_TRUE(stats.ok()) << stats.status().detail();
  // An event the log does not hold reaches the served read views (as a bug
  // in the commit path would): the rebuild must notice.
  RecordedEvent stray;
  stray.position = store_.Head().position + 1;
  stray.stream = "party-stray";
  stray.stream_version = 1;
  stray.type = "PartyRegistered";
  stray.data = R"({"id":"stray","kind":"municipality","name":"Stray"})";
  app_.views().Apply({stray});
  ASSERT_TRUE(app_.views().Read([](const Views& v) { return v.parties.Find("stray") != nullptr; }));

  auto rebuild = app_.views().Rebuild();
  ASSERT_TRUE(rebuild.ok());
  EXPECT_FALSE(rebuild->identical);
  EXPECT_EQ(rebuild->first_difference, "parties");
  EXPECT_FALSE(
      app_.views().Read([](const Views& v) { return v.parties.Find("stray") != nullptr; }));
  EXPECT_EQ(app_.views().last_rebuild()->identical, false);
}

TEST_F(ProjectionsRebuildTest, AResponseIndexDifferenceIsReportedToo) {
  testdata::HistoryOptions options;
  options.events = 2000;
  ASSERT_TRUE(testdata::AppendRandomHistory(store_, options).ok());
  RecordedEvent stray;
  stray.position = store_.Head().position + 1;
  stray.stream = "response-r-stray";
  stray.stream_version = 1;
  stray.type = "ResponseSubmitted";
  stray.data = R"({"consultation":"h-stray","late":false})";
  app_.views().Apply({stray});
  ASSERT_EQ(*app_.views().responses()->ResponsesOf("h-stray", "", 10),
            std::vector<std::string>{"r-stray"});

  auto rebuild = app_.views().Rebuild();
  ASSERT_TRUE(rebuild.ok());
  EXPECT_FALSE(rebuild->identical);
  EXPECT_EQ(rebuild->first_difference, "responses/c/h-stray/0000000000000000");
  EXPECT_TRUE(app_.views().responses()->ResponsesOf("h-stray", "", 10)->empty());
}

TEST_F(ProjectionsRebuildTest, OneRebuildAtATime) {
  testdata::HistoryOptions options;
  options.events = 20000;
  ASSERT_TRUE(testdata::AppendRandomHistory(store_, options).ok());
  std::atomic<int> conflicts{0}, done{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      auto r = app_.views().Rebuild();
      if (r.ok()) {
        EXPECT_TRUE(r->identical);
        ++done;
      } else {
        EXPECT_EQ(r.status().type(), "rebuild-running");
        ++conflicts;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_GE(done.load(), 1);
  EXPECT_EQ(done.load() + conflicts.load(), 4);
}

}  // namespace
}  // namespace hoering::app
