// HttpClient against the scripted FakeServer: keep-alive, reconnects,
// replay rules, timeouts, event streams.
#include "client/lib/http_client.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>

#include "fake_server.h"

namespace hoering::client {
namespace {

using namespace std::chrono_literals;

// One HTTP/1.1 chunk carrying `data`.
std::string Chunk(const std::string& data) {
  char size[16];
  std::snprintf(size, sizeof size, "%zx", data.size());
  return std::string(size) + "\r\n" + data + "\r\n";
}

HttpClient MakeClient(const FakeServer& server, std::chrono::milliseconds timeout = 2000ms) {
  HttpClientOptions o;
  o.timeout = timeout;
  auto c = HttpClient::Create(server.url(), o);
  EXPECT_TRUE(c.ok());
  return std::move(c).value();
}

// Answers `status` with "{}", except the second request: its connection (the
// kept-alive one) dies under it without an answer.
FakeServer::Handler SecondRequestUnanswered(int status) {
  auto calls = std::make_shared<std::atomic<int>>(0);
  return [calls, status](const FakeRequest&) {
    FakeReply reply = Json(status, "{}");
    if (++*calls == 2) reply.no_answer = true;
    return reply;
  };
}

TEST(HttpClientTest, ReusesOneKeptAliveConnection) {
  FakeServer server([](const FakeRequest& r) { return Json(200, "{\"n\":1}"); });
  HttpClient client = MakeClient(server);
  for (int i = 0; i < 3; ++i) {
    auto r = client.Send(Verb::get, "/healthz");
    ASSERT_TRUE(r.ok()) << r.status().detail();
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, "{\"n\":1}");
  }
  EXPECT_EQ(server.connections(), 1);
  EXPECT_EQ(client.connections_opened(), 1u);
}

TEST(HttpClientTest, SendsBodyContentTypeHostAndHeaders) {
  FakeServer server([](const FakeRequest& r) { return Json(201, "{}"); });
  HttpClient client = MakeClient(server);
  auto r = client.Send(Verb::post, "/v1/parties", "{\"id\":\"a\"}", "application/json",
                       Headers{{"X-Min-Position", "7"}});
  ASSERT_TRUE(r.ok());
  auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 1u);
  EXPECT_EQ(reqs[0].method, "POST");
  EXPECT_EQ(reqs[0].target, "/v1/parties");
  EXPECT_EQ(reqs[0].body, "{\"id\":\"a\"}");
  EXPECT_EQ(reqs[0].headers["content-type"], "application/json");
  EXPECT_EQ(reqs[0].headers["x-min-position"], "7");
  EXPECT_EQ(reqs[0].headers["host"], "127.0.0.1:" + std::to_string(server.port()));
}

TEST(HttpClientTest, PathPrefixOfTheBaseUrlIsPrepended) {
  FakeServer server([](const FakeRequest& r) { return Json(200, "{}"); });
  auto client = HttpClient::Create(server.url() + "/hoering/");
  ASSERT_TRUE(client.ok());
  ASSERT_TRUE(client->Send(Verb::get, "/v1/verify").ok());
  EXPECT_EQ(server.requests().at(0).target, "/hoering/v1/verify");
}

TEST(HttpClientTest, ReconnectsWhenTheServerClosedTheIdleConnection) {
  FakeServer server([](const FakeRequest& r) {
    FakeReply reply = Json(201, "{\"position\":1}");
    reply.close_after = true;  // no Connection: close header: the client thinks it may reuse
    return reply;
  });
  HttpClient client = MakeClient(server);
  ASSERT_TRUE(client.Send(Verb::post, "/v1/parties", "{}", "application/json").ok());
  std::this_thread::sleep_for(50ms);  // the FIN has arrived
  auto r = client.Send(Verb::post, "/v1/parties", "{}", "application/json");
  ASSERT_TRUE(r.ok()) << r.status().detail();
  EXPECT_EQ(r->status, 201);
  EXPECT_EQ(server.connections(), 2);
  EXPECT_EQ(server.requests().size(), 2u);  // sent exactly once each
}

TEST(HttpClientTest, GetIsReplayedOnceWhenAReusedConnectionDiesWithoutAnswer) {
  FakeServer server(SecondRequestUnanswered(200));
  HttpClient client = MakeClient(server);
  ASSERT_TRUE(client.Send(Verb::get, "/a").ok());
  auto r = client.Send(Verb::get, "/b");
  ASSERT_TRUE(r.ok()) << r.status().detail();
  EXPECT_EQ(server.requests().size(), 3u);
  EXPECT_EQ(server.connections(), 2);
}

