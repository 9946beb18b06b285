// The asynchronous load runner's accounting, driven by scripted scenarios
// against the scripted FakeServer (one connection alone:
// load_connection_test.cpp).
#include "client/load/runner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "client/load/scenarios.h"
#include "tests/client/fake_server.h"
#include "tests/client/load/scripted_scenario.h"

namespace hoering::client::load {
namespace {

using nlohmann::json;

RunConfig Config(const FakeServer& server, int connections) {
  RunConfig c;
  c.url = server.url();
  c.token = "tok";
  c.connections = connections;
  c.warmup = std::chrono::milliseconds(0);
  c.timeout = std::chrono::milliseconds(2'000);
  return c;
}

// Runs exactly `requests` requests over `connections` connections, no warm-up.
RunResult RunRequests(const FakeServer& server, Scenario& scenario, int connections,
                      std::uint64_t requests) {
  RunConfig config = Config(server, connections);
  config.requests = requests;
  return RunLoad(config, scenario);
}

// Each connection was asked for indices 0, 1, 2, ... without gaps.
void ExpectDenseIndices(const ScriptedScenario& s, int connections) {
  for (const auto& [c, indices] : s.asked()) {
    EXPECT_GE(c, 0);
    EXPECT_LT(c, connections);
    for (std::size_t i = 0; i < indices.size(); ++i) EXPECT_EQ(indices[i], i) << "connection " << c;
  }
}

TEST(RunnerTest, RequestModeCountsAcknowledgementsAndErrorsExactly) {
  std::atomic<std::uint64_t> counter{0};
  FakeServer server([&](const FakeRequest& r) {
    const std::uint64_t n = ++counter;
    if (n % 5 == 0) {
      FakeReply p = Json(409, R"({"type":"urn:hoering:x","title":"Conflict","status":409})");
      p.content_type = "application/problem+json";
      return p;
    }
    return Created(n);
  });
  ScriptedScenario scenario;
  RunResult r = RunRequests(server, scenario, 4, 50);

  EXPECT_EQ(r.sent, 50u);
  EXPECT_EQ(r.warmup_sent, 0u);
  EXPECT_EQ(r.acknowledged, 40u);
  EXPECT_EQ(r.latencies_ms.size(), 40u);
  for (double ms : r.latencies_ms) EXPECT_GE(ms, 0.0);
  EXPECT_EQ(r.errors, (std::map<std::string, std::uint64_t>{{"409", 10}}));
  ASSERT_EQ(r.error_examples.size(), 1u);  // identical examples are kept once
  EXPECT_EQ(r.error_examples[0].rfind("409: HTTP 409: ", 0), 0u) << r.error_examples[0];
  EXPECT_GT(r.seconds, 0.0);

  // Every acknowledged write is kept with the position the server gave and
  // the stream its request named.
  ASSERT_EQ(r.acks.size(), 40u);
  std::set<std::uint64_t> positions;
  for (const auto& a : r.acks) {
    EXPECT_NE(a.position % 5, 0u);
    EXPECT_EQ(a.stream.rfind("s-", 0), 0u);
    EXPECT_EQ(a.type, "T");
    positions.insert(a.position);
  }
  EXPECT_EQ(positions.size(), 40u);

  // One keep-alive connection per worker at most; all requests carried the
  // token and the scenario's headers.
  EXPECT_LE(r.connections_opened, 4u);
  EXPECT_GE(r.connections_opened, 1u);
  EXPECT_EQ(static_cast<std::uint64_t>(server.connections()), r.connections_opened);
  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 50u);
  std::set<std::string> bodies;
  for (const auto& q : requests) {
    EXPECT_EQ(q.method, "POST");
    EXPECT_EQ(q.target, "/w");
    EXPECT_EQ(q.headers.at("authorization"), "Bearer tok");
    EXPECT_EQ(q.headers.at("x-test"), "yes");
    EXPECT_EQ(q.headers.at("content-type"), "application/json");
    bodies.insert(q.body);
  }
  EXPECT_EQ(bodies.size(), 50u);  // (connection, index) never repeats
  ExpectDenseIndices(scenario, 4);
}

TEST(RunnerTest, TransportFailuresAreCountedAndTheConnectionIsReopened) {
  std::atomic<std::uint64_t> counter{0};
  FakeServer server([&](const FakeRequest& r) {
    const std::uint64_t n = ++counter;
    FakeReply reply = Created(n);
    if (n == 3) reply.no_answer = true;
    return reply;
  });
  ScriptedScenario scenario;
  RunResult r = RunRequests(server, scenario, 1, 6);
  EXPECT_EQ(r.sent, 6u);
  EXPECT_EQ(r.acknowledged, 5u);
  EXPECT_EQ(r.acks.size(), 5u);
  EXPECT_EQ(r.errors, (std::map<std::string, std::uint64_t>{{"transport", 1}}));
  ASSERT_EQ(r.error_examples.size(), 1u);
  EXPECT_EQ(r.error_examples[0].rfind("transport: ", 0), 0u) << r.error_examples[0];
  EXPECT_EQ(r.connections_opened, 2u);  // a POST is never replayed; the next one reconnects
  EXPECT_EQ(server.requests().size(), 6u);
}

TEST(RunnerTest, WarmupIsNotMeasuredButItsWritesAreAudited) {
  std::atomic<std::uint64_t> counter{0};
  FakeServer server([&](const FakeRequest&) {
    FakeReply reply = Json(201, "{}");
    reply.headers.emplace_back("X-Log-Position", std::to_string(++counter));
    reply.delay = std::chrono::milliseconds(2);
    return reply;
  });
  ScriptedScenario scenario;
  RunConfig config = Config(server, 2);
  config.warmup = std::chrono::milliseconds(150);
  config.duration = std::chrono::milliseconds(250);
  RunResult r = RunLoad(config, scenario);

  EXPECT_GT(r.warmup_sent, 0u);
  EXPECT_GT(r.sent, 0u);
  EXPECT_EQ(r.acknowledged, r.sent);
  EXPECT_EQ(r.latencies_ms.size(), r.sent);
  EXPECT_TRUE(r.errors.empty());
  // Positions from X-Log-Position; warm-up writes are audited too.
  EXPECT_EQ(r.acks.size(), r.sent + r.warmup_sent);
  EXPECT_EQ(server.requests().size(), r.sent + r.warmup_sent);
  // The measured phase is the duration plus at most one request in flight.
  EXPECT_GE(r.seconds, 0.25);
  EXPECT_LT(r.seconds, 0.25 + 1.0);
  EXPECT_EQ(r.connections_opened, 2u);
  ExpectDenseIndices(scenario, 2);
}

TEST(RunnerTest, AWriteWithoutAPositionIsNotAcknowledgedButAReadIs) {
  FakeServer server([](const FakeRequest&) { return Json(200, R"({"ok":true})"); });
  {
    ScriptedScenario writes;
    RunResult r = RunRequests(server, writes, 2, 10);
    EXPECT_EQ(r.sent, 10u);
    EXPECT_EQ(r.acknowledged, 0u);
    EXPECT_TRUE(r.acks.empty());
    EXPECT_TRUE(r.latencies_ms.empty());
    EXPECT_EQ(r.errors, (std::map<std::string, std::uint64_t>{{"200", 10}}));
    ASSERT_EQ(r.error_examples.size(), 1u);
    EXPECT_EQ(r.error_examples[0], "200: HTTP 200 without a log position");
  }
  {
    ScriptedScenario reads;
    reads.with_stream = false;
    RunResult r = RunRequests(server, reads, 2, 10);
    EXPECT_EQ(r.sent, 10u);
    EXPECT_EQ(r.acknowledged, 10u);
    EXPECT_TRUE(r.acks.empty());
    EXPECT_TRUE(r.errors.empty());
  }
}

TEST(RunnerTest, ErrorExamplesAreCappedAtTen) {
  std::atomic<int> counter{0};
  FakeServer server([&](const FakeRequest&) {
    return Json(500, "distinct failure " + std::to_string(++counter));
  });
  ScriptedScenario scenario;
  RunResult r = RunRequests(server, scenario, 3, 30);
  EXPECT_EQ(r.sent, 30u);
  EXPECT_EQ(r.acknowledged, 0u);
  EXPECT_EQ(r.errors, (std::map<std::string, std::uint64_t>{{"500", 30}}));
  EXPECT_EQ(r.error_examples.size(), 10u);
}

TEST(RunnerTest, NoServerMeansOnlyTransportErrors) {
  // A port that refuses connections: bound, never listening.
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket closed(io);
  closed.open(boost::asio::ip::tcp::v4());
  closed.bind({boost::asio::ip::make_address("127.0.0.1"), 0});
  ScriptedScenario scenario;
  RunConfig config;
  config.url = "http://127.0.0.1:" + std::to_string(closed.local_endpoint().port());
  config.connections = 2;
  config.requests = 4;
  config.warmup = std::chrono::milliseconds(0);
  config.timeout = std::chrono::milliseconds(500);
  RunResult r = RunLoad(config, scenario);
  EXPECT_EQ(r.sent, 4u);
  EXPECT_EQ(r.acknowledged, 0u);
  EXPECT_EQ(r.errors, (std::map<std::string, std::uint64_t>{{"transport", 4}}));
}

TEST(RunnerTest, ConnectionsAreSpreadOverTheIoThreads) {
  std::atomic<std::uint64_t> counter{0};
  FakeServer server([&](const FakeRequest&) {
    FakeReply reply = Created(++counter);
    reply.delay = std::chrono::milliseconds(2);
    return reply;
  });
  ScriptedScenario scenario;
  RunConfig config = Config(server, 5);
  config.threads = 2;
  config.duration = std::chrono::milliseconds(300);
  RunResult r = RunLoad(config, scenario);
  EXPECT_EQ(r.threads, 2);
  EXPECT_EQ(r.connections_opened, 5u);
  EXPECT_EQ(server.connections(), 5);
  EXPECT_EQ(r.acknowledged, r.sent);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(scenario.asked().size(), 5u);  // every connection ran
  ExpectDenseIndices(scenario, 5);
  EXPECT_EQ(server.requests().size(), r.sent);
  // The generator's own CPU over the measured phase, per measured request.
  EXPECT_GE(r.client_cpu_seconds, 0.0);
  EXPECT_EQ(r.client_cpu_us_per_request(), r.client_cpu_seconds * 1e6 / r.sent);
}

TEST(RunnerTest, NeverMoreThreadsThanConnections) {
  std::atomic<std::uint64_t> counter{0};
  FakeServer server([&](const FakeRequest&) { return Created(++counter); });
  ScriptedScenario scenario;
  RunConfig config = Config(server, 3);
  config.threads = 8;
  config.requests = 6;
  RunResult r = RunLoad(config, scenario);
  EXPECT_EQ(r.threads, 3);
  EXPECT_EQ(r.sent, 6u);
  EXPECT_EQ(r.acknowledged, 6u);
  EXPECT_GE(DefaultLoadThreads(), 1);
  EXPECT_LE(DefaultLoadThreads(), 2);
}

// --rate: the schedule bounds what is sent (a closed loop against this
// instant server sends thousands in the same time).
TEST(RunnerTest, ARateSendsNoMoreThanItsSchedule) {
  std::atomic<std::uint64_t> counter{0};
  FakeServer server([&](const FakeRequest&) { return Created(++counter); });
  ScriptedScenario scenario;
  RunConfig config = Config(server, 4);
  config.rate = 200;
  config.duration = std::chrono::milliseconds(500);
  RunResult r = RunLoad(config, scenario);
  EXPECT_GE(r.sent, 1u);
  EXPECT_LE(r.sent, 100u + 4u);  // 200/s for 0.5 s, at most one more per connection
  EXPECT_EQ(r.acknowledged, r.sent);
  ExpectDenseIndices(scenario, 4);
}

// A server slower than the schedule: each request's latency counts from its
// scheduled time, so the waiting shows (30 ms answers, one every 10 ms asked).
TEST(RunnerTest, ARateCountsLatencyFromTheScheduledTime) {
  std::atomic<std::uint64_t> counter{0};
  FakeServer server([&](const FakeRequest&) {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    return Created(++counter);
  });
  ScriptedScenario scenario;
  RunConfig config = Config(server, 1);
  config.rate = 100;
  config.duration = std::chrono::milliseconds(400);
  RunResult r = RunLoad(config, scenario);
  ASSERT_GE(r.latencies_ms.size(), 4u);
  const double worst = *std::max_element(r.latencies_ms.begin(), r.latencies_ms.end());
  EXPECT_GT(worst, 30.0 + 3 * 20.0);  // the 4th answer is at least 60 ms behind its schedule
}

TEST(RunnerTest, ABadUrlSendsNothing) {
  ScriptedScenario scenario;
  RunConfig config;
  config.url = "https://example.org";
  config.requests = 3;
  RunResult r = RunLoad(config, scenario);
  EXPECT_EQ(r.sent, 0u);
  EXPECT_TRUE(scenario.asked().empty());
  ASSERT_EQ(r.error_examples.size(), 1u);
  EXPECT_EQ(r.error_examples[0].rfind("bad url: ", 0), 0u) << r.error_examples[0];
}

// ---------------------------------------------------------------- parties

TEST(PartiesScenarioTest, UniqueIdsFixedSizeNamesAndCycledKinds) {
  EXPECT_EQ(ScenarioNames(), (std::vector<std::string>{"parties", "responses"}));
  EXPECT_EQ(MakeScenario("nope", {"r1"}), nullptr);
  auto s = MakeScenario("parties", {"r1"});
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->name(), "parties");
  std::set<std::string> kinds, ids;
  for (std::uint64_t i = 0; i < 12; ++i) {
    LoadRequest r = s->Next(3, i);
    EXPECT_EQ(r.method, Verb::post);
    EXPECT_EQ(r.target, "/v1/parties");
    json body = json::parse(r.body);
    const std::string id = body["id"];
    EXPECT_EQ(id, "load-r1-3-" + std::to_string(i));
    EXPECT_EQ(r.stream, "party-" + id);
    EXPECT_EQ(body["name"].get<std::string>().size(), 100u);
    kinds.insert(body["kind"].get<std::string>());
    ids.insert(id);
  }
  EXPECT_EQ(kinds.size(), 6u);
  EXPECT_EQ(ids.size(), 12u);
  EXPECT_NE(s->Next(4, 0).body, s->Next(3, 0).body);
}

TEST(PartiesScenarioTest, OnlyACreatedAnswerWithAPositionCounts) {
  auto s = MakeScenario("parties", {"r2"});
  LoadRequest req = s->Next(0, 0);
  HttpResponse created;
  created.status = 201;
  created.body = R"({"id":"x","position":17})";
  LoadOutcome ok = s->Check(req, created);
  EXPECT_TRUE(ok.ok);
  ASSERT_TRUE(ok.ack.has_value());
  EXPECT_EQ(ok.ack->position, 17u);
  EXPECT_EQ(ok.ack->stream, req.stream);

  HttpResponse plain_ok = created;
  plain_ok.status = 200;
  LoadOutcome not_created = s->Check(req, plain_ok);
  EXPECT_FALSE(not_created.ok);
  EXPECT_FALSE(not_created.ack.has_value());
  EXPECT_EQ(not_created.problem, "expected 201 Created, got 200");

  HttpResponse conflict;
  conflict.status = 409;
  conflict.body = R"({"type":"urn:hoering:party-exists"})";
  LoadOutcome rejected = s->Check(req, conflict);
  EXPECT_FALSE(rejected.ok);
  EXPECT_EQ(rejected.problem.rfind("HTTP 409: ", 0), 0u) << rejected.problem;
}

}  // namespace
}  // namespace hoering::client::load
