// `hoering agreement ...` in-process against a real server (RocksDB, HTTP):
// the life of the 2024-2027 agreement from creation through the Markdown
// import, the consultation draft, an edit and the final version, read back as
// versions, a diff, a change log and the text as it was; plus the exit codes
// of rejections and usage errors.
#include <gtest/gtest.h>

#include <fstream>

#include "tests/e2e/cli_harness.h"
#include "tests/support/temp_dir.h"

namespace hoering::testing {
namespace {

const std::string kId = "sundhedsaftalen-2024";
// Words the fixture does not contain, so a word diff shows them as inserted.
const std::string kNewWords = "Helhedsplanen sikrer glidende overgange";
const std::string kNewWord = "Helhedsplanen";

void CreateAgreement(TestServer& server) {
  AddParty(server, "rm", "region");
  AddParty(server, "aarhus", "municipality");
  CliRun r = Cli(server, {"agreement", "create", "--id", kId, "--title",
                          "Sundhedsaftalen 2024-2027", "--subtitle",
                          "Nærhed, tilgængelighed og sammenhæng for borgeren", "--entry-into-force",
                          "2024-01-01", "--years", "4", "--party", "rm", "--party", "aarhus"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(FieldValue(r.out, "id"), kId);
  EXPECT_EQ(FieldValue(r.out, "position"), std::to_string(server.store().Head().position));
}

// The value of "etag:" in a `show` output, e.g. "\"3\"".
std::string EtagOf(TestServer& server) {
  CliRun r = Cli(server, {"agreement", "show", kId});
  EXPECT_EQ(r.code, kExitOk) << r.err;
  return FieldValue(r.out, "etag").value_or("");
}

TEST(AgreementCliE2e, FromDraftToFinalVersion) {
  TestServer server;
  CreateAgreement(server);

  CliRun list = Cli(server, {"agreement", "list"});
  ASSERT_EQ(list.code, kExitOk) << list.err;
  auto rows = Lines(list.out);
  ASSERT_EQ(rows.size(), 3u) << list.out;  // header, rule, one agreement
  EXPECT_EQ(Cells(rows[2]).at(0), kId);
  EXPECT_EQ(Cells(rows[2]).at(1), "Sundhedsaftalen 2024-2027");

  // Import the consultation text and publish it as version 1.
  CliRun import = Cli(
      server, {"agreement", "import", kId, kAgreementFixture, "--rationale", "Text from the PDF"});
  ASSERT_EQ(import.code, kExitOk) << import.err;
  ASSERT_TRUE(FieldValue(import.out, "change").has_value()) << import.out;
  const std::string import_change = *FieldValue(import.out, "change");
  EXPECT_EQ(FieldValue(import.out, "position"), std::to_string(server.store().Head().position));

  CliRun draft = Cli(server, {"agreement", "publish", kId, "--label", "consultation draft",
                              "--note", "sent to the parties"});
  ASSERT_EQ(draft.code, kExitOk) << draft.err;
  EXPECT_EQ(FieldValue(draft.out, "number"), "1");
  EXPECT_EQ(FieldValue(draft.out, "label"), "consultation draft");

  // The outline: ids, kinds, headings, nested by two spaces.
  CliRun show = Cli(server, {"agreement", "show", kId});
  ASSERT_EQ(show.code, kExitOk) << show.err;
  EXPECT_TRUE(Contains(show.out, "\nkap-1 [chapter] Forord\n")) << show.out;
  EXPECT_TRUE(Contains(show.out,
                       "\nkap-2 [chapter] Visioner\n  vision-1 [vision] Sammenhæng og "
                       "tryghed\n"))
      << show.out;
  EXPECT_TRUE(Contains(show.out, "  fa-1 [focus_area] Psykiatri og trivsel\n")) << show.out;
  EXPECT_EQ(FieldValue(show.out, "version").value_or("").rfind("1 \"consultation draft\"", 0), 0u)
      << show.out;
  const std::string etag = FieldValue(show.out, "etag").value_or("");
  ASSERT_FALSE(etag.empty()) << show.out;

  // Edit one section's body, guarded by the ETag just read.
  const std::string op = json{{"op", "edit"}, {"id", "vision-1"}, {"body", kNewWords + "."}}.dump();
  CliRun change = Cli(server, {"agreement", "change", kId, "--rationale", "Simpler vision", "--op",
                               op, "--if-match", etag});
  ASSERT_EQ(change.code, kExitOk) << change.err;
  ASSERT_TRUE(FieldValue(change.out, "change").has_value()) << change.out;
  const std::string edit_change = *FieldValue(change.out, "change");
  EXPECT_NE(edit_change, import_change);
  EXPECT_NE(FieldValue(change.out, "etag").value_or(etag), etag);

  // The same ETag is stale now: 412, exit 2, nothing written.
  const std::uint64_t head = server.store().Head().position;
  CliRun stale = Cli(
      server, {"agreement", "change", kId, "--rationale", "Again", "--op", op, "--if-match", etag});
  EXPECT_EQ(stale.code, kExitRejected);
  EXPECT_EQ(stale.out, "");
  EXPECT_TRUE(Contains(stale.err, "(HTTP 412)")) << stale.err;
  EXPECT_EQ(server.store().Head().position, head);

  CliRun final_version = Cli(server, {"agreement", "publish", kId, "--label", "final"});
  ASSERT_EQ(final_version.code, kExitOk) << final_version.err;
  EXPECT_EQ(FieldValue(final_version.out, "number"), "2");

  // Versions: a table with both, and the same as JSON.
  CliRun versions = Cli(server, {"agreement", "versions", kId});
  ASSERT_EQ(versions.code, kExitOk) << versions.err;
  rows = Lines(versions.out);
  ASSERT_EQ(rows.size(), 4u) << versions.out;
  EXPECT_EQ(Cells(rows[2]).at(0), "1");
  EXPECT_EQ(Cells(rows[2]).at(1), "consultation draft");
  EXPECT_EQ(Cells(rows[3]).at(0), "2");
  EXPECT_EQ(Cells(rows[3]).at(1), "final");
  json v = CliJson(server, {"agreement", "versions", kId});
  ASSERT_TRUE(v.is_array()) << v;
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0]["label"], "consultation draft");
  EXPECT_EQ(v[1]["label"], "final");
  EXPECT_NE(v[0]["hash"], v[1]["hash"]);

  // Diff 1 -> 2: plain text (not a terminal), the edited words in it.
  CliRun diff = Cli(server, {"agreement", "diff", kId, "--from", "1", "--to", "2"});
  ASSERT_EQ(diff.code, kExitOk) << diff.err;
  EXPECT_TRUE(Contains(diff.out, "vision-1")) << diff.out;
  EXPECT_TRUE(Contains(diff.out, kNewWord)) << diff.out;
  EXPECT_FALSE(Contains(diff.out, "\x1b[")) << diff.out;
  CliRun by_label =
      Cli(server, {"agreement", "diff", kId, "--from", "consultation draft", "--to", "final"});
  ASSERT_EQ(by_label.code, kExitOk) << by_label.err;
  EXPECT_TRUE(Contains(by_label.out, kNewWord)) << by_label.out;
  CliRun html =
      Cli(server, {"agreement", "diff", kId, "--from", "1", "--to", "2", "--format", "html"});
  ASSERT_EQ(html.code, kExitOk) << html.err;
  EXPECT_TRUE(Contains(html.out, "<ins>")) << html.out;
  json d = CliJson(server, {"agreement", "diff", kId, "--from", "1", "--to", "2"});
  ASSERT_TRUE(d.is_object()) << d;
  bool modified = false;
  for (const auto& s : d["sections"]) {
    if (s["id"] == "vision-1") modified = s["status"] == "modified";
  }
  EXPECT_TRUE(modified) << d.dump(2);

  // The log between the versions: one block, the edit summarised.
  CliRun log = Cli(server, {"agreement", "log", kId, "--from", "1", "--to", "2"});
  ASSERT_EQ(log.code, kExitOk) << log.err;
  auto log_lines = Lines(log.out);
  ASSERT_FALSE(log_lines.empty()) << log.out;
  EXPECT_EQ(log_lines[0].rfind("change " + edit_change + "  ", 0), 0u) << log.out;
  EXPECT_TRUE(Contains(log_lines[0], "  admin")) << log.out;
  EXPECT_TRUE(Contains(log.out, "  rationale:  Simpler vision\n")) << log.out;
  EXPECT_TRUE(Contains(log.out, "    edit vision-1: body\n")) << log.out;
  EXPECT_FALSE(Contains(log.out, import_change + " ")) << log.out;
  CliRun log_json = Cli(server, {"--json", "agreement", "log", kId, "--from", "1", "--to", "2"});
  ASSERT_EQ(log_json.code, kExitOk) << log_json.err;
  ASSERT_EQ(log_json.json()["items"].size(), 1u) << log_json.out;
  EXPECT_EQ(log_json.json()["items"][0]["change"], edit_change);

  // The text as it was at version 1, and now.
  CliRun at1 = Cli(server, {"agreement", "show", kId, "--at", "1", "--bodies"});
  ASSERT_EQ(at1.code, kExitOk) << at1.err;
  EXPECT_FALSE(Contains(at1.out, kNewWords)) << at1.out;
  EXPECT_TRUE(Contains(at1.out, "Ingen borgere skal opleve at falde mellem stole")) << at1.out;
  EXPECT_EQ(FieldValue(at1.out, "version").value_or("").rfind("1 ", 0), 0u) << at1.out;
  CliRun at1_json = Cli(server, {"--json", "agreement", "show", kId, "--at", "1"});
  ASSERT_EQ(at1_json.code, kExitOk) << at1_json.err;
  EXPECT_EQ(at1_json.json()["version"]["number"], 1);
  CliRun now = Cli(server, {"agreement", "show", kId, "--bodies"});
  ASSERT_EQ(now.code, kExitOk) << now.err;
  EXPECT_TRUE(Contains(now.out, kNewWords)) << now.out;

  // Markdown, then and now.
  CliRun md1 = Cli(server, {"agreement", "show", kId, "--at", "consultation draft", "--markdown"});
  ASSERT_EQ(md1.code, kExitOk) << md1.err;
  EXPECT_TRUE(Contains(md1.out, "# Forord")) << md1.out;
  EXPECT_TRUE(Contains(md1.out, "## Sammenhæng og tryghed")) << md1.out;
  EXPECT_FALSE(Contains(md1.out, kNewWords));
  CliRun md2 = Cli(server, {"agreement", "show", kId, "--markdown"});
  ASSERT_EQ(md2.code, kExitOk) << md2.err;
  EXPECT_TRUE(Contains(md2.out, kNewWords)) << md2.out;
}

// Writes the change set file {rationale, cites, ops} and returns its path.
std::string WriteOpsFile(const TempDir& dir, const std::string& name, const json& ops) {
  const std::string path = dir.str() + "/" + name;
  std::ofstream(path) << json{
      {"rationale", "A new principle"},
      {"cites", json::array()},
      {"ops", ops}}.dump();
  return path;
}

const json kAddPrinciple6 = {{{"op", "add"},
                              {"section",
                               {{"id", "principle-6"},
                                {"kind", "principle"},
                                {"heading", "Åbenhed"},
                                {"body", "Vi deler viden."}}},
                              {"parent", "kap-4"}}};

TEST(AgreementCliE2e, ChangeFromAFile) {
  TestServer server;
  CreateAgreement(server);
  ASSERT_EQ(Cli(server, {"agreement", "import", kId, kAgreementFixture}).code, kExitOk);
  TempDir dir;
  CliRun r = Cli(server, {"agreement", "change", kId, "--file",
                          WriteOpsFile(dir, "add.json", kAddPrinciple6)});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(FieldValue(r.out, "position"), std::to_string(server.store().Head().position));

  CliRun show = Cli(server, {"agreement", "show", kId});
  ASSERT_EQ(show.code, kExitOk) << show.err;
  EXPECT_TRUE(Contains(show.out,
                       "  principle-5 [principle] Økonomisk klarhed og fair balance\n"
                       "  principle-6 [principle] Åbenhed\n"))
      << show.out;
}

// api.md: the same Idempotency-Key with the same method, target and body
// returns the first answer again and writes nothing, also when the request
// would now be refused (the agreement exists, the section exists, the edit
// changes nothing any more).
TEST(AgreementCliE2e, IdempotentRetriesReplayTheFirstAnswer) {
  TestServer server;
  AddParty(server, "rm", "region");
  TempDir dir;
  const std::vector<std::vector<std::string>> writes = {
      {"--json", "agreement", "create", "--id", kId, "--title", "T", "--party", "rm",
       "--idempotency-key", "create-1"},
      {"--json", "agreement", "import", kId, kAgreementFixture, "--idempotency-key", "import-1"},
      {"--json", "agreement", "change", kId, "--file",
       WriteOpsFile(dir, "add.json", kAddPrinciple6), "--idempotency-key", "add-principle-6"},
      {"--json", "agreement", "change", kId, "--rationale", "Shorter", "--op",
       json{{"op", "edit"}, {"id", "kap-7"}, {"body", "Kort."}}.dump(), "--idempotency-key",
       "edit-kap-7"},
      {"--json", "agreement", "publish", kId, "--label", "v1", "--idempotency-key", "publish-1"},
  };
  for (const auto& args : writes) {
    CliRun first = Cli(server, args);
    ASSERT_EQ(first.code, kExitOk) << args[2] << ": " << first.err;
    const std::uint64_t head = server.store().Head().position;
    CliRun again = Cli(server, args);
    EXPECT_EQ(again.code, kExitOk) << args[2] << ": " << again.err;
    EXPECT_EQ(again.json(), first.json()) << args[2];
    EXPECT_EQ(server.store().Head().position, head) << args[2];
  }
}

TEST(AgreementCliE2e, RejectionsAndUsageErrors) {
  TestServer server;
  CreateAgreement(server);
  const std::uint64_t head = server.store().Head().position;

  // Unknown agreement: 404, exit 2, the problem on stderr.
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"agreement", "show", "ghost"},
           {"agreement", "versions", "ghost"},
           {"agreement", "diff", "ghost", "--from", "1", "--to", "2"},
           {"agreement", "log", "ghost", "--from", "1", "--to", "2"},
           {"agreement", "publish", "ghost", "--label", "x"},
           {"agreement", "import", "ghost", kAgreementFixture},
       }) {
    CliRun r = Cli(server, args);
    EXPECT_EQ(r.code, kExitRejected) << args[1] << ": " << r.err;
    EXPECT_EQ(r.out, "") << args[1];
    EXPECT_TRUE(Contains(r.err, "(HTTP 404)")) << args[1] << ": " << r.err;
  }

  // An unknown version: exit 2.
  CliRun no_version = Cli(server, {"agreement", "show", kId, "--at", "7"});
  EXPECT_EQ(no_version.code, kExitRejected) << no_version.err;

  // A stale If-Match on publish: 412.
  ASSERT_EQ(Cli(server, {"agreement", "import", kId, kAgreementFixture}).code, kExitOk);
  const std::uint64_t after_import = server.store().Head().position;
  CliRun stale = Cli(server, {"agreement", "publish", kId, "--label", "v", "--if-match", "1"});
  EXPECT_EQ(stale.code, kExitRejected);
  EXPECT_TRUE(Contains(stale.err, "(HTTP 412)")) << stale.err;
  EXPECT_EQ(server.store().Head().position, after_import);

  // A bad op is the server's call (exit 2); a malformed argument is ours (exit 1).
  CliRun bad_op = Cli(server, {"agreement", "change", kId, "--rationale", "x", "--op",
                               R"({"op":"remove","id":"no-such-section"})"});
  EXPECT_EQ(bad_op.code, kExitRejected) << bad_op.err;
  EXPECT_EQ(server.store().Head().position, after_import);
  EXPECT_EQ(Cli(server, {"agreement", "change", kId, "--rationale", "x", "--op", "{"}).code,
            kExitUsage);
  EXPECT_EQ(Cli(server, {"agreement", "change", kId}).code, kExitUsage);
  EXPECT_EQ(Cli(server, {"agreement", "import", kId, "/no/such/file.md"}).code, kExitUsage);
  EXPECT_EQ(Cli(server, {"agreement", "create", "--id", "x", "--title", "T", "--entry-into-force",
                         "2024-13-01"})
                .code,
            kExitUsage);
  EXPECT_EQ(server.store().Head().position, after_import);
  EXPECT_GT(after_import, head);

  // Roles: anonymous may not create.
  CliRun anon = Cli(server, {"agreement", "create", "--id", "y", "--title", "T"}, "");
  EXPECT_EQ(anon.code, kExitRejected);
  EXPECT_TRUE(Contains(anon.err, "(HTTP 401)")) << anon.err;
}

}  // namespace
}  // namespace hoering::testing
