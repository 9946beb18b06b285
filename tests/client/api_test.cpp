// Api against the scripted FakeServer: request shapes, answer parsing,
// paging, problems.
#include "client/lib/api.h"

#include <gtest/gtest.h>

#include "fake_server.h"
#include "tests/support/is_problem.h"

namespace hoering::client {
namespace {

using ::hoering::testing::IsProblem;

using nlohmann::json;

Api Connect(const FakeServer& server, std::string token = "secret") {
  auto api = Api::Connect(server.url(), std::move(token));
  EXPECT_TRUE(api.ok());
  return std::move(api).value();
}

TEST(ApiTest, RegisterPartySendsJsonAndReadsThePosition) {
  FakeServer server([](const FakeRequest& r) {
    FakeReply reply =
        Json(201, R"({"id":"a","name":"A","kind":"region","position":42,"hash":"ab"})");
    reply.headers = {{"X-Log-Position", "42"}, {"ETag", "\"1\""}};
    return reply;
  });
  Api api = Connect(server);
  CallOptions o;
  o.idempotency_key = "k-1";
  auto r = api.RegisterParty({"a", "A", "region"}, o);
  ASSERT_TRUE(r.ok()) << Describe(r.error());
  EXPECT_EQ(r->status, 201);
  EXPECT_EQ(r->position, 42u);
  EXPECT_EQ(r->etag, "\"1\"");
  EXPECT_EQ(r->body["hash"], "ab");
  auto req = server.requests().at(0);
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.target, "/v1/parties");
  EXPECT_EQ(json::parse(req.body), (json{{"id", "a"}, {"name", "A"}, {"kind", "region"}}));
  EXPECT_EQ(req.headers["authorization"], "Bearer secret");
  EXPECT_EQ(req.headers["idempotency-key"], "k-1");
  EXPECT_EQ(req.headers["content-type"], "application/json");
}

TEST(ApiTest, PositionFallsBackToTheHeader) {
  FakeServer server([](const FakeRequest& r) {
    FakeReply reply = Json(200, R"({"id":"t1","revoked":true})");
    reply.headers = {{"X-Log-Position", "9"}};
    return reply;
  });
  Api api = Connect(server);
  auto r = api.RevokeToken("t1");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->position, 9u);
  EXPECT_EQ(server.requests().at(0).method, "DELETE");
  EXPECT_EQ(server.requests().at(0).target, "/v1/admin/tokens/t1");
}

TEST(ApiTest, ErrorsComeBackAsProblems) {
  FakeServer server([](const FakeRequest& r) {
    FakeReply reply = Json(404, R"({"type":"urn:hoering:not-found","title":"Not found",)"
                                R"("status":404,"detail":"no party zz"})");
    reply.content_type = "application/problem+json";
    return reply;
  });
  Api api = Connect(server, "");
  auto r = api.GetParty("zz");
  ASSERT_TRUE(IsProblem(r, 404, "urn:hoering:not-found"));
  EXPECT_EQ(r.error().detail, "no party zz");
  EXPECT_EQ(server.requests().at(0).headers.count("authorization"), 0u);
}

TEST(ApiTest, MalformedJsonIsABadResponse) {
  FakeServer server([](const FakeRequest& r) { return Json(200, "{oops"); });
  Api api = Connect(server);
  auto r = api.Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().type, "urn:hoering:client:bad-response");
}

TEST(ApiTest, ListPartiesFollowsNext) {
  FakeServer server([](const FakeRequest& r) {
    if (r.target == "/v1/parties?limit=2") {
      return Json(200, R"({"items":[{"id":"a"},{"id":"b"}],"next":"b"})");
    }
    if (r.target == "/v1/parties?limit=2&after=b") {
      return Json(200, R"({"items":[{"id":"c"}],"next":null})");
    }
    return Json(400, R"({"title":"unexpected target"})");
  });
  Api api = Connect(server);
  auto items = api.ListParties(2);
  ASSERT_TRUE(items.ok()) << Describe(items.error());
  ASSERT_EQ(items->size(), 3u);
  EXPECT_EQ((*items)[2]["id"], "c");
  EXPECT_EQ(server.requests().size(), 2u);
}

// Serves positions 1..10 of a fake log in pages of at most 3.
FakeReply FakeLog(const FakeRequest& r) {
  auto q = r.target.find("from=");
  std::uint64_t from = std::stoull(r.target.substr(q + 5));
  std::uint64_t limit = 3;
  if (auto l = r.target.find("limit="); l != std::string::npos) {
    limit = std::min<std::uint64_t>(3, std::stoull(r.target.substr(l + 6)));
  }
  json items = json::array();
  for (std::uint64_t p = from; p <= 10 && p < from + limit; ++p) {
    items.push_back({{"position", p}, {"stream", "party-" + std::to_string(p)}, {"type", "T"}});
  }
  const std::uint64_t last = from + items.size();
  return Json(200, json{{"items", items}, {"next", last <= 10 ? json(last) : json()}}.dump());
}

TEST(ApiTest, ScanEventsPagesUpToTheBound) {
  FakeServer server(FakeLog);
  Api api = Connect(server);
  std::vector<std::uint64_t> seen;
  auto n = api.ScanEvents(2, 8, 1000, [&](const json& e) {
    seen.push_back(e["position"]);
    return true;
  });
  ASSERT_TRUE(n.ok()) << Describe(n.error());
  EXPECT_EQ(*n, 7u);
  EXPECT_EQ(seen, (std::vector<std::uint64_t>{2, 3, 4, 5, 6, 7, 8}));

  seen.clear();
  auto all = api.ScanEvents(1, std::nullopt, 3, [&](const json& e) {
    seen.push_back(e["position"]);
    return true;
  });
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, 10u);
}

TEST(ApiTest, ReadEventsReturnsOnePage) {
  FakeServer server(FakeLog);
  Api api = Connect(server);
  auto page = api.ReadEvents(9, 3);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->items.size(), 2u);
  EXPECT_FALSE(page->next.has_value());
  EXPECT_EQ(server.requests().at(0).target, "/v1/events?from=9&limit=3");
}

TEST(ApiTest, TailEventsParsesEachDataLine) {
  FakeServer server([](const FakeRequest& r) {
    FakeReply reply;
    reply.raw = {"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n",
                 "id: 3\nevent: PartyRegistered\ndata: {\"position\":3}\n\n",
                 "id: 4\nevent: TokenIssued\ndata: {\"position\":4}\n\n"};
    reply.hold_open = true;
    return reply;
  });
  Api api = Connect(server);
  std::vector<std::uint64_t> positions;
  auto r = api.TailEvents(3, [&](const json& e) {
    positions.push_back(e["position"]);
    return positions.size() < 2;
  });
  ASSERT_TRUE(r.ok()) << Describe(r.error());
  EXPECT_EQ(positions, (std::vector<std::uint64_t>{3, 4}));
  EXPECT_EQ(server.requests().at(0).target, "/v1/events/live?from=3");
  EXPECT_EQ(server.requests().at(0).headers["authorization"], "Bearer secret");
}

TEST(ApiTest, BadBaseUrlIsAnError) {
  auto api = Api::Connect("ftp://x");
  ASSERT_FALSE(api.ok());
  EXPECT_EQ(api.error().type, "urn:hoering:client:bad-url");
}

}  // namespace
}  // namespace hoering::client
