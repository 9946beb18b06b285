// hoering-load's runner (in-process) against a real server: ~1.75 s of the
// "parties" workload over 8 keep-alive connections, then the durability
// audit and the server's own chain verification.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "client/load/report.h"
#include "client/load/runner.h"
#include "client/load/scenarios.h"
#include "tests/e2e/load_checks.h"
#include "tests/e2e/load_run_config.h"
#include "tests/support/test_server.h"

namespace hoering::testing {
namespace {

using namespace client::load;

TEST(LoadE2e, EveryAcknowledgedWriteIsInTheLogAndTheChainVerifies) {
  TestServer server;
  const std::uint64_t start_head = server.store().Head().position;

  const RunConfig config = E2eRunConfig(server, std::chrono::milliseconds(1'500));
  auto scenario = MakeScenario("parties", {"e2e"});
  ASSERT_NE(scenario, nullptr);
  auto admin = server.Client();
  ASSERT_TRUE(scenario->Prepare(admin).ok());

  LoadReport report{"parties", "e2e", config, RunLoad(config, *scenario), {}, {}, {}};
  report.latency = client::Summarize(report.run.latencies_ms);
  const RunResult& run = report.run;

  EXPECT_GT(run.acknowledged, 0u);
  EXPECT_GT(run.warmup_sent, 0u);
  EXPECT_EQ(run.acknowledged, run.sent) << ToJson(report).dump(2);
  EXPECT_TRUE(run.errors.empty()) << ToJson(report).dump(2);
  EXPECT_EQ(run.acks.size(), run.sent + run.warmup_sent);
  EXPECT_EQ(run.connections_opened, 8u);  // keep-alive held for the whole run
  EXPECT_GE(run.seconds, 1.5);

  // Every write the server acknowledged is where it said, exactly once, and
  // nothing else was written meanwhile.
  std::set<std::uint64_t> positions;
  for (const auto& a : run.acks) positions.insert(a.position);
  EXPECT_EQ(positions.size(), run.acks.size());
  EXPECT_EQ(server.store().Head().position, start_head + run.acks.size());
  ASSERT_NO_FATAL_FAILURE(AuditEveryAcknowledgedWrite(admin, report));
  EXPECT_EQ(report.audit->missing, 0u);
  EXPECT_EQ(report.audit->mismatched, 0u);
  EXPECT_EQ(report.audit->from, start_head + 1);
  EXPECT_EQ(report.audit->to, server.store().Head().position);

  std::ostringstream human;
  PrintHuman(human, report);
  EXPECT_NE(human.str().find("\nlost: 0\n"), std::string::npos) << human.str();
  EXPECT_EQ(ToJson(report)["lost"], 0);

  // The chain over everything the run wrote verifies on the server.
  ExpectTheChainVerifies(admin, server);

  // And the read view saw every party.
  auto parties = admin.ListParties(1000);
  ASSERT_TRUE(parties.ok());
  EXPECT_EQ(parties->size(), run.acks.size());
}

}  // namespace
}  // namespace hoering::testing