TEST(HttpClientTest, PostWithoutIdempotencyKeyIsNotReplayed) {
  FakeServer server(SecondRequestUnanswered(201));
  HttpClient client = MakeClient(server);
  ASSERT_TRUE(client.Send(Verb::post, "/a", "{}", "application/json").ok());
  auto r = client.Send(Verb::post, "/a", "{}", "application/json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().type(), "connection-failed");
  EXPECT_EQ(server.requests().size(), 2u);
}

TEST(HttpClientTest, PostWithIdempotencyKeyIsReplayed) {
  FakeServer server(SecondRequestUnanswered(201));
  HttpClient client = MakeClient(server);
  const Headers keyed{{"Idempotency-Key", "k1"}};
  ASSERT_TRUE(client.Send(Verb::post, "/a", "{}", "application/json", keyed).ok());
  auto r = client.Send(Verb::post, "/a", "{}", "application/json", keyed);
  ASSERT_TRUE(r.ok()) << r.status().detail();
  EXPECT_EQ(server.requests().size(), 3u);
}

TEST(HttpClientTest, ConnectionCloseAnswerClosesTheConnection) {
  FakeServer server([](const FakeRequest& r) {
    FakeReply reply = Json(200, "{}");
    reply.send_connection_close = true;
    return reply;
  });
  HttpClient client = MakeClient(server);
  ASSERT_TRUE(client.Send(Verb::get, "/a").ok());
  ASSERT_TRUE(client.Send(Verb::get, "/a").ok());
  EXPECT_EQ(server.connections(), 2);
}

TEST(HttpClientTest, TimesOutASlowAnswer) {
  FakeServer server([](const FakeRequest& r) {
    FakeReply reply = Json(200, "{}");
    reply.delay = 600ms;
    return reply;
  });
  HttpClient client = MakeClient(server, 100ms);
  const auto start = std::chrono::steady_clock::now();
  auto r = client.Send(Verb::get, "/slow");
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().type(), "timeout");
  EXPECT_LT(took, 500ms);
}

TEST(HttpClientTest, ConnectionRefusedIsATransportError) {
  unsigned short port;
  {
    FakeServer gone([](const FakeRequest&) { return Json(200, "{}"); });
    port = gone.port();
  }
  auto client = HttpClient::Create("http://127.0.0.1:" + std::to_string(port));
  ASSERT_TRUE(client.ok());
  auto r = client->Send(Verb::get, "/");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kUnavailable);
  EXPECT_EQ(r.status().type(), "connection-failed");
}

TEST(HttpClientTest, StreamDeliversEventsUntilTheCallbackStops) {
  FakeServer server([](const FakeRequest& r) {
    FakeReply reply;
    reply.raw = {
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
        "Transfer-Encoding: chunked\r\n\r\n",
        Chunk("id: 1\nevent: A\ndata: {\"p\":1}\n\n"), Chunk(": keep-alive\n"),
        Chunk("id: 2\nevent: B\nda"), Chunk("ta: {\"p\":2}\n\n")};
    reply.hold_open = true;  // the stream never ends by itself
    return reply;
  });
  HttpClient client = MakeClient(server);
  std::vector<SseEvent> seen;
  auto r = client.Stream("/v1/events/live?from=1", {}, [&](const SseEvent& e) {
    seen.push_back(e);
    return seen.size() < 2;
  });
  ASSERT_TRUE(r.ok()) << r.status().detail();
  EXPECT_EQ(r->status, 200);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].id, "1");
  EXPECT_EQ(seen[0].event, "A");
  EXPECT_EQ(seen[1].data, "{\"p\":2}");
  EXPECT_EQ(server.requests().at(0).headers["accept"], "text/event-stream");
}

TEST(HttpClientTest, StreamEndingAtEofIsClean) {
  FakeServer server([](const FakeRequest& r) {
    FakeReply reply;
    reply.raw = {"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n", "data: one\n\n",
                 "data: two\n\n"};
    return reply;  // closes after the pieces: the body ends at EOF
  });
  HttpClient client = MakeClient(server);
  std::vector<std::string> data;
  auto r = client.Stream("/live", {}, [&](const SseEvent& e) {
    data.push_back(e.data);
    return true;
  });
  ASSERT_TRUE(r.ok()) << r.status().detail();
  EXPECT_EQ(data, (std::vector<std::string>{"one", "two"}));
}

TEST(HttpClientTest, StreamRefusedReturnsTheErrorAnswer) {
  FakeServer server([](const FakeRequest& r) {
    FakeReply reply = Json(401, R"({"type":"urn:hoering:unauthenticated","title":"no"})");
    reply.content_type = "application/problem+json";
    return reply;
  });
  HttpClient client = MakeClient(server);
  bool called = false;
  auto r = client.Stream("/live", {}, [&](const SseEvent&) { return called = true; });
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 401);
  EXPECT_NE(r->body.find("unauthenticated"), std::string::npos);
  EXPECT_FALSE(called);
}

}  // namespace
}  // namespace hoering::client
