// A server with a controllable clock, three parties, the real agreement
// imported and published as "consultation draft", and consultation "h1"
// open from kOpens to kCloses. Tokens for every role; request bodies for
// responses and decisions, and the steps of an audit trail (a cited change,
// the final version, a decision on it).
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <memory>
#include <sstream>

#include "domain/time.h"
#include "tests/support/test_server.h"

namespace hoering::testing {

inline std::string AgreementFixture() {
  std::ifstream in(std::string(HOERING_SOURCE_DIR) + "/tests/fixtures/agreement-2024-2027.md");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ConsultationTest : public ::testing::Test {
 protected:
  static constexpr TimeMs kOpens = 1684108800000;   // 2023-05-15T00:00:00Z
  static constexpr TimeMs kCloses = 1692997200000;  // 2023-08-25T21:00:00Z
  static constexpr TimeMs kDay = 86400000;

  void SetUp() override {
    now_->store(kOpens + kDay);
    server_ = std::make_unique<TestServer>([now = now_] { return now->load(); });
    admin_ = std::make_unique<client::Api>(server_->Client());
    for (auto [id, name, kind] : {std::tuple{"aarhus", "Aarhus Kommune", "municipality"},
                                  std::tuple{"plo", "PLO-Midtjylland", "practice"},
                                  std::tuple{"panel", "Patientpanelet", "organisation"}}) {
      ASSERT_TRUE(admin_->RegisterParty({id, name, kind}).ok());
    }
    auto created = admin_->Call(client::Verb::post, "/v1/agreements",
                                {{"id", "sa"}, {"title", "Sundhedsaftalen 2024-2027"}});
    ASSERT_TRUE(created.ok()) << created.error().detail;
    ASSERT_TRUE(admin_
                    ->CallRaw(client::Verb::post, "/v1/agreements/sa/import", AgreementFixture(),
                              "text/markdown")
                    .ok());
    ASSERT_TRUE(admin_
                    ->Call(client::Verb::post, "/v1/agreements/sa/versions",
                           {{"label", "consultation draft"}})
                    .ok());
    auto opened = admin_->Call(client::Verb::post, "/v1/consultations", OpenBody("h1"));
    ASSERT_TRUE(opened.ok()) << opened.error().detail;
    secretariat_ = server_->IssueToken("secretariat");
    auditor_ = server_->IssueToken("auditor");
    aarhus_ = server_->IssueToken("stakeholder", "aarhus");
    plo_ = server_->IssueToken("stakeholder", "plo");
  }

  static nlohmann::json OpenBody(const std::string& id) {
    return {{"id", id},
            {"agreement", "sa"},
            {"version", "consultation draft"},
            {"title", "Høring over udkast til Sundhedsaftale 2024-2027"},
            {"opens_at", FormatRfc3339(kOpens)},
            {"closes_at", FormatRfc3339(kCloses)},
            {"invited", {"aarhus", "plo", "panel"}}};
  }

  static nlohmann::json ResponseBody(const std::string& party,
                                     const std::string& publication = "public") {
    return {{"party", party},
            {"author", {{"name", "Officer of " + party}, {"email", party + "@example.org"}}},
            {"summary", "Response of " + party},
            {"points",
             {{{"section", "kap-1"}, {"quote", "hænger godt sammen"}, {"text", "Point one"}},
              {{"section", "vision-1"}, {"text", "Point two"}},
              {{"text", "A general point"}}}},
            {"publication", publication}};
  }

  // Decision `id` of the Sundhedssamarbejdsudvalget (for aarhus) on 2023-09-29:
  // version "final" of "sa" approved, on the basis of h1 and `response`.
  static nlohmann::json DecisionBody(const std::string& id, const std::string& response) {
    return {{"id", id},
            {"body", {{"name", "Sundhedssamarbejdsudvalget"}, {"party", "aarhus"}}},
            {"meeting_date", "2023-09-29"},
            {"subject", {{"agreement", "sa"}, {"version", "final"}}},
            {"outcome", "approved"},
            {"final_for_party", false},
            {"basis", {{"consultations", {"h1"}}, {"responses", {response}}}}};
  }

  // The start of an audit trail: aarhus submits ResponseBody("aarhus"), the
  // consultation closes, and change c-2 of "sa" edits kap-1 citing point 1 of
  // that response. Returns the receipt (null, with a failure, when refused).
  nlohmann::json SubmitThenChangeCitingIt() {
    auto receipt = As(aarhus_).Call(client::Verb::post, "/v1/consultations/h1/responses",
                                    ResponseBody("aarhus"));
    EXPECT_TRUE(receipt.ok());
    if (!receipt.ok()) return nullptr;
    const std::string rid = receipt->body["response"];
    now_->store(kCloses + kDay);
    auto change =
        admin_->Call(client::Verb::post, "/v1/agreements/sa/changes",
                     {{"rationale", "Aarhus asked for clarity"},
                      {"cites", {{{"response", rid}, {"point", 1}}}},
                      {"ops", {{{"op", "edit"}, {"id", "kap-1"}, {"body", "Klar tekst."}}}}});
    EXPECT_TRUE(change.ok()) << (change.ok() ? "" : change.error().detail);
    return receipt->body;
  }
  // Publishes version "final" of "sa" and records DecisionBody(id, response).
  void PublishFinalAndDecide(const std::string& id, const std::string& response) {
    ASSERT_TRUE(
        admin_->Call(client::Verb::post, "/v1/agreements/sa/versions", {{"label", "final"}}).ok());
    auto decision = admin_->Call(client::Verb::post, "/v1/decisions", DecisionBody(id, response));
    ASSERT_TRUE(decision.ok()) << decision.error().detail;
  }

  client::Api As(const std::string& token) { return server_->Client(token); }
  client::Api Anonymous() { return server_->Client(""); }

  // Submits as `token`; returns the response id (fails the test otherwise).
  std::string Submit(const std::string& token, const nlohmann::json& body) {
    auto api = As(token);
    auto r = api.Call(client::Verb::post, "/v1/consultations/h1/responses", body);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().detail);
    return r.ok() ? r->body["response"].get<std::string>() : "";
  }

  std::shared_ptr<std::atomic<TimeMs>> now_ = std::make_shared<std::atomic<TimeMs>>(0);
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<client::Api> admin_;
  std::string secretariat_, auditor_, aarhus_, plo_;
};

}  // namespace hoering::testing
