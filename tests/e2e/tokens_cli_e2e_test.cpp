// `hoering tokens ...`, in-process, against a real server: issue, list and
// revoke with what each role may do, and the refusal of bad tokens. Exit
// codes: 0 ok, 1 usage, 2 rejected with 4xx (client/cli/cli.h).
#include <gtest/gtest.h>

#include "tests/e2e/cli_harness.h"

namespace hoering::testing {
namespace {

TEST(CliE2e, TokensIssueListAndRevoke) {
  TestServer server;
  CliRun issued = Cli(server, {"tokens", "issue", "--role", "secretariat", "--label", "SSU"});
  ASSERT_EQ(issued.code, kExitOk) << issued.err;
  const auto secret = FieldValue(issued.out, "token");
  const auto id = FieldValue(issued.out, "id");
  ASSERT_TRUE(secret && id) << issued.out;
  EXPECT_EQ(secret->rfind("hoer_", 0), 0u);
  EXPECT_EQ(FieldValue(issued.out, "role"), "secretariat");
  EXPECT_EQ(FieldValue(issued.out, "label"), "SSU");
  EXPECT_EQ(FieldValue(issued.out, "position"), std::to_string(server.store().Head().position));
  EXPECT_TRUE(Contains(issued.err, "shown only once")) << issued.err;

  // The new token works.
  CliRun used =
      Cli(server, {"parties", "add", "--id", "skive", "--name", "Skive", "--kind", "municipality"},
          *secret);
  ASSERT_EQ(used.code, kExitOk) << used.err;

  json sj = CliJson(server, {"tokens", "issue", "--role", "stakeholder", "--party", "skive",
                             "--label", "Skive officer"});
  EXPECT_EQ(sj["role"], "stakeholder");
  EXPECT_EQ(sj["party"], "skive");
  EXPECT_TRUE(sj["token"].is_string());
  const std::string stake_id = sj["id"];

  // The list never shows secrets.
  CliRun list = Cli(server, {"tokens", "list"});
  ASSERT_EQ(list.code, kExitOk) << list.err;
  EXPECT_FALSE(Contains(list.out, *secret)) << list.out;
  auto lines = Lines(list.out);
  ASSERT_EQ(lines.size(), 2u + 3u) << list.out;  // bootstrap admin + 2
  EXPECT_EQ(Cells(lines[0]),
            (std::vector<std::string>{"ID", "ROLE", "PARTY", "LABEL", "ISSUED", "REVOKED"}));
  bool saw_stakeholder = false;
  for (std::size_t i = 2; i < lines.size(); ++i) {
    if (lines[i].rfind(stake_id, 0) != 0) continue;
    saw_stakeholder = true;
    auto cells = Cells(lines[i]);
    ASSERT_EQ(cells.size(), 6u) << lines[i];
    EXPECT_EQ(cells[1], "stakeholder");
    EXPECT_EQ(cells[2], "skive");
    EXPECT_EQ(cells[3], "Skive officer");
    EXPECT_EQ(cells[5], "no");
  }
  EXPECT_TRUE(saw_stakeholder) << list.out;

  // Revoke: the token is refused from then on (401, exit 2).
  CliRun revoked = Cli(server, {"tokens", "revoke", *id});
  ASSERT_EQ(revoked.code, kExitOk) << revoked.err;
  EXPECT_EQ(revoked.out, "revoked token " + *id + " at position " +
                             std::to_string(server.store().Head().position) + "\n");
  CliRun refused = Cli(
      server, {"parties", "add", "--id", "struer", "--name", "Struer", "--kind", "municipality"},
      *secret);
  EXPECT_EQ(refused.code, kExitRejected);
  EXPECT_TRUE(Contains(refused.err, "(HTTP 401)")) << refused.err;
  EXPECT_TRUE(Contains(refused.err, "urn:hoering:invalid-token")) << refused.err;

  CliRun again = Cli(server, {"tokens", "revoke", *id});
  EXPECT_EQ(again.code, kExitRejected);
  EXPECT_TRUE(Contains(again.err, "(HTTP 409)")) << again.err;
  EXPECT_TRUE(Contains(again.err, "urn:hoering:token-revoked")) << again.err;
  CliRun unknown = Cli(server, {"tokens", "revoke", "tok_missing"});
  EXPECT_EQ(unknown.code, kExitRejected);
  EXPECT_TRUE(Contains(unknown.err, "(HTTP 404)")) << unknown.err;

  json items = CliJson(server, {"tokens", "list"});
  ASSERT_TRUE(items.is_array()) << items;
  bool saw_revoked = false;
  for (const auto& t : items) {
    EXPECT_FALSE(t.contains("token"));
    if (t["id"] == *id) {
      saw_revoked = true;
      EXPECT_TRUE(t["revoked"].get<bool>());
      EXPECT_TRUE(t.contains("revoked_at"));
    }
  }
  EXPECT_TRUE(saw_revoked) << items;

  // JSON revoke answer.
  CliRun jrevoke = Cli(server, {"--json", "tokens", "revoke", stake_id});
  ASSERT_EQ(jrevoke.code, kExitOk) << jrevoke.err;
  EXPECT_EQ(jrevoke.json()["id"], stake_id);
  EXPECT_EQ(jrevoke.json()["revoked"], true);
}

// docs/api.md: "A request with an Authorization header whose token is unknown,
// revoked or malformed is 401 (invalid-token), never treated as anonymous."
// KNOWN SERVER BUG: GET /v1/parties and GET /v1/parties/{id} never look at
// the Authorization header (server/app/routes_parties.cpp List/Show do not
// call Authenticate), so these answer 200. Enable when fixed.
TEST(CliE2e, ABadTokenIsRefusedEvenWhereAnonymousMayRead) {
  TestServer server;
  CliRun issued =
      Cli(server, {"--json", "tokens", "issue", "--role", "secretariat", "--label", "x"});
  ASSERT_EQ(issued.code, kExitOk) << issued.err;
  const std::string secret = issued.json()["token"];
  ASSERT_EQ(Cli(server, {"tokens", "revoke", issued.json()["id"]}).code, kExitOk);
  AddParty(server, "samsoe");
  for (const std::string& token : {secret, std::string("hoer_unknown_token_000000000000")}) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"parties", "list"}, {"parties", "show", "samsoe"}}) {
      CliRun r = Cli(server, args, token);
      EXPECT_EQ(r.code, kExitRejected) << args[1] << " with " << token << ": " << r.out;
      EXPECT_TRUE(Contains(r.err, "(HTTP 401)")) << r.err;
      EXPECT_TRUE(Contains(r.err, "urn:hoering:invalid-token")) << r.err;
    }
  }
}

