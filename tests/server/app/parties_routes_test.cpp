// /v1/parties through the real client against a real server.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "tests/support/is_problem.h"
#include "tests/support/test_server.h"

namespace hoering {
namespace {

using client::Verb;
using testing::IsProblem;
using testing::TestServer;

TEST(PartiesRoutes, RegisterListShowAndReadYourWrites) {
  TestServer server;
  auto writer = server.Client();
  auto reader = server.Client("");  // anonymous, another connection
  auto r = writer.RegisterParty({"aarhus", "Aarhus Kommune", "municipality"});
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->status, 201);
  ASSERT_TRUE(r->position);
  EXPECT_EQ(r->headers.Get("X-Log-Position").value_or(""), std::to_string(*r->position));
  EXPECT_EQ(r->body["hash"].get<std::string>().size(), 64u);

  auto shown = reader.GetParty("aarhus");
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(shown->body["name"], "Aarhus Kommune");
  EXPECT_EQ(shown->body["kind"], "municipality");

  ASSERT_TRUE(writer.RegisterParty({"region-midtjylland", "Region Midtjylland", "region"}).ok());
  auto all = reader.ListParties();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0]["id"], "aarhus");
}

TEST(PartiesRoutes, ListPagesWithLimitAndAfter) {
  TestServer server;
  auto api = server.Client();
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(api.RegisterParty({"p" + std::to_string(i), "Party", "organisation"}).ok());
  }
  auto page = api.Call(Verb::get, "/v1/parties?limit=2");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->body["items"].size(), 2u);
  EXPECT_EQ(page->body["next"], "p1");
  auto rest = api.Call(Verb::get, "/v1/parties?limit=10&after=p1");
  EXPECT_EQ(rest->body["items"].size(), 3u);
  EXPECT_TRUE(rest->body["next"].is_null());
  auto all = api.ListParties(2);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 5u);
  EXPECT_EQ(api.Call(Verb::get, "/v1/parties?limit=0").error().status, 400);
  EXPECT_EQ(api.Call(Verb::get, "/v1/parties?limit=1001").error().status, 400);
  EXPECT_EQ(api.Call(Verb::get, "/v1/parties?limit=abc").error().type, "urn:hoering:invalid-query");
}

TEST(PartiesRoutes, DuplicateIdIs409AndWritesNothing) {
  TestServer server;
  auto api = server.Client();
  ASSERT_TRUE(api.RegisterParty({"samsoe", "Samsø Kommune", "municipality"}).ok());
  const auto head = server.store().Head().position;
  auto again = api.RegisterParty({"samsoe", "Other", "municipality"});
  ASSERT_TRUE(IsProblem(again, 409, "urn:hoering:party-exists"));
  EXPECT_EQ(server.store().Head().position, head);
}

TEST(PartiesRoutes, BadInputGetsProblemsAndWritesNothing) {
  TestServer server;
  auto api = server.Client();
  const auto head = server.store().Head().position;
  struct Case {
    std::string body;
    std::string content_type;
    int status;
    std::string type;
  };
  std::vector<Case> cases = {
      {R"({"id":"x","name":"X"})", "application/json", 400, "urn:hoering:invalid-field"},
      {R"({"id":"x","name":"X","kind":"planet"})", "application/json", 400,
       "urn:hoering:invalid-field"},
      {R"({"id":"X Y","name":"X","kind":"region"})", "application/json", 400,
       "urn:hoering:invalid-id"},
      {R"({"id":"x","name":"","kind":"region"})", "application/json", 400,
       "urn:hoering:invalid-field"},
      {R"({"id":7,"name":"X","kind":"region"})", "application/json", 400,
       "urn:hoering:invalid-field"},
      {R"({"id":"x","name":"X",)", "application/json", 400, "urn:hoering:malformed-json"},
      {"{\"id\":\"x\",\"name\":\"\xff\xfe\",\"kind\":\"region\"}", "application/json", 400,
       "urn:hoering:invalid-utf8"},
      {R"([1,2])", "application/json", 400, "urn:hoering:not-an-object"},
      {R"({"id":"x","name":"X","kind":"region"})", "text/plain", 400,
       "urn:hoering:unsupported-media-type"},
      {"", "application/json", 400, "urn:hoering:empty-body"},
  };
  for (const auto& c : cases) {
    auto r = api.CallRaw(Verb::post, "/v1/parties", c.body, c.content_type);
    ASSERT_FALSE(r.ok()) << c.body;
    EXPECT_EQ(r.error().status, c.status) << c.body;
    EXPECT_EQ(r.error().type, c.type) << c.body;
    EXPECT_FALSE(r.error().detail.empty());
  }
  EXPECT_EQ(server.store().Head().position, head);
}

