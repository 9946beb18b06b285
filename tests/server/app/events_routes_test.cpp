// /v1/events, /v1/events/live, /v1/verify, ops routes, through the client.
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "client/lib/chain_verify.h"
#include "domain/event_codec.h"
#include "domain/sha256.h"
#include "tests/support/is_problem.h"
#include "tests/support/test_server.h"

namespace hoering {
namespace {

using client::Verb;
using testing::IsProblem;
using testing::TestServer;

void AddParties(TestServer& server, int n) {
  auto api = server.Client();
  for (int i = 0; i < n; ++i) {
    ASSERT_TRUE(api.RegisterParty({"e" + std::to_string(i), "Party", "organisation"}).ok());
  }
}

TEST(EventsRoutes, AuditorsPageThroughTheLogAndRehashIt) {
  TestServer server;
  AddParties(server, 12);
  auto auditor = server.Client(server.IssueToken("auditor"));
  auto page = auditor.ReadEvents(1, 5);
  ASSERT_TRUE(page.ok()) << page.error().detail;
  EXPECT_EQ(page->items.size(), 5u);
  EXPECT_EQ(page->next, 6u);
  std::vector<nlohmann::json> all;
  auto scanned = auditor.ScanEvents(1, std::nullopt, 4, [&](const nlohmann::json& e) {
    all.push_back(e);
    return true;
  });
  ASSERT_TRUE(scanned.ok());
  EXPECT_EQ(all.size(), server.store().Head().position);
  auto report = client::VerifyChainLocally(all);
  EXPECT_TRUE(report.ok) << report.problem;
  EXPECT_EQ(report.head_hash, server.store().Head().hash);
}

TEST(EventsRoutes, EventsWithoutDataKeepEveryOtherField) {
  TestServer server;
  AddParties(server, 3);
  auto auditor = server.Client(server.IssueToken("auditor"));
  auto whole = auditor.ReadEvents(1, 10);
  auto lean = auditor.ReadEvents(1, 10, /*with_data=*/false);
  ASSERT_TRUE(whole.ok() && lean.ok());
  ASSERT_EQ(whole->items.size(), lean->items.size());
  EXPECT_EQ(whole->next, lean->next);
  for (std::size_t i = 0; i < lean->items.size(); ++i) {
    nlohmann::json expected = whole->items[i];
    ASSERT_TRUE(expected.contains("data") && expected.contains("data_canonical"));
    expected.erase("data");
    expected.erase("data_canonical");
    EXPECT_EQ(lean->items[i], expected);
  }
  auto bad = auditor.Call(Verb::get, "/v1/events?data=no");
  ASSERT_TRUE(IsProblem(bad, 400, "urn:hoering:invalid-query"));
}

TEST(EventsRoutes, TheRawLogIsNotForStakeholdersOrAnonymous) {
  TestServer server;
  ASSERT_TRUE(server.Client().RegisterParty({"horsens", "Horsens Kommune", "municipality"}).ok());
  auto stakeholder = server.Client(server.IssueToken("stakeholder", "horsens"));
  EXPECT_EQ(stakeholder.ReadEvents(1, 10).error().status, 403);
  EXPECT_EQ(server.Client("").ReadEvents(1, 10).error().status, 401);
  EXPECT_EQ(server.Client().Call(Verb::get, "/v1/events?from=x").error().status, 400);
}

TEST(EventsRoutes, VerifyIsOkAndFindsATamperedEvent) {
  TestServer server;
  AddParties(server, 6);
  auto api = server.Client();
  auto ok = api.Verify();
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->body["ok"].get<bool>());
  EXPECT_EQ(ok->body["checked"], server.store().Head().position);
  EXPECT_EQ(ok->body["head"]["hash"], ToHex(server.store().Head().hash));

  ASSERT_TRUE(
      server.store().TamperForTest(4, [](std::string& v) { v[v.size() - 3] ^= 0x20; }).ok());
  auto bad = api.Verify();
  ASSERT_TRUE(bad.ok());
  EXPECT_FALSE(bad->body["ok"].get<bool>());
  EXPECT_EQ(bad->body["first_bad"], 4);
  // The client's own re-hash of the served events finds it too.
  auto page = api.ReadEvents(1, 100);
  ASSERT_TRUE(page.ok());
  auto local = client::VerifyChainLocally(page->items);
  EXPECT_FALSE(local.ok);
  EXPECT_EQ(local.first_bad.value_or(0), 4u);
}

TEST(EventsRoutes, LiveTailDeliversHistoryThenNewCommits) {
  TestServer server;
  AddParties(server, 3);
  const auto head = server.store().Head().position;
  std::promise<std::vector<std::uint64_t>> got;
  std::thread tail([&] {
    auto api = server.Client();
    std::vector<std::uint64_t> seen;
    auto r = api.TailEvents(1, [&](const nlohmann::json& e) {
      seen.push_back(e["position"].get<std::uint64_t>());
      return seen.size() < head + 2;
    });
    got.set_value(seen);
  });
  // Appended after the tail started: must arrive through the commit wake-up.
  while (server.store().Head().position < head) {
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto api = server.Client();
  ASSERT_TRUE(api.RegisterParty({"late1", "Late", "organisation"}).ok());
  ASSERT_TRUE(api.RegisterParty({"late2", "Late", "organisation"}).ok());
  auto future = got.get_future();
  ASSERT_EQ(future.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  auto seen = future.get();
  tail.join();
  ASSERT_EQ(seen.size(), head + 2);
  for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], i + 1);
}

TEST(EventsRoutes, OpsEndpoints) {
  TestServer server;
  AddParties(server, 2);
  auto anon = server.Client("");
  auto health = anon.Health();
  ASSERT_TRUE(health.ok());
  EXPECT_EQ(health->body["status"], "ok");
  auto ready = anon.Ready();
  ASSERT_TRUE(ready.ok());
  EXPECT_TRUE(ready->body["ready"].get<bool>());
  EXPECT_EQ(ready->body["projected_position"], server.store().Head().position);
  auto metrics = anon.Metrics();
  ASSERT_TRUE(metrics.ok());
  EXPECT_NE(
      metrics->raw.find(
          "hoering_http_requests_total{route=\"/v1/parties\",method=\"POST\",status=\"201\"} 2"),
      std::string::npos)
      << metrics->raw;
  EXPECT_NE(metrics->raw.find("hoering_store_head_position"), std::string::npos);
}

}  // namespace
}  // namespace hoering
