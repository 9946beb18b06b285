// Decisions, ratification and obligations through the real client, on the
// shape of seeds 000, 002 and 004: a municipality approves through three
// bodies, the region and the municipal councils conclude the agreement, the
// authority sets a condition with a deadline.
#include <gtest/gtest.h>

#include <atomic>

#include "domain/time.h"
#include "tests/support/test_server.h"

namespace hoering {
namespace {

using client::Verb;
using testing::TestServer;

class DecisionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    now_->store(*ParseRfc3339("2024-03-01T12:00:00Z"));
    server_ = std::make_unique<TestServer>([now = now_] { return now->load(); });
    api_ = std::make_unique<client::Api>(server_->Client());
    for (auto [id, name, kind] : {std::tuple{"rm", "Region Midtjylland", "region"},
                                  std::tuple{"odder", "Odder Kommune", "municipality"},
                                  std::tuple{"samsoe", "Samsø Kommune", "municipality"},
                                  std::tuple{"plo", "PLO-Midtjylland", "practice"},
                                  std::tuple{"sst", "Sundhedsstyrelsen", "authority"}}) {
      ASSERT_TRUE(api_->RegisterParty({id, name, kind}).ok());
    }
    ASSERT_TRUE(api_->Call(Verb::post, "/v1/agreements",
                           {{"id", "sa"},
                            {"title", "Sundhedsaftalen"},
                            {"term", {{"entry_into_force", "2024-01-01"}, {"years", 4}}},
                            {"parties", {"rm", "odder", "samsoe", "plo"}}})
                    .ok());
    ASSERT_TRUE(api_->Call(Verb::post, "/v1/agreements/sa/changes",
                           {{"rationale", "draft"},
                            {"ops",
                             {{{"op", "add"},
                               {"section",
                                {{"id", "kap-1"},
                                 {"kind", "chapter"},
                                 {"heading", "Forord"},
                                 {"body", "Tekst."}}}}}}})
                    .ok());
    ASSERT_TRUE(api_->Call(Verb::post, "/v1/agreements/sa/versions", {{"label", "final"}}).ok());
  }

  client::Expected<client::ApiResult> Decide(const std::string& id, const std::string& party,
                                             const std::string& body, bool final,
                                             const std::string& outcome = "approved",
                                             nlohmann::json conditions = nlohmann::json::array()) {
    return api_->Call(Verb::post, "/v1/decisions",
                      {{"id", id},
                       {"body", {{"name", body}, {"party", party}}},
                       {"meeting_date", "2023-12-12"},
                       {"subject", {{"agreement", "sa"}, {"version", 1}}},
                       {"outcome", outcome},
                       {"final_for_party", final},
                       {"conditions", conditions},
                       {"recommendations", {"Follow up on digital solutions"}},
                       {"absent", {"A. Member"}}});
  }

  nlohmann::json Ratification() {
    auto r = api_->Call(Verb::get, "/v1/agreements/sa/ratification?version=1");
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().detail);
    return r.ok() ? r->body : nlohmann::json();
  }

  std::shared_ptr<std::atomic<std::int64_t>> now_ = std::make_shared<std::atomic<std::int64_t>>(0);
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<client::Api> api_;
};

const nlohmann::json* Row(const nlohmann::json& rat, const std::string& party) {
  for (const auto& p : rat["parties"]) {
    if (p["party"] == party) return &p;
  }
  return nullptr;
}

TEST_F(DecisionsTest, OnlyTheFinalBodyCountsAndAllCouncilsConclude) {
  auto first = Decide("odder-ssu", "odder", "Social- og Sundhedsudvalget", false);
  ASSERT_TRUE(first.ok()) << first.error().detail;
  EXPECT_EQ(first->body["subject"]["hash"].get<std::string>().size(), 64u);
  EXPECT_EQ(first->body["subject"]["label"], "final");
  ASSERT_TRUE(Decide("odder-oeu", "odder", "Økonomiudvalget", false).ok());
  auto rat = Ratification();
  EXPECT_EQ((*Row(rat, "odder"))["status"], "pending");
  EXPECT_EQ((*Row(rat, "odder"))["steps"].size(), 2u);
  ASSERT_TRUE(Decide("odder-byraad", "odder", "Byrådet", true).ok());
  ASSERT_TRUE(Decide("rm-rr", "rm", "Regionsrådet", true).ok());
  rat = Ratification();
  EXPECT_EQ((*Row(rat, "odder"))["status"], "approved");
  EXPECT_EQ((*Row(rat, "odder"))["decision"], "odder-byraad");
  EXPECT_FALSE(rat["concluded"].get<bool>());  // Samsø has not decided
  EXPECT_EQ((*Row(rat, "plo"))["required"], false);
  ASSERT_TRUE(Decide("samsoe-kb", "samsoe", "Kommunalbestyrelsen", true, "rejected").ok());
  EXPECT_EQ((*Row(Ratification(), "samsoe"))["status"], "rejected");
  ASSERT_TRUE(Decide("samsoe-kb-2", "samsoe", "Kommunalbestyrelsen", true).ok());
  rat = Ratification();
  EXPECT_TRUE(rat["concluded"].get<bool>());
  EXPECT_EQ(rat["required"], nlohmann::json({"rm", "odder", "samsoe"}));
}

