// `hoering consultation|response|disposition ...` in-process against a real
// server (RocksDB, HTTP) with an injected clock: a consultation on the
// 2024-2027 agreement is opened, parties respond from Markdown and JSON files
// with their own tokens, amend and withdraw, the secretariat records a
// disposition, the deadline passes (the clock moves), a late response is
// accepted and the report names the parties and the outcome. Plus the exit
// codes of rejections and usage errors.
#include <gtest/gtest.h>

#include <array>
#include <atomic>

#include "domain/time.h"
#include "storage/system_clock.h"
#include "tests/e2e/cli_harness.h"
#include "tests/support/files.h"
#include "tests/support/temp_dir.h"

namespace hoering::testing {
namespace {

const std::string kAgreement = "sundhedsaftalen-2024";
const std::string kConsultation = "sa-2024-hoering";
const std::string kQuote = "Ingen borgere skal opleve at falde mellem stole";

std::string ReadFile(const std::string& path) {
  return ReadWholeFile(path).value_or("");
}

// A server whose clock the test moves forward.
struct World {
  std::atomic<std::int64_t> offset_ms{0};
  TestServer server{[this] { return SystemClockMs() + offset_ms.load(); }};
  TempDir dir;
  std::string import_change;

  std::string At(std::int64_t from_now_ms) {
    return FormatRfc3339(SystemClockMs() + offset_ms.load() + from_now_ms);
  }
  std::uint64_t Head() { return server.store().Head().position; }
};

void OpenConsultation(World& w) {
  for (auto [id, name, kind] :
       std::vector<std::array<std::string, 3>>{{"rm", "Region Midtjylland", "region"},
                                               {"aarhus", "Aarhus Kommune", "municipality"},
                                               {"samsoe", "Samsø Kommune", "municipality"}}) {
    CliRun r = Cli(w.server, {"parties", "add", "--id", id, "--name", name, "--kind", kind});
    ASSERT_EQ(r.code, kExitOk) << r.err;
  }
  CliRun create = Cli(w.server, {"agreement", "create", "--id", kAgreement, "--title",
                                 "Sundhedsaftalen 2024-2027", "--party", "rm"});
  ASSERT_EQ(create.code, kExitOk) << create.err;
  CliRun import = Cli(w.server, {"agreement", "import", kAgreement, kAgreementFixture});
  ASSERT_EQ(import.code, kExitOk) << import.err;
  w.import_change = FieldValue(import.out, "change").value_or("");
  CliRun publish =
      Cli(w.server, {"agreement", "publish", kAgreement, "--label", "consultation draft"});
  ASSERT_EQ(publish.code, kExitOk) << publish.err;
  CliRun open =
      Cli(w.server, {"consultation", "open", kConsultation, "--agreement", kAgreement, "--version",
                     "consultation draft", "--title", "Høring over sundhedsaftalen", "--opens",
                     w.At(-3600 * 1000), "--closes", w.At(14 * kDayMs), "--invite",
                     "rm,aarhus,samsoe", "--time-zone", "Europe/Copenhagen"});
  ASSERT_EQ(open.code, kExitOk) << open.err;
  EXPECT_EQ(FieldValue(open.out, "state"), "open") << open.out;
  EXPECT_EQ(FieldValue(open.out, "position"), std::to_string(w.Head())) << open.out;
}

const std::string kAarhusMd =
    "---\n"
    "party: aarhus\n"
    "author: Jane Doe\n"
    "email: jane@example.org\n"
    "publication: public\n"
    "---\n"
    "Aarhus Kommune takker for muligheden.\n"
    "\n"
    "## Point 1\n"
    "Section: vision-1\n"
    "> " +
    kQuote +
    "\n"
    "Vi foreslår en fælles forløbskoordinator.\n"
    "\n"
    "## Point 2\n"
    "Økonomien bør følge opgaverne.\n";

TEST(ConsultationCliE2e, FromOpeningToReport) {
  World w;
  ASSERT_NO_FATAL_FAILURE(OpenConsultation(w));
  const std::string aarhus = w.server.IssueToken("stakeholder", "aarhus");
  const std::string rm = w.server.IssueToken("stakeholder", "rm");
  const std::string secretariat = w.server.IssueToken("secretariat");

  // Aarhus submits from Markdown with its own token; the receipt is printed and written.
  const std::string md = WriteFileIn(w.dir, "aarhus.md", kAarhusMd);
  const std::string receipt_path = w.dir.str() + "/receipt.json";
  CliRun submit = Cli(
      w.server, {"response", "submit", kConsultation, "--file", md, "--receipt-out", receipt_path},
      aarhus);
  ASSERT_EQ(submit.code, kExitOk) << submit.err;
  const std::string response = Field(submit, "response");
  EXPECT_EQ(response.rfind("r-", 0), 0u) << submit.out;
  EXPECT_EQ(Field(submit, "revision"), "1");
  EXPECT_EQ(Field(submit, "late"), "false");
  EXPECT_EQ(Field(submit, "position"), std::to_string(w.Head()));
  EXPECT_FALSE(Field(submit, "hash").empty());
  const std::string key = Field(submit, "idempotency_key");
  ASSERT_FALSE(key.empty()) << submit.out;
  json receipt = json::parse(ReadFile(receipt_path), nullptr, false);
  EXPECT_EQ(receipt.value("response", ""), response) << receipt;
  EXPECT_EQ(receipt.value("hash", ""), Field(submit, "hash"));

  // A retry with the printed key returns the same receipt and writes nothing.
  const std::uint64_t head = w.Head();
  CliRun retry =
      Cli(w.server, {"response", "submit", kConsultation, "--file", md, "--idempotency-key", key},
          aarhus);
  ASSERT_EQ(retry.code, kExitOk) << retry.err;
  EXPECT_EQ(Field(retry, "response"), response);
  EXPECT_EQ(w.Head(), head);

  // The region submits a JSON body; Aarhus may not answer for the region.
  const std::string body = json{
      {"party", "rm"},
      {"author", {{"name", "Ole Hansen"}}},
      {"points", {{{"text", "Regionen støtter visionerne."}}}},
      {"publication",
       "public"}}.dump();
  const std::string rm_file = WriteFileIn(w.dir, "rm.json", body);
  CliRun as_aarhus =
      Cli(w.server, {"response", "submit", kConsultation, "--file", rm_file}, aarhus);
  EXPECT_EQ(as_aarhus.code, kExitRejected) << as_aarhus.err;
  EXPECT_TRUE(Contains(as_aarhus.err, "(HTTP 403)")) << as_aarhus.err;
  CliRun rm_submit = Cli(w.server, {"response", "submit", kConsultation, "--file", rm_file}, rm);
  ASSERT_EQ(rm_submit.code, kExitOk) << rm_submit.err;
  const std::string rm_response = Field(rm_submit, "response");
  EXPECT_NE(rm_response, response);

  // List and show.
  CliRun list = Cli(w.server, {"response", "list", kConsultation});
  ASSERT_EQ(list.code, kExitOk) << list.err;
  ASSERT_EQ(Lines(list.out).size(), 4u) << list.out;  // header, rule, two responses
  CliRun only_aarhus = Cli(w.server, {"response", "list", kConsultation, "--party", "aarhus"});
  ASSERT_EQ(only_aarhus.code, kExitOk) << only_aarhus.err;
  auto rows = Lines(only_aarhus.out);
  ASSERT_EQ(rows.size(), 3u) << only_aarhus.out;
  EXPECT_EQ(Cells(rows[2]).at(0), response);
  EXPECT_EQ(Cells(rows[2]).at(1), "aarhus");
  EXPECT_EQ(Cells(rows[2]).back(), "2");  // points
  CliRun show = Cli(w.server, {"response", "show", kConsultation, response});
  ASSERT_EQ(show.code, kExitOk) << show.err;
  EXPECT_EQ(Field(show, "author"), "Jane Doe <jane@example.org>");
  EXPECT_TRUE(Contains(show.out, "point 1  section vision-1\n  > " + kQuote + "\n")) << show.out;
  EXPECT_TRUE(Contains(show.out, "  Økonomien bør følge opgaverne.\n")) << show.out;
  CliRun show_json = Cli(w.server, {"--json", "response", "show", kConsultation, response});
  ASSERT_EQ(show_json.code, kExitOk) << show_json.err;
  EXPECT_EQ(show_json.json()["points"].size(), 2u) << show_json.out;

  // Aarhus amends (a third point): revision 2, both revisions listed.
  std::string amended_md = kAarhusMd + "\n## Point 3\nOg en tredje.\n";
  CliRun amend = Cli(w.server,
                     {"response", "amend", kConsultation, response, "--file",
                      WriteFileIn(w.dir, "aarhus-2.md", amended_md)},
                     aarhus);
  ASSERT_EQ(amend.code, kExitOk) << amend.err;
  EXPECT_EQ(Field(amend, "revision"), "2");
  CliRun stale =
      Cli(w.server, {"response", "amend", kConsultation, response, "--file", md, "--if-match", "1"},
          aarhus);
  EXPECT_EQ(stale.code, kExitRejected) << stale.out;
  EXPECT_TRUE(Contains(stale.err, "(HTTP 412)")) << stale.err;
  CliRun revisions = Cli(w.server, {"response", "show", kConsultation, response, "--revisions"});
  ASSERT_EQ(revisions.code, kExitOk) << revisions.err;
  EXPECT_TRUE(Contains(revisions.out, "\nrevisions:\n")) << revisions.out;
  EXPECT_TRUE(Contains(revisions.out, "point 3\n  Og en tredje.\n")) << revisions.out;

  // The region withdraws.
  CliRun withdraw =
      Cli(w.server, {"response", "withdraw", kConsultation, rm_response, "--reason", "Fejl"}, rm);
  ASSERT_EQ(withdraw.code, kExitOk) << withdraw.err;
  EXPECT_EQ(Field(withdraw, "withdrawn"), "true");
  CliRun all = Cli(w.server, {"response", "list", kConsultation});
  ASSERT_EQ(all.code, kExitOk) << all.err;
  EXPECT_TRUE(Contains(all.out, rm_response)) << all.out;

  // The deadline moves once, then a disposition is recorded on point 1.
  CliRun extend = Cli(w.server, {"consultation", "extend", kConsultation, "--closes",
                                 w.At(21 * kDayMs), "--reason", "Sommerferie"});
  ASSERT_EQ(extend.code, kExitOk) << extend.err;
  EXPECT_TRUE(Contains(Field(extend, "closes_at"), "(originally ")) << extend.out;
  EXPECT_EQ(Field(extend, "extensions"), "1");
  EXPECT_TRUE(Contains(extend.out, "Sommerferie")) << extend.out;
  CliRun set =
      Cli(w.server,
          {"disposition", "set", kConsultation, response, "1", "--outcome", "partially_accepted",
           "--rationale", "Koordinatoren indføres", "--changes", w.import_change},
          secretariat);
  ASSERT_EQ(set.code, kExitOk) << set.err;
  EXPECT_EQ(Field(set, "outcome"), "partially_accepted");
  EXPECT_EQ(Field(set, "changes"), w.import_change);
  CliRun disposition = Cli(w.server, {"disposition", "show", kConsultation, response, "1"});
  ASSERT_EQ(disposition.code, kExitOk) << disposition.err;
  EXPECT_EQ(Field(disposition, "outcome"), "partially_accepted") << disposition.out;
  EXPECT_EQ(Field(disposition, "actor"), "secretariat") << disposition.out;
  show = Cli(w.server, {"response", "show", kConsultation, response});
  EXPECT_TRUE(Contains(show.out, "  disposition:  partially_accepted\n")) << show.out;

  // Past the deadline: closed for Aarhus, a late response only via the secretariat.
  w.offset_ms += 22 * kDayMs;
  CliRun state = Cli(w.server, {"consultation", "show", kConsultation});
  ASSERT_EQ(state.code, kExitOk) << state.err;
  EXPECT_EQ(Field(state, "state"), "closed") << state.out;
  for (const std::string& party : {"rm", "aarhus", "samsoe"}) {
    EXPECT_TRUE(Contains(Field(state, "invited"), party)) << state.out;
  }
  CliRun too_late = Cli(w.server, {"response", "submit", kConsultation, "--file", md}, aarhus);
  EXPECT_EQ(too_late.code, kExitRejected) << too_late.err;
  EXPECT_TRUE(Contains(too_late.err, "(HTTP 409)")) << too_late.err;
  CliRun late = Cli(w.server,
                    {"response", "submit", kConsultation, "--file", md, "--party", "samsoe",
                     "--accept-late", "Posten var forsinket"},
                    secretariat);
  EXPECT_EQ(late.code, kExitUsage) << "--party contradicts the file: " << late.err;
  std::string samsoe_md = kAarhusMd;
  samsoe_md.replace(samsoe_md.find("party: aarhus"), 13, "party: samsoe");
  late = Cli(w.server,
             {"response", "submit", kConsultation, "--file",
              WriteFileIn(w.dir, "samsoe.md", samsoe_md), "--accept-late", "Posten var forsinket"},
             secretariat);
  ASSERT_EQ(late.code, kExitOk) << late.err;
  EXPECT_EQ(Field(late, "late"), "true");

  // The report names the parties and the outcome, on stdout and in a file.
  CliRun report = Cli(w.server, {"consultation", "report", kConsultation, "--format", "md"});
  ASSERT_EQ(report.code, kExitOk) << report.err;
  for (const std::string& s :
       {"Aarhus Kommune", "Samsø Kommune", "Region Midtjylland", "Koordinatoren indføres"}) {
    EXPECT_TRUE(Contains(report.out, s)) << s << " in\n" << report.out;
  }
  EXPECT_TRUE(Contains(report.out, "partially_accepted") ||
              Contains(report.out, "partially accepted") ||
              Contains(report.out, "Partially accepted"))
      << report.out;
  // In Danish: the secretariat's "høringsnotat".
  CliRun danish = Cli(w.server, {"consultation", "report", kConsultation, "--lang", "da"});
  ASSERT_EQ(danish.code, kExitOk) << danish.err;
  EXPECT_TRUE(Contains(danish.out, "Høringsnotat")) << danish.out;
  EXPECT_EQ(Cli(w.server, {"consultation", "report", kConsultation, "--lang", "de"}).code,
            kExitUsage);
  const std::string report_path = w.dir.str() + "/report.csv";
  CliRun csv = Cli(w.server, {"consultation", "report", kConsultation, "--format", "csv",
                              "--output", report_path});
  ASSERT_EQ(csv.code, kExitOk) << csv.err;
  EXPECT_TRUE(Contains(ReadFile(report_path), "Koordinatoren indføres")) << ReadFile(report_path);

  CliRun consultations = Cli(w.server, {"consultation", "list", "--agreement", kAgreement});
  ASSERT_EQ(consultations.code, kExitOk) << consultations.err;
  rows = Lines(consultations.out);
  ASSERT_EQ(rows.size(), 3u) << consultations.out;
  EXPECT_EQ(Cells(rows[2]).at(0), kConsultation);
  EXPECT_EQ(Cells(rows[2]).at(3), "closed");
}

TEST(ConsultationCliE2e, RejectionsAndUsageErrors) {
  World w;
  ASSERT_NO_FATAL_FAILURE(OpenConsultation(w));
  const std::uint64_t head = w.Head();

  // Ours (exit 1, nothing sent): bad times, bad outcome, a file without publication.
  EXPECT_EQ(Cli(w.server,
                {"consultation", "open", "c2", "--agreement", kAgreement, "--version", "1",
                 "--title", "T", "--opens", "tomorrow", "--closes", w.At(kDayMs), "--invite", "rm"})
                .code,
            kExitUsage);
  EXPECT_EQ(Cli(w.server, {"disposition", "set", kConsultation, "r-0", "1", "--outcome", "maybe",
                           "--rationale", "x"})
                .code,
            kExitUsage);
  std::string no_publication = kAarhusMd;
  no_publication.erase(no_publication.find("publication: public\n"), 20);
  CliRun bad_md = Cli(w.server, {"response", "submit", kConsultation, "--file",
                                 WriteFileIn(w.dir, "bad.md", no_publication)});
  EXPECT_EQ(bad_md.code, kExitUsage);
  EXPECT_TRUE(Contains(bad_md.err, "line 5: the front matter has no 'publication'")) << bad_md.err;
  EXPECT_EQ(w.Head(), head);

  // The server's (exit 2): unknown ids, a quote not in the text, closing twice.
  CliRun ghost = Cli(w.server, {"consultation", "show", "ghost"});
  EXPECT_EQ(ghost.code, kExitRejected);
  EXPECT_TRUE(Contains(ghost.err, "(HTTP 404)")) << ghost.err;
  std::string bad_quote = kAarhusMd;
  bad_quote.replace(bad_quote.find(kQuote), kQuote.size(), "Dette står ikke i aftalen");
  CliRun quote = Cli(w.server, {"response", "submit", kConsultation, "--file",
                                WriteFileIn(w.dir, "quote.md", bad_quote)});
  EXPECT_EQ(quote.code, kExitRejected) << quote.err;
  EXPECT_TRUE(Contains(quote.err, "quote-not-found")) << quote.err;
  EXPECT_EQ(w.Head(), head);

  CliRun close = Cli(w.server, {"consultation", "close", kConsultation, "--reason", "Aflyst"});
  ASSERT_EQ(close.code, kExitOk) << close.err;
  EXPECT_EQ(Field(close, "state"), "closed");
  EXPECT_TRUE(Contains(Field(close, "closed_at"), "(Aflyst)")) << close.out;
  CliRun again = Cli(w.server, {"consultation", "close", kConsultation});
  EXPECT_EQ(again.code, kExitRejected);
  EXPECT_TRUE(Contains(again.err, "(HTTP 409)")) << again.err;
}

}  // namespace
}  // namespace hoering::testing
