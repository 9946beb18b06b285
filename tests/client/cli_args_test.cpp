// Argument parsing and validation of the `hoering` CLI: nothing reaches a
// server in these tests (the URL points at a closed port).
#include <gtest/gtest.h>

#include <sstream>

#include "client/cli/cli.h"
#include "tests/support/cli_run.h"

namespace hoering::client {
namespace {

using hoering::testing::CliRun;

const std::string kNowhere = "--url=http://127.0.0.1:1";

TEST(CliArgsTest, PartiesAddWithoutIdIsAUsageError) {
  CliRun r = hoering::testing::RunCliArgs(
      {kNowhere, "parties", "add", "--name", "Samsø Kommune", "--kind", "municipality"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_NE(r.err.find("--id is required"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(CliArgsTest, UnknownKindAndRoleAreRejected) {
  CliRun kind = hoering::testing::RunCliArgs(
      {kNowhere, "parties", "add", "--id", "x", "--name", "X", "--kind", "planet"});
  EXPECT_EQ(kind.code, kExitUsage);
  EXPECT_NE(kind.err.find("planet"), std::string::npos) << kind.err;
  CliRun role =
      hoering::testing::RunCliArgs({kNowhere, "tokens", "issue", "--role", "king", "--label", "x"});
  EXPECT_EQ(role.code, kExitUsage);
}

TEST(CliArgsTest, StakeholderTokenNeedsAParty) {
  CliRun r = hoering::testing::RunCliArgs(
      {kNowhere, "tokens", "issue", "--role", "stakeholder", "--label", "x"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_NE(r.err.find("--party"), std::string::npos) << r.err;
}

TEST(CliArgsTest, GroupsNeedACommand) {
  EXPECT_EQ(hoering::testing::RunCliArgs({}).code, kExitUsage);
  CliRun r = hoering::testing::RunCliArgs({"parties"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_NE(r.err.find("subcommand"), std::string::npos) << r.err;
  EXPECT_EQ(hoering::testing::RunCliArgs({"parties", "frobnicate"}).code, kExitUsage);
}

TEST(CliArgsTest, RangesAreChecked) {
  EXPECT_EQ(hoering::testing::RunCliArgs({kNowhere, "events", "list", "--limit", "5000"}).code,
            kExitUsage);
  EXPECT_EQ(hoering::testing::RunCliArgs({kNowhere, "events", "list", "--from", "0"}).code,
            kExitUsage);
  EXPECT_EQ(hoering::testing::RunCliArgs({kNowhere, "--timeout", "-1", "verify"}).code, kExitUsage);
}

TEST(CliArgsTest, HelpAndVersionSucceed) {
  CliRun help = hoering::testing::RunCliArgs({"--help"});
  EXPECT_EQ(help.code, kExitOk);
  EXPECT_NE(help.out.find("parties"), std::string::npos);
  CliRun sub = hoering::testing::RunCliArgs({"parties", "add", "--help"});
  EXPECT_EQ(sub.code, kExitOk);
  EXPECT_NE(sub.out.find("--kind"), std::string::npos) << sub.out;
  CliRun version = hoering::testing::RunCliArgs({"--version"});
  EXPECT_EQ(version.code, kExitOk);
  EXPECT_FALSE(version.out.empty());
}

TEST(CliArgsTest, BadUrlIsAUsageErrorAndNoServerIsATransportError) {
  CliRun bad = hoering::testing::RunCliArgs({"--url", "https://secure.example", "parties", "list"});
  EXPECT_EQ(bad.code, kExitUsage);
  EXPECT_NE(bad.err.find("urn:hoering:client:bad-url"), std::string::npos) << bad.err;
  CliRun none =
      hoering::testing::RunCliArgs({"parties", "list", kNowhere});  // global options may follow
  EXPECT_EQ(none.code, kExitFailed);
  EXPECT_NE(none.err.find("Cannot reach the server"), std::string::npos) << none.err;
  EXPECT_NE(none.err.find("urn:hoering:client:connection-failed"), std::string::npos);
}

}  // namespace
}  // namespace hoering::client