TEST_F(DecisionsTest, ConditionsGoOverdueUntilFulfilled) {
  nlohmann::json conditions = {
      {{"text", "Plan for access to GPs on Samsø"}, {"party", "samsoe"}, {"due", "2024-07-01"}}};
  auto d =
      Decide("sst-2024", "sst", "Sundhedsstyrelsen", true, "approved_with_conditions", conditions);
  ASSERT_TRUE(d.ok()) << d.error().detail;
  auto rat = Ratification();
  ASSERT_EQ(rat["open_conditions"].size(), 1u);
  EXPECT_EQ(rat["open_conditions"][0]["overdue"], false);
  EXPECT_EQ(rat["recommendations"].size(), 1u);
  now_->store(*ParseRfc3339("2024-07-02T08:00:00Z"));
  EXPECT_EQ(Ratification()["open_conditions"][0]["overdue"], true);
  EXPECT_EQ(
      api_->Call(Verb::post, "/v1/decisions/sst-2024/conditions/2/fulfil", {{"evidence", "x"}})
          .error()
          .type,
      "urn:hoering:condition-not-found");
  auto done = api_->Call(Verb::post, "/v1/decisions/sst-2024/conditions/1/fulfil",
                         {{"evidence", "Plan received 2024-07-05"}});
  ASSERT_TRUE(done.ok()) << done.error().detail;
  EXPECT_EQ(Ratification()["open_conditions"].size(), 0u);
  auto shown = api_->Call(Verb::get, "/v1/decisions/sst-2024");
  EXPECT_EQ(shown->body["conditions"][0]["fulfilled"], true);
  EXPECT_EQ(
      api_->Call(Verb::post, "/v1/decisions/sst-2024/conditions/1/fulfil", {{"evidence", "x"}})
          .error()
          .type,
      "urn:hoering:condition-fulfilled");
}

TEST_F(DecisionsTest, BadDecisionsAreRefused) {
  auto body = nlohmann::json{{"id", "x"},
                             {"body", {{"name", "Byrådet"}, {"party", "odder"}}},
                             {"meeting_date", "2023-12-12"},
                             {"subject", {{"agreement", "sa"}, {"version", 2}}},
                             {"outcome", "approved"},
                             {"final_for_party", false}};
  EXPECT_EQ(api_->Call(Verb::post, "/v1/decisions", body).error().type,
            "urn:hoering:version-not-published");
  body["subject"]["version"] = 1;
  body["body"]["party"] = "ghost";
  EXPECT_EQ(api_->Call(Verb::post, "/v1/decisions", body).error().type,
            "urn:hoering:unknown-party");
  body["body"]["party"] = "odder";
  body["outcome"] = "maybe";
  EXPECT_EQ(api_->Call(Verb::post, "/v1/decisions", body).error().status, 400);
  body["outcome"] = "approved";
  body["basis"] = {{"consultations", {"nope"}}};
  EXPECT_EQ(api_->Call(Verb::post, "/v1/decisions", body).error().type,
            "urn:hoering:unknown-consultation");
  body.erase("basis");
  ASSERT_TRUE(api_->Call(Verb::post, "/v1/decisions", body).ok());
  EXPECT_EQ(api_->Call(Verb::post, "/v1/decisions", body).error().type,
            "urn:hoering:decision-exists");
  auto stakeholder = server_->Client(server_->IssueToken("stakeholder", "odder"));
  body["id"] = "y";
  EXPECT_EQ(stakeholder.Call(Verb::post, "/v1/decisions", body).error().status, 403);
}

TEST_F(DecisionsTest, ObligationsFollowTheTermAndTheClock) {
  now_->store(*ParseRfc3339("2026-11-23T12:00:00Z"));
  auto o = api_->Call(Verb::get, "/v1/agreements/sa/obligations");
  ASSERT_TRUE(o.ok()) << o.error().detail;
  EXPECT_EQ(o->body["expires"], "2028-01-01");
  std::map<std::string, nlohmann::json> by_key;
  for (const auto& item : o->body["items"]) by_key[item["key"]] = item;
  EXPECT_EQ(by_key["entry-into-force"]["status"], "reached");
  EXPECT_EQ(by_key["review-2025"]["status"], "overdue");
  EXPECT_EQ(by_key["midway-status"]["due"], "2026-01-01");
  EXPECT_EQ(by_key["review-2027"]["status"], "due");
  EXPECT_EQ(by_key["final-status"]["due"], "2027-07-01");
  EXPECT_EQ(by_key["expiry"]["status"], "upcoming");
  auto done = api_->Call(Verb::post, "/v1/agreements/sa/obligations/review-2025/done",
                         {{"evidence", "SSU meeting 2025-01-20, item 4"}});
  ASSERT_TRUE(done.ok()) << done.error().detail;
  o = api_->Call(Verb::get, "/v1/agreements/sa/obligations");
  for (const auto& item : o->body["items"]) {
    if (item["key"] == "review-2025") EXPECT_EQ(item["status"], "done");
  }
  EXPECT_EQ(
      api_->Call(Verb::post, "/v1/agreements/sa/obligations/review-2025/done", {{"evidence", "x"}})
          .error()
          .type,
      "urn:hoering:obligation-done");
  EXPECT_EQ(api_->Call(Verb::post, "/v1/agreements/sa/obligations/nope/done", {{"evidence", "x"}})
                .error()
                .type,
            "urn:hoering:unknown-obligation");
}

}  // namespace
}  // namespace hoering
