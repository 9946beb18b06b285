// Projections on the demo data set, through the `hoering` CLI: a rebuild from
// position 1 is byte-identical to the read views maintained while the demo
// was loaded; a restart resumes from the checkpoint stored at shutdown and
// serves exactly the same read views; --rebuild-projections-style starts
// (no checkpoint) give the same bytes too.
#include <gtest/gtest.h>

#include <sstream>

#include "client/demo/demo.h"
#include "tests/e2e/cli_harness.h"

namespace hoering {
namespace {

using nlohmann::json;
using testing::AddParty;
using testing::Cli;
using testing::CliJson;
using testing::Contains;
using testing::TestServer;

std::string ServedSnapshot(TestServer& server) {
  return server.app().views().SnapshotText();
}

// The consultation report without its "Generated: <now>" line, which names
// the moment of rendering rather than anything the read views hold.
std::string ReportWithoutGeneratedAt(const TestServer& server) {
  std::istringstream in(
      Cli(server, {"consultation", "report", "hoering-2023", "--format", "md"}).out);
  std::string out, line;
  while (std::getline(in, line)) {
    if (line.find("**Generated:**") == std::string::npos) out += line + "\n";
  }
  return out;
}

void LoadDemo(TestServer& server) {
  auto api = server.Client();
  Status s = client::demo::LoadDemo(api, nullptr);
  ASSERT_TRUE(s.ok()) << s.detail();
}

TEST(ProjectionsE2e, RebuildOfTheDemoIsIdenticalAndReportedByTheCli) {
  TestServer server;
  LoadDemo(server);
  const std::uint64_t head = server.store().Head().position;
  const std::string before = ServedSnapshot(server);

  json report = CliJson(server, {"projections", "rebuild"});
  EXPECT_EQ(report["identical"], true);
  EXPECT_EQ(report["events"], head);
  EXPECT_EQ(report["position"], head);
  EXPECT_EQ(report["snapshot_bytes"], before.size());
  EXPECT_EQ(ServedSnapshot(server), before);

  auto text = Cli(server, {"projections", "rebuild"});
  EXPECT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("identical to the incrementally maintained read views"),
            std::string::npos)
      << text.out;

  json status = CliJson(server, {"projections", "status"});
  EXPECT_EQ(status["last_rebuild"]["identical"], true);
  EXPECT_EQ(status["position"], head);
}

TEST(ProjectionsE2e, RestartResumesFromTheCheckpointWithTheSameReadViews) {
  TestServer server;
  LoadDemo(server);
  const std::uint64_t head = server.store().Head().position;
  const std::string before = ServedSnapshot(server);
  const std::string report_before = ReportWithoutGeneratedAt(server);
  ASSERT_GT(report_before.size(), 1000u);

  server.Restart();  // Shutdown() stores a checkpoint at the head
  const json start = CliJson(server, {"projections", "status"})["start"];
  EXPECT_EQ(start["from_checkpoint"], true) << start;
  EXPECT_EQ(start["checkpoint_position"], head);
  EXPECT_EQ(start["replayed"], 0);
  EXPECT_GT(start["restore_seconds"].get<double>(), 0.0) << start;
  EXPECT_EQ(ServedSnapshot(server), before);
  EXPECT_EQ(ReportWithoutGeneratedAt(server), report_before);

  // And the restored set still equals a fold of the whole log.
  EXPECT_EQ(CliJson(server, {"projections", "rebuild"})["identical"], true);
}

TEST(ProjectionsE2e, OnlyAdminsRebuildAndAuditorsMayLook) {
  TestServer server;
  const std::string auditor = server.IssueToken("auditor");
  EXPECT_EQ(Cli(server, {"projections", "rebuild"}, auditor).code, 2);
  EXPECT_EQ(Cli(server, {"projections", "checkpoint"}, auditor).code, 2);
  EXPECT_EQ(Cli(server, {"projections", "status"}, auditor).code, 0);
  EXPECT_EQ(Cli(server, {"projections", "status"}, "").code, 2);
  json cp = CliJson(server, {"projections", "checkpoint"});
  EXPECT_EQ(cp["position"], server.store().Head().position);
  EXPECT_GT(cp["bytes"].get<std::uint64_t>(), 0u);
  EXPECT_EQ(cp["written"], true);
  json again = CliJson(server, {"projections", "checkpoint"});
  EXPECT_EQ(again["written"], false);
  EXPECT_EQ(again["position"], cp["position"]);
}

// Events no read view folds (a response's) need no new snapshot: the
// checkpoint after them is a marker, status says which snapshot it extends,
// and a restart restores that snapshot and folds nothing.
TEST(ProjectionsE2e, ACheckpointAfterOnlyResponsesIsAMarkerThatARestartUses) {
  TestServer server;
  AddParty(server, "aarhus");  // folded by the parties view
  auto snapshot = Cli(server, {"--json", "projections", "checkpoint"});
  ASSERT_EQ(snapshot.code, 0) << snapshot.err;
  const std::uint64_t snapshot_at = server.store().Head().position;
  EXPECT_EQ(snapshot.json()["position"], snapshot_at);
  EXPECT_EQ(snapshot.json()["snapshot"], true);

  for (int i = 0; i < 3; ++i) {  // response streams: no read view folds them
    AppendRequest req{"response-e2e-" + std::to_string(i),
                      ExpectedVersion::NoStream(),
                      {NewEvent{.type = "ResponseNoted", .data = {{"n", i}}}},
                      {},
                      {},
                      {}};
    ASSERT_TRUE(server.store().Append(std::move(req)).ok());
  }
  const std::uint64_t head = server.store().Head().position;
  auto marker = Cli(server, {"projections", "checkpoint"});
  ASSERT_EQ(marker.code, 0) << marker.err;
  EXPECT_TRUE(Contains(marker.out, "checkpoint at position " + std::to_string(head) +
                                       ": a marker; no read view changed"))
      << marker.out;
  auto status = Cli(server, {"--json", "projections", "status"});
  ASSERT_EQ(status.code, 0) << status.err;
  EXPECT_EQ(status.json()["checkpoint_position"], head);
  EXPECT_EQ(status.json()["snapshot_position"], snapshot_at);
  auto text = Cli(server, {"projections", "status"});
  EXPECT_TRUE(Contains(text.out, "last checkpoint at position " + std::to_string(head) +
                                     " (the snapshot at position " + std::to_string(snapshot_at) +
                                     ", unchanged since)"))
      << text.out;

  server.Restart();
  auto restarted = Cli(server, {"--json", "projections", "status"});
  ASSERT_EQ(restarted.code, 0) << restarted.err;
  const auto start = restarted.json()["start"];
  EXPECT_EQ(start["from_checkpoint"], true) << restarted.out;
  EXPECT_EQ(start["snapshot_position"], snapshot_at) << restarted.out;
  EXPECT_EQ(start["checkpoint_position"], head) << restarted.out;
  EXPECT_EQ(start["replayed"], 0) << restarted.out;
  EXPECT_TRUE(Contains(Cli(server, {"projections", "status"}).out,
                       "(snapshot at position " + std::to_string(snapshot_at) + "), replayed 0"));
}

}  // namespace
}  // namespace hoering
