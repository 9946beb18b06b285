// `hoering events ...`, in-process, against a real server: the log as a
// table and as --json across pages, and `events tail` following writes made
// after it started.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "tests/e2e/cli_harness.h"

namespace hoering::testing {
namespace {

TEST(CliE2e, EventsListAsATableAndAsJson) {
  TestServer server;
  AddParty(server, "horsens");
  AddParty(server, "vejle");
  const std::uint64_t head = server.store().Head().position;
  const std::string auditor = server.IssueToken("auditor");

  CliRun table = Cli(server, {"events", "list"}, auditor);
  ASSERT_EQ(table.code, kExitOk) << table.err;
  auto lines = Lines(table.out);
  ASSERT_EQ(lines.size(), 2u + head + 1) << table.out;  // + the auditor's token
  EXPECT_EQ(Cells(lines[0]), (std::vector<std::string>{"POS", "STREAM", "VER", "TYPE", "RECORDED",
                                                       "ACTOR", "HASH"}));
  for (std::size_t i = 2; i < lines.size(); ++i) {
    auto cells = Cells(lines[i]);
    ASSERT_EQ(cells.size(), 7u) << lines[i];
    EXPECT_EQ(cells[0], std::to_string(i - 1));
    EXPECT_EQ(cells[6].size(), 12u);
  }
  auto horsens = Cells(lines[2 + head - 2]);
  EXPECT_EQ(horsens[1], "party-horsens");
  EXPECT_EQ(horsens[2], "1");
  EXPECT_EQ(horsens[3], "PartyRegistered");
  EXPECT_EQ(horsens[5], "admin");
  EXPECT_EQ(Cells(lines.back())[3], "TokenIssued");
  EXPECT_FALSE(Contains(table.out, "(more:")) << table.out;

  // A short page says where the next one starts.
  CliRun page = Cli(server, {"events", "list", "--from", "2", "--limit", "2"}, auditor);
  ASSERT_EQ(page.code, kExitOk) << page.err;
  lines = Lines(page.out);
  ASSERT_EQ(lines.size(), 5u) << page.out;
  EXPECT_EQ(Cells(lines[2])[0], "2");
  EXPECT_EQ(Cells(lines[3])[0], "3");
  EXPECT_EQ(lines[4], "(more: --from 4)");

  json body = CliJson(server, {"events", "list", "--from", "2", "--limit", "2"});
  ASSERT_EQ(body["items"].size(), 2u) << body;
  EXPECT_EQ(body["items"][0]["position"], 2);
  EXPECT_EQ(body["next"], 4);
  const json& e = body["items"][0];
  for (const char* key : {"stream", "stream_version", "type", "recorded_at", "actor", "data",
                          "data_canonical", "prev_hash", "hash"}) {
    EXPECT_TRUE(e.contains(key)) << key;
  }
  CliRun end = Cli(server, {"--json", "events", "list", "--from", std::to_string(head + 1)});
  ASSERT_EQ(end.code, kExitOk) << end.err;
  EXPECT_EQ(end.json()["items"].size(), 1u);
  EXPECT_TRUE(end.json()["next"].is_null());

  // Stakeholders and the secretariat may not read the raw log.
  CliRun sec = Cli(server, {"events", "list"}, server.IssueToken("secretariat"));
  EXPECT_EQ(sec.code, kExitRejected);
  EXPECT_TRUE(Contains(sec.err, "(HTTP 403)")) << sec.err;
  EXPECT_EQ(Cli(server, {"events", "list"}, "").code, kExitRejected);
  EXPECT_EQ(Cli(server, {"events", "list", "--limit", "0"}).code, kExitUsage);
  EXPECT_EQ(Cli(server, {"events", "list", "--from", "0"}).code, kExitUsage);
}

TEST(CliE2e, EventsTailPrintsHistoryThenAWriteMadeAfterItStarted) {
  TestServer server;
  AddParty(server, "ikast");
  AddParty(server, "brande");
  const std::uint64_t head = server.store().Head().position;

  SyncBuffer out_buf, err_buf;
  std::ostream out(&out_buf), err(&err_buf);
  const std::vector<std::string> args = {
      "--url",  server.url(), "--token", kAdminToken,
      "events", "tail",       "--count", std::to_string(head + 1)};
  std::packaged_task<int()> task([&] { return client::RunCli(args, out, err); });
  auto done = task.get_future();
  std::thread tail(std::move(task));

  // The whole history arrives first (no --from: the server starts at 1).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (out_buf.lines() < head && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(out_buf.lines(), head) << out_buf.str() << err_buf.str();
  EXPECT_EQ(done.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout);

  AddParty(server, "herning");  // after the tail caught up
  const bool finished = done.wait_for(std::chrono::seconds(5)) == std::future_status::ready;
  if (!finished) server.Stop();  // ends the stream so the thread can be joined
  tail.join();
  ASSERT_TRUE(finished) << out_buf.str() << err_buf.str();
  EXPECT_EQ(done.get(), kExitOk) << err_buf.str();

  auto lines = Lines(out_buf.str());
  ASSERT_EQ(lines.size(), head + 1);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].rfind(std::to_string(i + 1) + "  ", 0), 0u) << lines[i];
  }
  EXPECT_TRUE(Contains(lines[head - 2], "party-ikast  PartyRegistered  admin")) << lines[head - 2];
  EXPECT_TRUE(Contains(lines.back(), "party-herning  PartyRegistered  admin")) << lines.back();
}

TEST(CliE2e, EventsTailJsonFromAPosition) {
  TestServer server;
  AddParty(server, "a1");
  AddParty(server, "a2");
  AddParty(server, "a3");
  CliRun r = Cli(server, {"--json", "events", "tail", "--from", "3", "--count", "2"},
                 server.IssueToken("auditor"));
  ASSERT_EQ(r.code, kExitOk) << r.err;
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  json first = json::parse(lines[0]), second = json::parse(lines[1]);
  EXPECT_EQ(first["position"], 3);
  EXPECT_EQ(second["position"], 4);
  EXPECT_EQ(second["stream"], "party-a3");
  EXPECT_EQ(second["prev_hash"], first["hash"]);

  CliRun denied = Cli(server, {"events", "tail", "--count", "1"}, server.IssueToken("secretariat"));
  EXPECT_EQ(denied.code, kExitRejected);
  EXPECT_TRUE(Contains(denied.err, "(HTTP 403)")) << denied.err;
}

}  // namespace
}  // namespace hoering::testing
