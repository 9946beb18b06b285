// A store written before the persistent read views (tests/fixtures/
// store_format2: the demo, written by the previous server and stopped cleanly,
// with its read-view checkpoint in snapshot format 2) opens, verifies and
// answers exactly as the previous server answered (the recorded answers next
// to it). Its first start folds the log once; the second resumes.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/support/test_server.h"

namespace hoering {
namespace {

using testing::TestServer;

const std::filesystem::path kFixture =
    std::filesystem::path(HOERING_SOURCE_DIR) / "tests/fixtures/store_format2";
constexpr const char* kFixtureToken = "hoer_fixture_admin_token_00000000";

nlohmann::json Recorded(const std::string& name) {
  std::ifstream in(kFixture / "answers" / name);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

// The answer now, as JSON; the report's generation time is the moment of
// rendering, not something the store holds, so it is left out on both sides.
nlohmann::json Answer(TestServer& server, const std::string& target) {
  auto api = server.Client(kFixtureToken);
  auto r = api.Call(client::Verb::get, target);
  EXPECT_TRUE(r.ok()) << target;
  if (!r.ok()) return nullptr;
  EXPECT_EQ(r->status, 200) << target << " " << r->body.dump();
  nlohmann::json body = r->body;
  body.erase("generated_at");
  return body;
}

void ExpectAnswersAsBefore(TestServer& server) {
  const nlohmann::json responses = Recorded("responses.json");
  const std::string response = responses["items"][0]["id"];
  const nlohmann::json decisions = Recorded("decisions.json");
  const std::string decision = decisions["items"][0]["id"];
  const std::pair<std::string, std::string> cases[] = {
      {"consultation.json", "/v1/consultations/hoering-2023"},
      {"responses.json", "/v1/consultations/hoering-2023/responses?limit=100"},
      {"response.json", "/v1/consultations/hoering-2023/responses/" + response},
      {"report.json", "/v1/consultations/hoering-2023/report"},
      {"decisions.json", "/v1/decisions"},
      {"trace_decision.json", "/v1/trace/decisions/" + decision},
      {"trace_response.json", "/v1/trace/responses/" + response},
      {"verify.json", "/v1/verify"},
  };
  for (const auto& [file, target] : cases) {
    nlohmann::json before = Recorded(file);
    before.erase("generated_at");
    EXPECT_EQ(Answer(server, target), before) << target;
  }
}

TEST(OldStoreE2e, OpensVerifiesAndAnswersAsThePreviousServerDid) {
  TestServer server(kFixture / "store", kFixtureToken);
  const auto& first = server.start_report();
  EXPECT_FALSE(first.from_checkpoint);
  EXPECT_NE(first.checkpoint_problem.find("format 2"), std::string::npos)
      << first.checkpoint_problem;
  EXPECT_EQ(first.index_position, 0u);
  EXPECT_EQ(first.replayed, server.store().Head().position);
  EXPECT_TRUE(server.store().Verify().ok);
  ExpectAnswersAsBefore(server);

  server.Restart();
  const auto& second = server.start_report();
  EXPECT_TRUE(second.from_checkpoint);
  EXPECT_EQ(second.index_position, server.store().Head().position);
  EXPECT_EQ(second.replayed, 0u);
  ExpectAnswersAsBefore(server);
}

}  // namespace
}  // namespace hoering
