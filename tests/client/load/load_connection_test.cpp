// One connection of the asynchronous runner against the scripted FakeServer:
// what goes on the wire, keep-alive, reconnects and timeouts.
#include "client/load/load_connection.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>

#include "tests/client/fake_server.h"
#include "tests/client/load/scripted_scenario.h"

namespace hoering::client::load {
namespace {

// Runs one connection with `requests` measured requests to completion.
RunResult RunOne(const std::string& url, ScriptedScenario& scenario, std::uint64_t requests,
                 std::chrono::milliseconds timeout = std::chrono::milliseconds(2'000)) {
  RunConfig config;
  config.url = url;
  config.token = "tok";
  config.requests = requests;
  config.timeout = timeout;
  auto endpoint = ParseBaseUrl(url);
  EXPECT_TRUE(endpoint.ok());
  LoadPlan plan(config, scenario, *endpoint);
  plan.authorization = "Bearer tok";
  plan.measure_from = LoadClock::now();
  plan.measure_until = LoadClock::time_point::max();
  boost::asio::io_context io;
  RunTally tally;
  {
    LoadConnection connection(io, plan, 3, tally);
    connection.Start();
    io.run();
  }
  RunResult result;
  tally.MergeInto(result);
  return result;
}

std::atomic<std::uint64_t> next_position{1};

TEST(LoadConnectionTest, SendsEveryRequestOnOneKeepAliveConnection) {
  FakeServer server([](const FakeRequest&) { return Created(next_position++); });
  ScriptedScenario scenario;
  RunResult r = RunOne(server.url() + "/prefix", scenario, 5);
  EXPECT_EQ(r.sent, 5u);
  EXPECT_EQ(r.acknowledged, 5u);
  EXPECT_EQ(r.acks.size(), 5u);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.connections_opened, 1u);
  EXPECT_EQ(server.connections(), 1);

  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 5u);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const FakeRequest& q = requests[i];
    EXPECT_EQ(q.method, "POST");
    EXPECT_EQ(q.target, "/prefix/w");  // the base URL's path prefix
    EXPECT_EQ(q.body, "3-" + std::to_string(i));
    EXPECT_EQ(q.headers.at("host"), "127.0.0.1:" + std::to_string(server.port()));
    EXPECT_EQ(q.headers.at("user-agent"), "hoering-load");
    EXPECT_EQ(q.headers.at("authorization"), "Bearer tok");
    EXPECT_EQ(q.headers.at("content-type"), "application/json");
    EXPECT_EQ(q.headers.at("content-length"), std::to_string(q.body.size()));
    EXPECT_EQ(q.headers.at("x-test"), "yes");
  }
  // Check sees the request as sent, body included.
  EXPECT_EQ(scenario.checked_bodies(),
            (std::vector<std::string>{"3-0", "3-1", "3-2", "3-3", "3-4"}));
}

TEST(LoadConnectionTest, AnAnswerWithConnectionCloseMakesTheNextRequestReconnect) {
  FakeServer server([](const FakeRequest&) {
    FakeReply reply = Created(next_position++);
    reply.send_connection_close = true;
    return reply;
  });
  ScriptedScenario scenario;
  RunResult r = RunOne(server.url(), scenario, 3);
  EXPECT_EQ(r.acknowledged, 3u);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.connections_opened, 3u);
  EXPECT_EQ(server.connections(), 3);
}

TEST(LoadConnectionTest, ATimeoutIsATransportErrorAndTheNextRequestReconnects) {
  std::atomic<int> count{0};
  FakeServer server([&](const FakeRequest&) {
    FakeReply reply = Created(next_position++);
    if (++count == 1) reply.delay = std::chrono::milliseconds(600);
    return reply;
  });
  ScriptedScenario scenario;
  RunResult r = RunOne(server.url(), scenario, 3, std::chrono::milliseconds(100));
  EXPECT_EQ(r.sent, 3u);
  EXPECT_EQ(r.acknowledged, 2u);
  EXPECT_EQ(r.errors, (std::map<std::string, std::uint64_t>{{"transport", 1}}));
  EXPECT_EQ(r.error_examples,
            (std::vector<std::string>{"transport: read: timed out after 100 ms"}));
  EXPECT_EQ(r.connections_opened, 2u);
  // Never replayed: the timed-out request is not sent again.
  std::set<std::string> bodies;
  for (const auto& q : server.requests()) bodies.insert(q.body);
  EXPECT_EQ(bodies, (std::set<std::string>{"3-0", "3-1", "3-2"}));
}

TEST(LoadConnectionTest, BudgetIsSharedAndWarmupRequestsDoNotTakeFromIt) {
  RunConfig config;
  config.requests = 2;
  ScriptedScenario scenario;
  LoadPlan plan(config, scenario, Endpoint{"127.0.0.1", 1, ""});
  const auto now = LoadClock::now();
  EXPECT_TRUE(plan.MayContinue(now, /*measuring=*/false));
  EXPECT_TRUE(plan.MayContinue(now, true));
  EXPECT_TRUE(plan.MayContinue(now, true));
  EXPECT_FALSE(plan.MayContinue(now, true));
  EXPECT_TRUE(plan.MayContinue(now, false));  // warm-up never ends by budget

  RunConfig timed;  // duration mode: the clock decides
  LoadPlan by_time(timed, scenario, Endpoint{"127.0.0.1", 1, ""});
  by_time.measure_until = now;
  EXPECT_TRUE(by_time.MayContinue(now - std::chrono::milliseconds(1), true));
  EXPECT_FALSE(by_time.MayContinue(now, true));
}

}  // namespace
}  // namespace hoering::client::load