TEST(CliE2e, TokensRejections) {
  TestServer server;
  // Found by the CLI: no request is sent.
  const std::uint64_t head = server.store().Head().position;
  CliRun no_party = Cli(server, {"tokens", "issue", "--role", "stakeholder", "--label", "x"});
  EXPECT_EQ(no_party.code, kExitUsage);
  EXPECT_TRUE(Contains(no_party.err, "--party")) << no_party.err;
  EXPECT_EQ(Cli(server, {"tokens", "issue", "--role", "emperor", "--label", "x"}).code, kExitUsage);
  EXPECT_EQ(server.store().Head().position, head);

  // Found by the server.
  CliRun ghost =
      Cli(server, {"tokens", "issue", "--role", "stakeholder", "--party", "ghost", "--label", "x"});
  EXPECT_EQ(ghost.code, kExitRejected);
  EXPECT_TRUE(Contains(ghost.err, "(HTTP 422)")) << ghost.err;
  EXPECT_TRUE(Contains(ghost.err, "urn:hoering:unknown-party")) << ghost.err;
  CliRun party_on_admin =
      Cli(server, {"tokens", "issue", "--role", "admin", "--party", "ghost", "--label", "x"});
  EXPECT_EQ(party_on_admin.code, kExitRejected);
  EXPECT_TRUE(Contains(party_on_admin.err, "(HTTP 400)")) << party_on_admin.err;

  // Only admins manage tokens.
  const std::string secretariat = server.IssueToken("secretariat");
  CliRun forbidden = Cli(server, {"tokens", "list"}, secretariat);
  EXPECT_EQ(forbidden.code, kExitRejected);
  EXPECT_TRUE(Contains(forbidden.err, "(HTTP 403)")) << forbidden.err;
  EXPECT_EQ(Cli(server, {"tokens", "issue", "--role", "admin", "--label", "x"}, secretariat).code,
            kExitRejected);
  CliRun anon = Cli(server, {"tokens", "list"}, "");
  EXPECT_EQ(anon.code, kExitRejected);
  EXPECT_TRUE(Contains(anon.err, "(HTTP 401)")) << anon.err;
  CliRun garbage = Cli(server, {"tokens", "list"}, "hoer_not_a_real_token");
  EXPECT_EQ(garbage.code, kExitRejected);
  EXPECT_TRUE(Contains(garbage.err, "(HTTP 401)")) << garbage.err;
}

}  // namespace
}  // namespace hoering::testing
