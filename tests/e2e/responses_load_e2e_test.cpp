// hoering-load's "responses" scenario (in-process) against a real server:
// prepare the fixture, ~2 s of submissions by the secretariat over 8
// connections, then the durability audit, the read back of the receipts and
// the server's own chain verification.
#include <gtest/gtest.h>

#include <sstream>

#include "client/lib/target.h"
#include "client/load/report.h"
#include "client/load/responses_scenario.h"
#include "client/load/runner.h"
#include "client/load/scenarios.h"
#include "tests/e2e/load_checks.h"
#include "tests/e2e/load_run_config.h"
#include "tests/support/test_server.h"

namespace hoering::testing {
namespace {

using namespace client::load;
using client::Verb;

TEST(ResponsesLoadE2e, EveryReceiptIsInTheLogAndReadsBackAsSent) {
  TestServer server;
  auto admin = server.Client();
  const ScenarioConfig scenario_config{.run_id = "e2e", .parties = 25, .consultations = 3};
  auto made = MakeScenario("responses", scenario_config);
  auto* scenario = dynamic_cast<ResponsesScenario*>(made.get());
  ASSERT_NE(scenario, nullptr);
  const Status prepared = scenario->Prepare(admin);
  ASSERT_TRUE(prepared.ok()) << prepared.detail();
  const ResponsesFixture& fixture = scenario->fixture();
  EXPECT_EQ(fixture.parties.size(), 25u);
  EXPECT_EQ(fixture.consultations.size(), 3u);
  EXPECT_EQ(fixture.sections.size(), 10u);
  ASSERT_FALSE(scenario->secretariat_token().empty());

  const RunConfig config = E2eRunConfig(server, std::chrono::milliseconds(1'750));
  RunConfig run_config = config;
  run_config.token = scenario->secretariat_token();  // as hoering-load does
  LoadReport report{"responses", "e2e", config, RunLoad(run_config, *scenario), {}, {}, {}};
  report.latency = client::Summarize(report.run.latencies_ms);
  const RunResult& run = report.run;

  EXPECT_GT(run.acknowledged, 0u);
  EXPECT_EQ(run.acknowledged, run.sent) << ToJson(report).dump(2);
  EXPECT_TRUE(run.errors.empty()) << ToJson(report).dump(2);
  EXPECT_EQ(run.acks.size(), run.sent + run.warmup_sent);
  EXPECT_EQ(scenario->receipts(), run.acks.size());
  for (const auto& a : run.acks) {
    EXPECT_EQ(a.stream.rfind("response-r-", 0), 0u) << a.stream;
    EXPECT_EQ(a.type, "ResponseSubmitted");
  }

  // Every receipt's write is in the log where the receipt said.
  ASSERT_NO_FATAL_FAILURE(AuditEveryAcknowledgedWrite(admin, report));

  // And every (sampled) response reads back exactly as it was sent.
  auto secretariat = server.Client(scenario->secretariat_token());
  report.readback = scenario->ReadBack(secretariat);
  const ReadbackReport& readback = *report.readback;
  RecordProperty("receipts", std::to_string(readback.receipts));
  EXPECT_EQ(readback.receipts, run.acks.size());
  EXPECT_EQ(readback.checked,
            std::min<std::uint64_t>(run.acks.size(), ResponsesScenario::kMaxReadback));
  EXPECT_EQ(readback.mismatches, 0u) << ToJson(report).dump(2);
  std::ostringstream human;
  PrintHuman(human, report);
  EXPECT_NE(human.str().find("\nlost: 0\n"), std::string::npos) << human.str();
  EXPECT_NE(human.str().find("\nreadback mismatches: 0 (checked "), std::string::npos)
      << human.str();
  EXPECT_EQ(ToJson(report)["readback"]["mismatches"], 0);

  // The consultations counted every response once.
  std::uint64_t submitted = 0;
  for (const auto& c : fixture.consultations) {
    auto shown = admin.Call(Verb::get, client::Path({"v1", "consultations", c}));
    ASSERT_TRUE(shown.ok()) << client::Describe(shown.error());
    EXPECT_EQ(shown->body["state"], "open");
    submitted += shown->body["responses"]["submitted"].get<std::uint64_t>();
  }
  EXPECT_EQ(submitted, run.acks.size());

  // The chain over everything written verifies on the server.
  ExpectTheChainVerifies(admin, server);
}

TEST(ResponsesLoadE2e, PreparesTwiceOnOneServerWithDifferentRunIds) {
  TestServer server;
  auto admin = server.Client();
  for (const char* run : {"one", "two"}) {
    auto scenario = MakeScenario("responses", {.run_id = run, .parties = 3, .consultations = 2});
    const Status prepared = scenario->Prepare(admin);
    EXPECT_TRUE(prepared.ok()) << run << ": " << prepared.detail();
  }
  auto again = MakeScenario("responses", {.run_id = "one", .parties = 3, .consultations = 2});
  EXPECT_FALSE(again->Prepare(admin).ok());  // the same run id would reuse ids
}

}  // namespace
}  // namespace hoering::testing