TEST(PartiesRoutes, WritesNeedASecretariatOrAdminToken) {
  TestServer server;
  auto admin = server.Client();
  ASSERT_TRUE(admin.RegisterParty({"plo", "PLO-Midtjylland", "practice"}).ok());
  const std::string auditor = server.IssueToken("auditor");
  const std::string stakeholder = server.IssueToken("stakeholder", "plo");
  const std::string secretariat = server.IssueToken("secretariat");
  client::PartyInput p{"favrskov", "Favrskov Kommune", "municipality"};

  EXPECT_EQ(server.Client("").RegisterParty(p).error().status, 401);
  EXPECT_EQ(server.Client("hoer_not_a_real_token").RegisterParty(p).error().status, 401);
  EXPECT_EQ(server.Client(auditor).RegisterParty(p).error().status, 403);
  EXPECT_EQ(server.Client(stakeholder).RegisterParty(p).error().status, 403);
  auto ok = server.Client(secretariat).RegisterParty(p);
  ASSERT_TRUE(ok.ok());
  auto event = admin.ReadEvents(*ok->position, 1);
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->items[0]["actor"]["role"], "secretariat");
}

TEST(PartiesRoutes, IdempotencyKeyReplaysTheFirstAnswer) {
  TestServer server;
  auto api = server.Client();
  client::CallOptions opts;
  opts.idempotency_key = "retry-1";
  auto first = api.RegisterParty({"odder", "Odder Kommune", "municipality"}, opts);
  ASSERT_TRUE(first.ok());
  const auto head = server.store().Head().position;
  auto second = api.RegisterParty({"odder", "Odder Kommune", "municipality"}, opts);
  ASSERT_TRUE(second.ok()) << second.error().detail;
  EXPECT_EQ(second->status, first->status);
  EXPECT_EQ(second->raw, first->raw);
  EXPECT_EQ(server.store().Head().position, head);
  auto other = api.RegisterParty({"odder", "Odder", "municipality"}, opts);
  ASSERT_TRUE(IsProblem(other, 422, "urn:hoering:idempotency-key-reused"));
  EXPECT_EQ(server.store().Head().position, head);
}

TEST(PartiesRoutes, ConcurrentClientsGetGaplessPositions) {
  TestServer server;
  constexpr int kThreads = 16, kEach = 20;
  std::mutex mu;
  std::set<std::uint64_t> positions;
  std::vector<std::thread> threads;
  const auto start = server.store().Head().position;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto api = server.Client();
      for (int i = 0; i < kEach; ++i) {
        auto r = api.RegisterParty(
            {"c" + std::to_string(t) + "-" + std::to_string(i), "Concurrent", "organisation"});
        ASSERT_TRUE(r.ok()) << r.error().detail;
        std::lock_guard lock(mu);
        positions.insert(*r->position);
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(positions.size(), std::size_t{kThreads * kEach});
  EXPECT_EQ(*positions.begin(), start + 1);
  EXPECT_EQ(*positions.rbegin(), start + kThreads * kEach);
}

TEST(PartiesRoutes, UnknownRoutesAndMethods) {
  TestServer server;
  auto api = server.Client();
  EXPECT_EQ(api.Call(Verb::get, "/v1/nothing").error().status, 404);
  auto wrong = api.Call(Verb::put, "/v1/parties");
  EXPECT_EQ(wrong.error().status, 405);
  EXPECT_EQ(api.GetParty("missing").error().type, "urn:hoering:party-not-found");
}

TEST(PartiesRoutes, DataSurvivesARestart) {
  TestServer server;
  ASSERT_TRUE(server.Client().RegisterParty({"viborg", "Viborg Kommune", "municipality"}).ok());
  server.Restart();
  auto shown = server.Client("").GetParty("viborg");
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(shown->body["name"], "Viborg Kommune");
}

}  // namespace
}  // namespace hoering

namespace hoering {
namespace {

TEST(MinPosition, ReadsReflectAcknowledgedWritesAndRefuseFuturePositions) {
  testing::TestServer server;
  auto writer = server.Client();
  auto reader = server.Client("");
  auto w = writer.RegisterParty({"ringkobing-skjern", "Ringkøbing-Skjern Kommune", "municipality"});
  ASSERT_TRUE(w.ok());
  client::CallOptions at;
  at.min_position = *w->position;
  auto r = reader.Call(client::Verb::get, "/v1/parties/ringkobing-skjern", nullptr, at);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->body["name"], "Ringkøbing-Skjern Kommune");
  at.min_position = *w->position + 1000;
  auto future = reader.Call(client::Verb::get, "/v1/parties", nullptr, at);
  ASSERT_TRUE(IsProblem(future, 412, "urn:hoering:min-position-not-reached"));
  client::CallOptions bad;
  bad.headers.Set("X-Min-Position", "soon");
  EXPECT_EQ(reader.Call(client::Verb::get, "/v1/parties", nullptr, bad).error().status, 400);
}

}  // namespace
}  // namespace hoering
