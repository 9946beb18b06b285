// /v1/admin/tokens through the real client.
#include <gtest/gtest.h>

#include "tests/support/test_server.h"

namespace hoering {
namespace {

using testing::TestServer;

TEST(TokensRoutes, IssueUseListAndRevoke) {
  TestServer server;
  auto admin = server.Client();
  auto issued = admin.IssueToken({"secretariat", "", "SSU secretariat"});
  ASSERT_TRUE(issued.ok()) << issued.error().detail;
  EXPECT_EQ(issued->status, 201);
  const std::string secret = issued->body["token"];
  const std::string id = issued->body["id"];
  EXPECT_EQ(secret.rfind("hoer_", 0), 0u);

  auto secretariat = server.Client(secret);
  ASSERT_TRUE(secretariat.RegisterParty({"skive", "Skive Kommune", "municipality"}).ok());

  auto list = admin.ListTokens();
  ASSERT_TRUE(list.ok());
  bool found = false;
  for (const auto& t : *list) {
    if (t["id"] == id) {
      found = true;
      EXPECT_EQ(t["role"], "secretariat");
      EXPECT_FALSE(t.contains("token"));
      EXPECT_FALSE(t["revoked"].get<bool>());
    }
  }
  EXPECT_TRUE(found);

  auto revoked = admin.RevokeToken(id);
  ASSERT_TRUE(revoked.ok()) << revoked.error().detail;
  EXPECT_EQ(revoked->body["revoked"], true);
  auto after = secretariat.RegisterParty({"struer", "Struer Kommune", "municipality"});
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().status, 401);
  EXPECT_EQ(admin.RevokeToken(id).error().status, 409);
  EXPECT_EQ(admin.RevokeToken("tok_missing").error().status, 404);
}

TEST(TokensRoutes, TheSecretIsNeverInTheLog) {
  TestServer server;
  auto admin = server.Client();
  auto issued = admin.IssueToken({"auditor", "", "external auditor"});
  ASSERT_TRUE(issued.ok());
  auto events = admin.ReadEvents(1, 1000);
  ASSERT_TRUE(events.ok());
  for (const auto& e : events->items) {
    EXPECT_EQ(e.dump().find(issued->body["token"].get<std::string>()), std::string::npos);
  }
}

TEST(TokensRoutes, StakeholderTokensNeedARegisteredParty) {
  TestServer server;
  auto admin = server.Client();
  EXPECT_EQ(admin.IssueToken({"stakeholder", "", "no party"}).error().status, 400);
  EXPECT_EQ(admin.IssueToken({"stakeholder", "ghost", "unknown"}).error().status, 422);
  EXPECT_EQ(admin.IssueToken({"secretariat", "ghost", "party on non-stakeholder"}).error().status,
            400);
  EXPECT_EQ(admin.IssueToken({"emperor", "", "bad role"}).error().status, 400);
  ASSERT_TRUE(admin.RegisterParty({"lemvig", "Lemvig Kommune", "municipality"}).ok());
  auto ok = admin.IssueToken({"stakeholder", "lemvig", "Lemvig officer"});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->body["party"], "lemvig");
}

TEST(TokensRoutes, OnlyAdminsManageTokens) {
  TestServer server;
  auto secretariat = server.Client(server.IssueToken("secretariat"));
  EXPECT_EQ(secretariat.IssueToken({"admin", "", "escalation"}).error().status, 403);
  EXPECT_EQ(secretariat.ListTokens().error().status, 403);
  EXPECT_EQ(server.Client("").ListTokens().error().status, 401);
}

}  // namespace
}  // namespace hoering

namespace hoering {
namespace {

TEST(TokensRoutes, ListPagesWithLimitAndAfter) {
  testing::TestServer server;
  for (int i = 0; i < 4; ++i) server.IssueToken("auditor");
  auto api = server.Client();
  auto page = api.Call(client::Verb::get, "/v1/admin/tokens?limit=2");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->body["items"].size(), 2u);
  ASSERT_TRUE(page->body["next"].is_string());
  auto all = api.ListTokens(2);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 5u);  // four auditors and the bootstrap admin
}

TEST(EventsRoutesPaging, NextIsNullAtTheHead) {
  testing::TestServer server;
  auto api = server.Client();
  const auto head = server.store().Head().position;
  auto page = api.ReadEvents(1, static_cast<std::uint32_t>(head));
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->items.size(), head);
  EXPECT_FALSE(page->next.has_value());
}

}  // namespace
}  // namespace hoering
