// `hoering invitation create|list|revoke` in-process against a real server:
// the link is printed once (and not on a replayed key), the list never shows
// a code, a revoked invitation is marked, and the refusals' exit codes.
#include <gtest/gtest.h>

#include "domain/time.h"
#include "storage/system_clock.h"
#include "tests/e2e/cli_harness.h"

namespace hoering::testing {
namespace {

// Parties aarhus and plo, the agreement published, consultation "h" open for
// ten more days inviting both.
void OpenConsultation(const TestServer& server) {
  AddParty(server, "aarhus");
  AddParty(server, "plo", "practice");
  AddParty(server, "skive");
  ASSERT_EQ(Cli(server, {"agreement", "create", "--id", "sa", "--title", "Sundhedsaftalen"}).code,
            kExitOk);
  ASSERT_EQ(Cli(server, {"agreement", "import", "sa", kAgreementFixture}).code, kExitOk);
  ASSERT_EQ(Cli(server, {"agreement", "publish", "sa", "--label", "draft"}).code, kExitOk);
  const std::int64_t now = SystemClockMs();
  CliRun open =
      Cli(server, {"consultation", "open", "h", "--agreement", "sa", "--version", "draft",
                   "--title", "Høring", "--opens", FormatRfc3339(now - kDayMs), "--closes",
                   FormatRfc3339(now + 10 * kDayMs), "--invite", "aarhus,plo"});
  ASSERT_EQ(open.code, kExitOk) << open.err;
}

TEST(CliE2e, InvitationsCreateListAndRevoke) {
  TestServer server;
  OpenConsultation(server);
  const std::string secretariat = server.IssueToken("secretariat");

  CliRun created = Cli(server, {"invitation", "create", "--consultation", "h", "--party", "aarhus"},
                       secretariat);
  ASSERT_EQ(created.code, kExitOk) << created.err;
  const std::string id = Field(created, "id");
  const std::string code = Field(created, "code");
  EXPECT_EQ(id.rfind("inv-", 0), 0u) << created.out;
  EXPECT_EQ(code.rfind("inv_", 0), 0u) << created.out;
  EXPECT_EQ(Field(created, "link"), "http://127.0.0.1:8080/sign-in?token=" + code);
  EXPECT_EQ(Field(created, "party"), "aarhus");
  EXPECT_FALSE(Field(created, "expires_at").empty()) << created.out;
  EXPECT_EQ(Field(created, "position"), std::to_string(server.store().Head().position));
  EXPECT_TRUE(Contains(created.err, "shown only once")) << created.err;

  // A replayed key answers the same invitation without its link.
  const std::vector<std::string> keyed = {
      "invitation", "create", "--consultation",    "h",
      "--party",    "plo",    "--idempotency-key", "invite-plo-2023-05"};
  CliRun first = Cli(server, keyed);
  ASSERT_EQ(first.code, kExitOk) << first.err;
  CliRun replay = Cli(server, keyed);
  ASSERT_EQ(replay.code, kExitOk) << replay.err;
  EXPECT_EQ(Field(replay, "id"), Field(first, "id"));
  EXPECT_EQ(Field(replay, "link"), "") << replay.out;
  EXPECT_TRUE(Contains(replay.err, "cannot be shown again")) << replay.err;

  CliRun list = Cli(server, {"invitation", "list", "--consultation", "h"}, secretariat);
  ASSERT_EQ(list.code, kExitOk) << list.err;
  EXPECT_FALSE(Contains(list.out, code)) << list.out;
  auto lines = Lines(list.out);
  ASSERT_EQ(lines.size(), 2u + 2u) << list.out;
  EXPECT_EQ(Cells(lines[0]),
            (std::vector<std::string>{"ID", "PARTY", "ISSUED", "EXPIRES", "STATE", "REVOKED AT"}));
  auto row = Cells(lines[2]);
  ASSERT_EQ(row.size(), 5u) << lines[2];
  EXPECT_EQ(row[0], id);
  EXPECT_EQ(row[1], "aarhus");
  EXPECT_EQ(row[4], "active");

  CliRun revoked = Cli(
      server,
      {"invitation", "revoke", "--consultation", "h", id, "--reason", "Sent to the wrong address"},
      secretariat);
  ASSERT_EQ(revoked.code, kExitOk) << revoked.err;
  EXPECT_EQ(revoked.out, "revoked invitation " + id + " of aarhus at position " +
                             std::to_string(server.store().Head().position) + "\n");
  json items = CliJson(server, {"invitation", "list", "--consultation", "h"});
  ASSERT_EQ(items.size(), 2u) << items;
  EXPECT_EQ(items[0]["revoked"], true);
  EXPECT_EQ(items[0]["revoke_reason"], "Sent to the wrong address");
  EXPECT_FALSE(items[0].contains("code"));

  CliRun again = Cli(server, {"invitation", "revoke", "--consultation", "h", id});
  EXPECT_EQ(again.code, kExitRejected);
  EXPECT_TRUE(Contains(again.err, "urn:hoering:invitation-revoked")) << again.err;
  CliRun uninvited =
      Cli(server, {"invitation", "create", "--consultation", "h", "--party", "skive"});
  EXPECT_EQ(uninvited.code, kExitRejected);
  EXPECT_TRUE(Contains(uninvited.err, "urn:hoering:party-not-invited")) << uninvited.err;
  CliRun stakeholder = Cli(server, {"invitation", "list", "--consultation", "h"},
                           server.IssueToken("stakeholder", "aarhus"));
  EXPECT_EQ(stakeholder.code, kExitRejected);
  EXPECT_TRUE(Contains(stakeholder.err, "(HTTP 403)")) << stakeholder.err;
  EXPECT_EQ(Cli(server, {"invitation", "create", "--consultation", "h"}).code, kExitUsage);
}

}  // namespace
}  // namespace hoering::testing
