// `hoering demo load`: the CLI loads the demo data set into an empty server
// through the API (the server loads no data itself), and refuses, sending
// nothing more, when the server holds it already.
#include <gtest/gtest.h>

#include "tests/e2e/cli_harness.h"

namespace hoering::testing {
namespace {

TEST(DemoCliE2e, LoadsIntoAnEmptyServerOnceAndRefusesASecondTime) {
  TestServer server;
  CliRun first = Cli(server, {"demo", "load", "--wait", "10"});
  ASSERT_EQ(first.code, kExitOk) << first.err;
  EXPECT_TRUE(Contains(first.out, "demo data loaded")) << first.out;
  CliRun parties = Cli(server, {"--json", "parties", "list"});
  ASSERT_EQ(parties.code, kExitOk) << parties.err;
  EXPECT_TRUE(Contains(parties.out, "\"region-midtjylland\"")) << parties.out;

  const std::uint64_t head = server.app().context().log.Head().position;
  CliRun again = Cli(server, {"demo", "load"});
  EXPECT_EQ(again.code, kExitRejected) << again.out;
  EXPECT_TRUE(Contains(again.err, "party-exists") || Contains(again.err, "already registered"))
      << again.err;
  EXPECT_EQ(server.app().context().log.Head().position, head);
}

TEST(DemoCliE2e, WaitGivesUpOnAServerThatIsNotThere) {
  CliRun r = RunCliAt("http://127.0.0.1:1", kAdminToken, {"demo", "load", "--wait", "0.5"});
  EXPECT_EQ(r.code, kExitFailed) << r.err;
}

}  // namespace
}  // namespace hoering::testing
