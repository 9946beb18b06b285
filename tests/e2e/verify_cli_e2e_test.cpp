// `hoering verify` against a real server: the hash chain checked by the
// server and locally (--local), before and after the store is tampered with,
// and an event that no longer decodes. Exit codes: 0 ok, 2 rejected, 3
// failed, 4 broken chain (client/cli/cli.h).
#include <gtest/gtest.h>

#include "domain/sha256.h"
#include "tests/e2e/cli_harness.h"

namespace hoering::testing {
namespace {

TEST(CliE2e, VerifyOnTheServerAndLocallyThenAfterTampering) {
  TestServer server;
  for (const char* id : {"p1", "p2", "p3", "p4", "p5"}) AddParty(server, id);
  const std::uint64_t head = server.store().Head().position;
  const std::string auditor = server.IssueToken("auditor");
  const std::uint64_t all = head + 1;
  const std::string all_hash = ToHex(server.store().Head().hash);

  CliRun ok = Cli(server, {"verify"}, auditor);
  ASSERT_EQ(ok.code, kExitOk) << ok.err;
  EXPECT_EQ(ok.out, "ok: " + std::to_string(all) + " events checked; head " + std::to_string(all) +
                        " " + all_hash + "\n");
  CliRun ok_json = Cli(server, {"--json", "verify"}, auditor);
  ASSERT_EQ(ok_json.code, kExitOk) << ok_json.err;
  EXPECT_EQ(ok_json.json()["ok"], true);
  EXPECT_EQ(ok_json.json()["checked"], all);
  EXPECT_EQ(ok_json.json()["head"]["hash"], all_hash);

  CliRun local = Cli(server, {"verify", "--local", "--page-size", "2"}, auditor);
  ASSERT_EQ(local.code, kExitOk) << local.err;
  EXPECT_EQ(local.out, "ok (local): " + std::to_string(all) + " events re-hashed; head " +
                           std::to_string(all) + " " + all_hash + "\n");
  CliRun local_json = Cli(server, {"--json", "verify", "--local"}, auditor);
  ASSERT_EQ(local_json.code, kExitOk) << local_json.err;
  EXPECT_EQ(local_json.json()["head"]["hash"], all_hash);
  EXPECT_EQ(local_json.json()["checked"], all);

  // The secretariat may ask the server, but may not read the log to re-hash it.
  const std::string secretariat = server.IssueToken("secretariat");
  EXPECT_EQ(Cli(server, {"verify"}, secretariat).code, kExitOk);
  CliRun sec_local = Cli(server, {"verify", "--local"}, secretariat);
  EXPECT_EQ(sec_local.code, kExitRejected);
  EXPECT_TRUE(Contains(sec_local.err, "(HTTP 403)")) << sec_local.err;
  EXPECT_EQ(Cli(server, {"verify"}, "").code, kExitRejected);

  // Flip one byte of the stored event at position 3.
  ASSERT_TRUE(
      server.store().TamperForTest(3, [](std::string& v) { v[v.size() - 3] ^= 0x20; }).ok());

  CliRun broken = Cli(server, {"verify"}, auditor);
  EXPECT_EQ(broken.code, kExitBroken) << broken.out << broken.err;
  EXPECT_EQ(broken.out.rfind("BROKEN: first bad position 3: ", 0), 0u) << broken.out;
  CliRun broken_json = Cli(server, {"--json", "verify"}, auditor);
  EXPECT_EQ(broken_json.code, kExitBroken);
  EXPECT_EQ(broken_json.json()["ok"], false);
  EXPECT_EQ(broken_json.json()["first_bad"], 3);
  EXPECT_TRUE(broken_json.json()["problem"].is_string());

  CliRun broken_local = Cli(server, {"verify", "--local"}, auditor);
  EXPECT_EQ(broken_local.code, kExitBroken) << broken_local.out << broken_local.err;
  EXPECT_EQ(broken_local.out.rfind("BROKEN (local): first bad position 3: ", 0), 0u)
      << broken_local.out;
  CliRun broken_local_json =
      Cli(server, {"--json", "verify", "--local", "--page-size", "1"}, auditor);
  EXPECT_EQ(broken_local_json.code, kExitBroken);
  EXPECT_EQ(broken_local_json.json()["ok"], false);
  EXPECT_EQ(broken_local_json.json()["first_bad"], 3);
}

TEST(CliE2e, VerifyOfAnEventThatNoLongerDecodes) {
  TestServer server;
  for (const char* id : {"p1", "p2", "p3"}) AddParty(server, id);
  ASSERT_TRUE(server.store().TamperForTest(3, [](std::string& v) { v.resize(v.size() - 3); }).ok());

  // The server's verify names the position.
  CliRun broken = Cli(server, {"verify"});
  EXPECT_EQ(broken.code, kExitBroken) << broken.out << broken.err;
  EXPECT_EQ(broken.out.rfind("BROKEN: first bad position 3: ", 0), 0u) << broken.out;
  // The log cannot be served past it, so --local cannot re-hash: the server
  // reports corruption (500) and the CLI fails with 3 rather than 4.
  CliRun local = Cli(server, {"verify", "--local"});
  EXPECT_EQ(local.code, kExitFailed) << local.out << local.err;
  EXPECT_TRUE(Contains(local.err, "(HTTP 500)")) << local.err;
  EXPECT_TRUE(Contains(local.err, "urn:hoering:corruption")) << local.err;
  // Pages before it are still readable.
  CliRun before = Cli(server, {"events", "list", "--limit", "2"});
  EXPECT_EQ(before.code, kExitOk) << before.err;
}

}  // namespace
}  // namespace hoering::testing
