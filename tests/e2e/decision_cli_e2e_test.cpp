// `hoering decision ...` and `hoering agreement ratification|obligations|
// obligation-done` in-process against a real server (RocksDB, HTTP) whose
// clock stands still at 2024-06-01: decisions recorded from flags and from a
// JSON file, a condition fulfilled, ratification concluded once every
// required council approved, the obligations of a 2023-2026 term with an
// overdue review that is then done. Plus rejections and usage errors.
#include <gtest/gtest.h>

#include <array>
#include <fstream>

#include "domain/time.h"
#include "tests/e2e/cli_harness.h"
#include "tests/support/temp_dir.h"

namespace hoering::testing {
namespace {

// The table row (split into cells) whose first cell is `key`.
std::vector<std::string> Row(const std::string& text, const std::string& key) {
  for (const auto& line : Lines(text)) {
    auto cells = Cells(line);
    if (!cells.empty() && cells[0] == key) return cells;
  }
  return {};
}

struct DecisionWorld {
  TestServer server{[] { return *ParseRfc3339("2024-06-01T12:00:00Z"); }};
  TempDir dir;
  std::string final_hash;
};

// Parties, an agreement in force from 2023-01-01 for 4 years, version 1 "final".
void Prepare(DecisionWorld& w) {
  for (auto [id, name, kind] : std::vector<std::array<std::string, 3>>{
           {"rm", "Region Midtjylland", "region"},
           {"aarhus", "Aarhus Kommune", "municipality"},
           {"samsoe", "Samsø Kommune", "municipality"},
           {"ssu", "Sundhedssamarbejdsudvalget", "committee"}}) {
    CliRun r = Cli(w.server, {"parties", "add", "--id", id, "--name", name, "--kind", kind});
    ASSERT_EQ(r.code, kExitOk) << r.err;
  }
  CliRun create = Cli(w.server, {"agreement", "create", "--id", "sa", "--title", "Sundhedsaftalen",
                                 "--entry-into-force", "2023-01-01", "--years", "4", "--party",
                                 "rm", "--party", "aarhus", "--party", "samsoe", "--party", "ssu"});
  ASSERT_EQ(create.code, kExitOk) << create.err;
  ASSERT_EQ(Cli(w.server, {"agreement", "import", "sa", kAgreementFixture}).code, kExitOk);
  CliRun publish = Cli(w.server, {"agreement", "publish", "sa", "--label", "final"});
  ASSERT_EQ(publish.code, kExitOk) << publish.err;
  w.final_hash = Field(publish, "hash");
  ASSERT_EQ(w.final_hash.size(), 64u) << publish.out;
}

CliRun Approve(DecisionWorld& w, const std::string& id, const std::string& body, const std::string& party,
               const std::string& token) {
  return Cli(
      w.server,
      {"decision", "record", id, "--body", body, "--party", party, "--meeting-date", "2024-05-20",
       "--agreement", "sa", "--version", "1", "--outcome", "approved", "--final"},
      token);
}

TEST(DecisionCliE2e, FromDecisionsToRatificationAndObligations) {
  DecisionWorld w;
  ASSERT_NO_FATAL_FAILURE(Prepare(w));
  const std::string secretariat = w.server.IssueToken("secretariat");

  // A committee's recommendation with conditions, from flags.
  CliRun ssu = Cli(w.server,
                   {"decision",
                    "record",
                    "ssu-2024-05-01",
                    "--body",
                    "Sundhedssamarbejdsudvalget",
                    "--party",
                    "ssu",
                    "--meeting-date",
                    "2024-05-01",
                    "--agreement",
                    "sa",
                    "--version",
                    "final",
                    "--outcome",
                    "approved_with_conditions",
                    "--condition",
                    "Report on coordinators|aarhus|2024-05-15",
                    "--condition",
                    "Yearly status|rm|2024-12-31",
                    "--recommendation",
                    "Follow the indicators yearly",
                    "--absent",
                    "Jens Hansen",
                    "--case-ref",
                    "SSU 24/17",
                    "--note",
                    "Unanimous"},
                   secretariat);
  ASSERT_EQ(ssu.code, kExitOk) << ssu.err;
  EXPECT_EQ(Field(ssu, "id"), "ssu-2024-05-01");
  EXPECT_EQ(Field(ssu, "version"), "1 \"final\"");
  EXPECT_EQ(Field(ssu, "version_hash"), w.final_hash);
  EXPECT_EQ(Field(ssu, "outcome"), "approved_with_conditions");
  EXPECT_EQ(Field(ssu, "final_for_party"), "no");
  EXPECT_EQ(Field(ssu, "conditions"), "2 (2 open)");
  EXPECT_EQ(Field(ssu, "position"), std::to_string(w.server.store().Head().position));

  // The region's final approval, from a JSON file.
  const std::string file = w.dir.str() + "/rm.json";
  std::ofstream(file) << json{{"id", "rr-2024-05-15"},
                              {"body", {{"name", "Regionsrådet"}, {"party", "rm"}}},
                              {"meeting_date", "2024-05-15"},
                              {"subject", {{"agreement", "sa"}, {"version", 1}}},
                              {"outcome", "approved"},
                              {"final_for_party", true}}
                             .dump();
  CliRun rm = Cli(w.server, {"decision", "record", "--file", file}, secretariat);
  ASSERT_EQ(rm.code, kExitOk) << rm.err;
  EXPECT_EQ(Field(rm, "id"), "rr-2024-05-15");
  EXPECT_EQ(Field(rm, "final_for_party"), "yes");
  EXPECT_EQ(Field(rm, "version_hash"), w.final_hash);
  CliRun rm_json = Cli(w.server, {"--json", "decision", "show", "rr-2024-05-15"});
  ASSERT_EQ(rm_json.code, kExitOk) << rm_json.err;
  EXPECT_EQ(rm_json.json()["body"]["name"], "Regionsrådet");

  // Not concluded yet; the first condition is overdue (today is 2024-06-01).
  CliRun before = Cli(w.server, {"agreement", "ratification", "sa"}, "");
  ASSERT_EQ(before.code, kExitOk) << before.err;
  EXPECT_EQ(Field(before, "concluded"), "no") << before.out;
  EXPECT_EQ(Row(before.out, "rm"),
            (std::vector<std::string>{"rm", "region", "yes", "approved", "rr-2024-05-15"}))
      << before.out;
  EXPECT_EQ(Row(before.out, "aarhus"),
            (std::vector<std::string>{"aarhus", "municipality", "yes", "pending"}))
      << before.out;
  EXPECT_EQ(Row(before.out, "ssu"), (std::vector<std::string>{"ssu", "committee", "no", "pending"}))
      << before.out;
  EXPECT_EQ(Row(before.out, "ssu-2024-05-01"),
            (std::vector<std::string>{"ssu-2024-05-01", "1", "aarhus", "2024-05-15 OVERDUE",
                                      "Report on coordinators"}))
      << before.out;
  EXPECT_TRUE(Contains(before.out, "Follow the indicators yearly")) << before.out;
  bool yearly = false;  // the second condition is open, not overdue
  for (const auto& line : Lines(before.out)) {
    if (!Contains(line, "Yearly status")) continue;
    yearly = true;
    EXPECT_TRUE(Contains(line, "2024-12-31")) << line;
    EXPECT_FALSE(Contains(line, "OVERDUE")) << line;
  }
  EXPECT_TRUE(yearly) << before.out;

  // Fulfil condition 1; show lists it as fulfilled with the evidence.
  CliRun fulfil =
      Cli(w.server,
          {"decision", "fulfil", "ssu-2024-05-01", "1", "--evidence", "Report sent 2024-05-14"},
          secretariat);
  ASSERT_EQ(fulfil.code, kExitOk) << fulfil.err;
  EXPECT_EQ(Field(fulfil, "condition"), "1") << fulfil.out;
  CliRun twice = Cli(w.server, {"decision", "fulfil", "ssu-2024-05-01", "1", "--evidence", "again"},
                     secretariat);
  EXPECT_EQ(twice.code, kExitRejected);
  EXPECT_TRUE(Contains(twice.err, "condition-fulfilled")) << twice.err;
  CliRun show = Cli(w.server, {"decision", "show", "ssu-2024-05-01"});
  ASSERT_EQ(show.code, kExitOk) << show.err;
  EXPECT_EQ(Field(show, "conditions"), "2 (1 open)");
  EXPECT_EQ(Field(show, "case_ref"), "SSU 24/17");
  EXPECT_EQ(Field(show, "absent"), "Jens Hansen");
  auto one = Row(show.out, "1");
  ASSERT_EQ(one.size(), 6u) << show.out;
  EXPECT_EQ(one[3].rfind("yes ", 0), 0u) << show.out;
  EXPECT_EQ(one[4], "Report sent 2024-05-14");
  EXPECT_EQ(Row(show.out, "2")[3], "no") << show.out;

  // Both municipalities approve: concluded.
  ASSERT_EQ(Approve(w, "bs-aarhus", "Byrådet", "aarhus", secretariat).code, kExitOk);
  CliRun still = Cli(w.server, {"agreement", "ratification", "sa", "--version", "final"});
  EXPECT_EQ(Field(still, "concluded"), "no") << still.out;
  ASSERT_EQ(Approve(w, "ks-samsoe", "Kommunalbestyrelsen", "samsoe", secretariat).code, kExitOk);
  CliRun after = Cli(w.server, {"agreement", "ratification", "sa"});
  ASSERT_EQ(after.code, kExitOk) << after.err;
  EXPECT_EQ(Field(after, "concluded"), "yes") << after.out;
  EXPECT_EQ(Row(after.out, "samsoe")[4], "ks-samsoe") << after.out;
  EXPECT_FALSE(Contains(after.out, "OVERDUE")) << after.out;
  CliRun after_json = Cli(w.server, {"--json", "agreement", "ratification", "sa"});
  EXPECT_EQ(after_json.json()["concluded"], true);

  CliRun list = Cli(w.server, {"decision", "list", "--agreement", "sa"});
  ASSERT_EQ(list.code, kExitOk) << list.err;
  EXPECT_EQ(Lines(list.out).size(), 2u + 4u) << list.out;
  EXPECT_EQ(Row(list.out, "ssu-2024-05-01")[8], "1/2 open") << list.out;

  // Obligations of 2023-01-01 + 4 years, seen on 2024-06-01.
  CliRun obligations = Cli(w.server, {"agreement", "obligations", "sa"});
  ASSERT_EQ(obligations.code, kExitOk) << obligations.err;
  EXPECT_EQ(Field(obligations, "expires"), "2027-01-01");
  EXPECT_EQ(Row(obligations.out, "entry-into-force")[3], "reached") << obligations.out;
  auto review = Row(obligations.out, "review-2024");
  ASSERT_GE(review.size(), 4u) << obligations.out;
  EXPECT_EQ(review[1], "duty");
  EXPECT_EQ(review[2], "2024-01-01");
  EXPECT_EQ(review[3], "OVERDUE");
  EXPECT_EQ(Row(obligations.out, "midway-status")[3], "due") << obligations.out;
  EXPECT_EQ(Row(obligations.out, "expiry")[3], "upcoming") << obligations.out;

  CliRun done = Cli(
      w.server,
      {"agreement", "obligation-done", "sa", "review-2024", "--evidence", "SSU minutes 2024-05-01"},
      secretariat);
  ASSERT_EQ(done.code, kExitOk) << done.err;
  EXPECT_EQ(Field(done, "obligation"), "review-2024") << done.out;
  CliRun done_again =
      Cli(w.server, {"agreement", "obligation-done", "sa", "review-2024", "--evidence", "x"},
          secretariat);
  EXPECT_EQ(done_again.code, kExitRejected);
  CliRun now = Cli(w.server, {"agreement", "obligations", "sa"});
  EXPECT_EQ(Row(now.out, "review-2024")[3], "done") << now.out;
  EXPECT_TRUE(Contains(now.out, "SSU minutes 2024-05-01")) << now.out;
  EXPECT_FALSE(Contains(now.out, "OVERDUE")) << now.out;
}

TEST(DecisionCliE2e, RejectionsAndUsageErrors) {
  DecisionWorld w;
  ASSERT_NO_FATAL_FAILURE(Prepare(w));
  // Missing flags, a malformed condition, a bad date: nothing is sent.
  CliRun missing = Cli(w.server, {"decision", "record", "x", "--body", "B", "--party", "rm"});
  EXPECT_EQ(missing.code, kExitUsage);
  EXPECT_TRUE(Contains(missing.err, "--meeting-date")) << missing.err;
  std::vector<std::string> base = {
      "decision",   "record",      "x",  "--body",    "B", "--party",   "rm",      "--meeting-date",
      "2024-05-01", "--agreement", "sa", "--version", "1", "--outcome", "approved"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return Cli(w.server, args);
  };
  EXPECT_EQ(with({"--condition", "no parts"}).code, kExitUsage);
  EXPECT_EQ(with({"--condition", "text|rm|2024-13-01"}).code, kExitUsage);
  EXPECT_EQ(with({"--outcome", "maybe"}).code, kExitUsage);
  EXPECT_EQ(Cli(w.server, {"decision", "record", "--file", w.dir.str() + "/none.json"}).code,
            kExitUsage);
  EXPECT_EQ(Cli(w.server, {"decision", "record", "--file", "x.json", "--body", "B"}).code,
            kExitUsage);
  // The server refuses: an unpublished version, an unknown party, no token.
  std::vector<std::string> v9 = base;
  v9[12] = "9";
  CliRun unpublished = Cli(w.server, v9);
  EXPECT_EQ(unpublished.code, kExitRejected);
  EXPECT_TRUE(Contains(unpublished.err, "version-not-published")) << unpublished.err;
  CliRun unknown = with({"--condition", "text|nobody|2024-12-01"});
  EXPECT_EQ(unknown.code, kExitRejected);
  EXPECT_TRUE(Contains(unknown.err, "unknown-party")) << unknown.err;
  std::vector<std::string> anonymous_args = base;
  EXPECT_EQ(Cli(w.server, anonymous_args, "").code, kExitRejected);
  ASSERT_EQ(with({}).code, kExitOk);
  EXPECT_EQ(with({}).code, kExitRejected);  // decision-exists
  EXPECT_EQ(Cli(w.server, {"decision", "show", "nope"}).code, kExitRejected);
  EXPECT_EQ(Cli(w.server, {"decision", "fulfil", "x", "1", "--evidence", "e"}).code, kExitRejected);
  EXPECT_EQ(Cli(w.server, {"agreement", "ratification", "nope"}).code, kExitRejected);
  EXPECT_EQ(Cli(w.server, {"agreement", "obligation-done", "sa", "expiry", "--evidence", "e"}).code,
            kExitRejected);
}

}  // namespace
}  // namespace hoering::testing
