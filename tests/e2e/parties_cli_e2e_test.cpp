// `hoering parties ...`, in-process, against a real server (RocksDB, HTTP):
// add (with its rejections and idempotent replay), list (table, --json,
// pages) and show. The exit-code contract: 0 ok, 1 usage, 2 rejected with
// 4xx, 3 no/failed answer, 4 broken chain (client/cli/cli.h).
#include <gtest/gtest.h>

#include <regex>

#include "domain/sha256.h"
#include "tests/e2e/cli_harness.h"

namespace hoering::testing {
namespace {

TEST(CliE2e, PartiesAddPrintsTheRecordWithItsPositionAndHash) {
  TestServer server;
  const std::uint64_t head = server.store().Head().position;
  CliRun r = Cli(server, {"parties", "add", "--id", "samsoe", "--name", "Samsø Kommune", "--kind",
                          "municipality"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(FieldValue(r.out, "id"), "samsoe");
  EXPECT_EQ(FieldValue(r.out, "name"), "Samsø Kommune");
  EXPECT_EQ(FieldValue(r.out, "kind"), "municipality");
  EXPECT_EQ(FieldValue(r.out, "position"), std::to_string(head + 1));
  EXPECT_EQ(FieldValue(r.out, "hash"), ToHex(server.store().Head().hash));
  EXPECT_EQ(Lines(r.out).at(0).rfind("id:", 0), 0u) << r.out;

  json body = CliJson(server, {"parties", "add", "--id", "aarhus", "--name", "Aarhus Kommune",
                               "--kind", "municipality"});
  ASSERT_TRUE(body.is_object()) << body;
  EXPECT_EQ(body["id"], "aarhus");
  EXPECT_EQ(body["name"], "Aarhus Kommune");
  EXPECT_EQ(body["position"], head + 2);
  EXPECT_EQ(body["hash"], ToHex(server.store().Head().hash));
}

TEST(CliE2e, PartiesAddRejectionsAreExitTwoWithTheProblemOnStderr) {
  TestServer server;
  AddParty(server, "skive");
  const std::uint64_t head = server.store().Head().position;

  CliRun dup =
      Cli(server, {"parties", "add", "--id", "skive", "--name", "Again", "--kind", "municipality"});
  EXPECT_EQ(dup.code, kExitRejected);
  EXPECT_EQ(dup.out, "");
  EXPECT_TRUE(Contains(dup.err, "(HTTP 409)")) << dup.err;
  EXPECT_TRUE(Contains(dup.err, "type: urn:hoering:party-exists")) << dup.err;
  EXPECT_EQ(dup.err.rfind("error: ", 0), 0u) << dup.err;

  CliRun bad_id =
      Cli(server, {"parties", "add", "--id", "Not An Id", "--name", "x", "--kind", "region"});
  EXPECT_EQ(bad_id.code, kExitRejected);
  EXPECT_TRUE(Contains(bad_id.err, "(HTTP 400)")) << bad_id.err;

  // Roles: anonymous 401, an auditor 403, a secretariat may register.
  CliRun anon =
      Cli(server, {"parties", "add", "--id", "anon", "--name", "x", "--kind", "region"}, "");
  EXPECT_EQ(anon.code, kExitRejected);
  EXPECT_TRUE(Contains(anon.err, "(HTTP 401)")) << anon.err;
  CliRun auditor = Cli(server, {"parties", "add", "--id", "aud", "--name", "x", "--kind", "region"},
                       server.IssueToken("auditor"));
  EXPECT_EQ(auditor.code, kExitRejected);
  EXPECT_TRUE(Contains(auditor.err, "(HTTP 403)")) << auditor.err;
  CliRun sec = Cli(
      server, {"parties", "add", "--id", "viborg", "--name", "Viborg", "--kind", "municipality"},
      server.IssueToken("secretariat"));
  EXPECT_EQ(sec.code, kExitOk) << sec.err;

  // Checked by the CLI itself: nothing is sent.
  const std::uint64_t before_usage = server.store().Head().position;
  CliRun kind = Cli(server, {"parties", "add", "--id", "x", "--name", "x", "--kind", "empire"});
  EXPECT_EQ(kind.code, kExitUsage);
  CliRun missing = Cli(server, {"parties", "add", "--id", "x", "--kind", "region"});
  EXPECT_EQ(missing.code, kExitUsage);
  EXPECT_EQ(server.store().Head().position, before_usage);
  // Rejections wrote nothing either: skive (above), 2 tokens and viborg.
  EXPECT_EQ(before_usage, head + 3);
}

TEST(CliE2e, PartiesAddWithAnIdempotencyKeyReplaysTheFirstAnswer) {
  TestServer server;
  std::vector<std::string> args = {
      "--json",    "parties",        "add",    "--id",         "lemvig",
      "--name",    "Lemvig Kommune", "--kind", "municipality", "--idempotency-key",
      "k-lemvig-1"};
  CliRun first = Cli(server, args);
  ASSERT_EQ(first.code, kExitOk) << first.err;
  const std::uint64_t head = server.store().Head().position;
  CliRun again = Cli(server, args);
  ASSERT_EQ(again.code, kExitOk) << again.err;
  EXPECT_EQ(again.json()["position"], first.json()["position"]);
  EXPECT_EQ(again.json()["hash"], first.json()["hash"]);
  EXPECT_EQ(server.store().Head().position, head);
}

TEST(CliE2e, PartiesListAsATableAndAsJsonAcrossPages) {
  TestServer server;
  AddParty(server, "struer");
  AddParty(server, "holstebro");
  AddParty(server, "rm", "region");

  CliRun table = Cli(server, {"parties", "list"});
  ASSERT_EQ(table.code, kExitOk) << table.err;
  auto lines = Lines(table.out);
  ASSERT_EQ(lines.size(), 5u) << table.out;
  EXPECT_EQ(Cells(lines[0]), (std::vector<std::string>{"ID", "NAME", "KIND", "REGISTERED"}));
  EXPECT_EQ(lines[1].find_first_not_of("- "), std::string::npos);
  // Sorted by id.
  const std::regex rfc3339(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z)");
  std::vector<std::string> ids;
  for (std::size_t i = 2; i < lines.size(); ++i) {
    auto cells = Cells(lines[i]);
    ASSERT_EQ(cells.size(), 4u) << lines[i];
    ids.push_back(cells[0]);
    EXPECT_EQ(cells[1], "Party " + cells[0]);
    EXPECT_TRUE(std::regex_match(cells[3], rfc3339)) << cells[3];
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"holstebro", "rm", "struer"}));

  // --page-size 1 follows the cursor through every page: same list.
  json items = CliJson(server, {"parties", "list", "--page-size", "1"});
  ASSERT_TRUE(items.is_array()) << items;
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["id"], "holstebro");
  EXPECT_EQ(items[1]["kind"], "region");
  EXPECT_EQ(items[2]["id"], "struer");
  EXPECT_TRUE(items[2].contains("registered_at"));
  EXPECT_TRUE(items[2].contains("position"));

