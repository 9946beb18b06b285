// The demo data set (client/demo/demo.h) loaded into a fresh server through
// the public API, then checked through the same API: the four changes of
// seed 000 and nothing else between the consultation draft and the final
// text, every change set cited by responses (both directions), the 2024
// agreement concluded, the 2015 agreement's Samsø condition open and overdue,
// the report labelled illustrative, the hash chain intact.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "client/demo/demo.h"
#include "client/lib/target.h"
#include "domain/time.h"
#include "tests/support/test_server.h"

namespace hoering {
namespace {

using client::Path;
using client::Verb;
using nlohmann::json;
using testing::TestServer;

constexpr const char* kAgreement = "/v1/agreements/sundhedsaftale-2024-2027";

class DemoTest : public ::testing::Test {
 protected:
  // Loads the demo into `server`; the log must get one line per step.
  void Load(TestServer& server) {
    api_ = std::make_unique<client::Api>(server.Client());
    std::vector<std::string> lines;
    Status s = client::demo::LoadDemo(*api_, [&](const std::string& l) { lines.push_back(l); });
    ASSERT_TRUE(s.ok()) << s.detail();
    EXPECT_GT(lines.size(), 50u);
  }

  json Get(const std::string& target) {
    auto r = api_->Call(Verb::get, target);
    EXPECT_TRUE(r.ok()) << target << ": " << (r.ok() ? "" : client::Describe(r.error()));
    return r.ok() ? r->body : json();
  }

  std::unique_ptr<client::Api> api_;
};

TEST_F(DemoTest, DiffShowsExactlyTheFourChangesOfSeed000) {
  TestServer server;
  Load(server);
  json diff = Get(std::string(kAgreement) + "/diff?from=consultation%20draft&to=final&unchanged=0");
  std::map<std::string, std::string> status;
  for (const auto& s : diff["sections"]) status[s["id"]] = s["status"];
  EXPECT_EQ(status, (std::map<std::string, std::string>{{"ind-1-1-5", "added"},
                                                        {"ind-1-1-6", "added"},
                                                        {"kap-3", "modified"},
                                                        {"kap-6", "modified"}}))
      << diff.dump(1);
  auto md = api_->Call(Verb::get, std::string(kAgreement) + "?at=final&format=md");
  ASSERT_TRUE(md.ok());
  EXPECT_NE(
      md->raw.find("Ventetid på udredning for børn og unge under 18 år, henvist til psykiatrien"),
      std::string::npos);
  EXPECT_NE(md->raw.find("Relevante parter inddrages i udmøntningen af aftalen."),
            std::string::npos);
  EXPECT_NE(md->raw.find("fokus på forebyggelse og lighed i sundhed"), std::string::npos);
}

TEST_F(DemoTest, EveryChangeSetIsCitedAndTracedFromItsResponses) {
  TestServer server;
  Load(server);
  json log = Get(std::string(kAgreement) + "/changes?from=1&to=2");
  ASSERT_EQ(log["items"].size(), 4u) << log.dump(1);
  for (const auto& change : log["items"]) {
    const std::string id = change["change"];
    ASSERT_FALSE(change["cites"].empty()) << id;
    for (const auto& cite : change["cites"]) {
      json trace = Get(Path({"v1", "trace", "responses", cite["response"].get<std::string>()}));
      std::set<std::string> traced;
      for (const auto& c : trace["changes"]) traced.insert(c["change"]);
      EXPECT_TRUE(traced.count(id)) << id << " not in " << trace.dump(1);
    }
  }
  // Every point has a disposition; accepted ones name the change sets.
  json consultation = Get("/v1/consultations/hoering-2023");
  EXPECT_EQ(consultation["responses"]["submitted"], 7);
  EXPECT_EQ(consultation["responses"]["late"], 0);  // recorded with received_at in the period
  std::set<std::string> outcomes;
  const json list = Get("/v1/consultations/hoering-2023/responses");
  ASSERT_EQ(list["items"].size(), 7u);
  for (const auto& item : list["items"]) {
    json r = Get(
        Path({"v1", "consultations", "hoering-2023", "responses", item["id"].get<std::string>()}));
    for (const auto& p : r["points"]) {
      ASSERT_TRUE(p["disposition"].is_object()) << r.dump(1);
      const std::string outcome = p["disposition"]["outcome"];
      outcomes.insert(outcome);
      if (outcome == "accepted") {
        EXPECT_FALSE(p["disposition"]["changes"].empty()) << r.dump(1);
      }
    }
  }
  EXPECT_EQ(outcomes, (std::set<std::string>{"accepted", "partially_accepted", "not_accepted",
                                             "noted", "out_of_scope"}));
}

TEST_F(DemoTest, RatificationReportAndChain) {
  TestServer server;
  Load(server);
  json rat = Get(std::string(kAgreement) + "/ratification?version=final");
  EXPECT_EQ(rat["concluded"], true) << rat.dump(1);
  EXPECT_EQ(rat["required"].size(), 20u);
  EXPECT_EQ(rat["recommendations"].size(), 5u);
  for (const auto& p : rat["parties"]) {
    if (p["party"] != "syddjurs") continue;
    ASSERT_EQ(p["steps"].size(), 3u);
    EXPECT_EQ(p["decision"], "syddjurs-kb-2023-12-12");
    EXPECT_EQ(p["steps"][0]["meeting_date"], "2023-11-22");
  }
  json kb = Get("/v1/decisions/syddjurs-kb-2023-12-12");
  EXPECT_EQ(kb["absent"].size(), 1u);

  json old = Get("/v1/agreements/sundhedsaftale-2015-2018/ratification");
  ASSERT_EQ(old["open_conditions"].size(), 1u) << old.dump(1);
  const json& condition = old["open_conditions"][0];
  EXPECT_EQ(condition["party"], "samsoe");
  EXPECT_EQ(condition["due"], "2015-07-01");
  EXPECT_EQ(condition["overdue"], true);
  EXPECT_NE(condition["text"].get<std::string>().find("Samsø Kommune must approve the agreement"),
            std::string::npos);

  auto report = api_->Call(Verb::get, "/v1/consultations/hoering-2023/report?format=md");
  ASSERT_TRUE(report.ok()) << client::Describe(report.error());
  EXPECT_NE(report->raw.find("Illustrative"), std::string::npos);

  auto verify = api_->Verify();
  ASSERT_TRUE(verify.ok());
  EXPECT_EQ(verify->body["ok"], true) << verify->body.dump();
}

// A server whose clock is inside the consultation period (e.g. a demo clock):
// received_at would be in the future, so the responses are plain on-time
// submissions.
TEST_F(DemoTest, LoadsWithAClockInsideTheConsultationPeriod) {
  const TimeMs now = *ParseRfc3339("2023-06-01T10:00:00Z");
  TestServer server([now] { return now; });
  Load(server);
  json consultation = Get("/v1/consultations/hoering-2023");
  EXPECT_EQ(consultation["responses"]["submitted"], 7);
  EXPECT_EQ(consultation["responses"]["late"], 0);
  EXPECT_EQ(Get(std::string(kAgreement) + "/ratification?version=final")["concluded"], true);
}

TEST_F(DemoTest, ASecondLoadFailsWithTheServersProblem) {
  TestServer server;
  Load(server);
  Status again = client::demo::LoadDemo(*api_, nullptr);
  EXPECT_FALSE(again.ok());
  EXPECT_EQ(again.type(), "party-exists") << again.detail();
}

}  // namespace
}  // namespace hoering