  // Anyone may read parties.
  EXPECT_EQ(Cli(server, {"parties", "list"}, "").code, kExitOk);
}

TEST(CliE2e, PartiesListOfAnEmptyRegisterIsJustTheHeader) {
  TestServer server;
  CliRun table = Cli(server, {"parties", "list"});
  ASSERT_EQ(table.code, kExitOk) << table.err;
  EXPECT_EQ(Lines(table.out).size(), 2u) << table.out;
  EXPECT_EQ(CliJson(server, {"parties", "list"}), json::array());
}

TEST(CliE2e, PartiesShow) {
  TestServer server;
  AddParty(server, "odder");
  CliRun r = Cli(server, {"parties", "show", "odder"}, "");
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(FieldValue(r.out, "id"), "odder");
  EXPECT_EQ(FieldValue(r.out, "name"), "Party odder");
  EXPECT_EQ(FieldValue(r.out, "kind"), "municipality");
  EXPECT_TRUE(FieldValue(r.out, "registered_at").has_value()) << r.out;

  CliRun j = Cli(server, {"parties", "show", "odder", "--json"});  // global option after
  ASSERT_EQ(j.code, kExitOk) << j.err;
  EXPECT_EQ(j.json()["id"], "odder");
  EXPECT_EQ(j.json()["kind"], "municipality");

  CliRun missing = Cli(server, {"parties", "show", "nowhere"});
  EXPECT_EQ(missing.code, kExitRejected);
  EXPECT_EQ(missing.out, "");
  EXPECT_TRUE(Contains(missing.err, "(HTTP 404)")) << missing.err;
  EXPECT_TRUE(Contains(missing.err, "urn:hoering:party-not-found")) << missing.err;

  EXPECT_EQ(Cli(server, {"parties", "show"}).code, kExitUsage);
}

}  // namespace
}  // namespace hoering::testing
