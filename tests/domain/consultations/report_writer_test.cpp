// The report written in pieces (report_pieces.h, report_writer.h) is the
// whole document, byte for byte, in every format and language and for every
// kind of reader.
#include "domain/consultations/report_writer.h"

#include <gtest/gtest.h>

#include "domain/consultations/report.h"
#include "domain/consultations/report_render.h"
#include "tests/domain/consultations/domain_fixture.h"
#include "tests/domain/consultations/report_input_fixture.h"
#include "tests/domain/consultations/report_labels_fixture.h"
#include "tests/domain/consultations/report_render_fixture.h"

namespace hoering::consultations {
namespace {

using nlohmann::json;
using namespace dtest;  // NOLINT

constexpr TimeMs kExtendedTo = kClosesAt + 2 * kDay;
constexpr TimeMs kAfterExtendedClose = kExtendedTo + 5 * kDay;

// The pieces as a server streams them: a first pass over the responses, the
// head, a second pass giving the entries, the tail.
std::string Streamed(const ReportInput& in, ReportFormat format, const ReportLabels& labels) {
  ReportTally tally(in);
  for (const auto& r : in.responses) tally.Add(*r);
  auto writer = MakeReportWriter(format, labels);
  std::string out;
  writer->Head(ReportHead(in, tally), out);
  ReportBody body(in, tally);
  for (const auto& r : in.responses) {
    if (auto entry = body.Add(*r)) writer->Response(*entry, out);
  }
  writer->Tail(body.Tail(), out);
  return out;
}

// The whole document, as the renderers make it.
std::string Whole(const json& report, ReportFormat format, const ReportLabels& labels) {
  switch (format) {
    case ReportFormat::kMarkdown:
      return RenderReportMarkdown(report, labels);
    case ReportFormat::kHtml:
      return RenderReportHtml(report, labels);
    case ReportFormat::kCsv:
      return RenderReportCsv(report);
    case ReportFormat::kJson:
      break;
  }
  return report.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Every format, with the name a failure shows.
constexpr std::pair<ReportFormat, const char*> kFormats[] = {{ReportFormat::kJson, "json"},
                                                             {ReportFormat::kMarkdown, "md"},
                                                             {ReportFormat::kHtml, "html"},
                                                             {ReportFormat::kCsv, "csv"}};

// Consultation h-1 (invited region-midt, aarhus), extended once; c-2 edits
// "samarbejde", c-3 adds a section.
//   r-1 aarhus, public, amended; point 1 accepted with c-2, point 2 cited by c-3
//   r-2 region-midt, anonymous, withdrawn; point 1 noted
//   r-3 odense (not invited), private; point 1 partially accepted
//   r-4 viborg (not invited), public, late
//   r-5 aarhus, anonymous, no summary
class ReportWriterTest : public ReportInputTest {
 protected:
  void SetUp() override {
    w.Open();
    w.Extend(kExtendedTo, kDuring);
    w.agreement.MustChange(
        json::array({{{"op", "edit"},
                      {"id", "samarbejde"},
                      {"body", "Parterne samarbejder tæt om sundhed og trivsel."}}}),
        "Høringssvar fra Aarhus");
    w.agreement.MustChange(json::array({agreements::testing::Add("ny", "Ny")}), "Tilføjet");
    w.Submit("r-1", SubmissionBody("aarhus", "public"), kDuring);
    json amended = SubmissionBody("aarhus", "public");
    amended["summary"] = "Rettet: | * # <b>fed</b>\nanden linje";
    w.Amend("r-1", amended, kDuring + 1);
    w.Submit("r-2", SubmissionBody("region-midt", "anonymous"), kDuring + 2);
    w.Withdraw("r-2", kDuring + 3);
    w.Submit("r-3", SubmissionBody("odense", "private"), kDuring + 4);
    json late = SubmissionBody("viborg", "public");
    late["points"] = json::array({{{"text", "=SUM(A1) for sent"}}});
    late["accept_late"] = {{"reason", "Posten"}};
    w.Submit("r-4", late, kExtendedTo + 1);
    json anonymous = SubmissionBody("aarhus", "anonymous");
    anonymous.erase("summary");
    w.Submit("r-5", anonymous, kDuring + 5);
    w.Dispose("r-1", 1, Outcome::kAccepted, kExtendedTo + kDay, {"c-2"});
    w.Dispose("r-2", 1, Outcome::kNoted, kExtendedTo + kDay);
    w.Dispose("r-3", 1, Outcome::kPartiallyAccepted, kExtendedTo + kDay);

    FillInput({"r-1", "r-2", "r-3", "r-4", "r-5"});
    in.party = [](const std::string& p) -> std::optional<PartyFacts> {
      if (p == "aarhus") return PartyFacts{"Aarhus Kommune", "municipality"};
      if (p == "viborg") return PartyFacts{"Viborg \"Kommune\"", "municipality"};
      return std::nullopt;
    };
    in.cited_by = [](const std::string& r, std::uint32_t n) -> std::vector<std::string> {
      if (r == "r-1" && n == 2) return {"c-3"};
      return {};
    };
    in.as_of_position = 4242;
    auto excerpts = ChangeExcerpts(w.agreement.events(), ChangesInReport(in));
    ASSERT_TRUE(excerpts.ok()) << excerpts.status().detail();
    in.excerpts = *excerpts;
  }

  // Every format and language for this reader at this time.
  void ExpectStreamedIsWhole(const Reader& reader, TimeMs now) {
    in.reader = reader;
    in.now = now;
    const json report = BuildReport(in);
    for (const ReportLabels* labels : {&EnglishLabels(), &DanishLabels()}) {
      for (const auto& [f, name] : kFormats) {
        EXPECT_EQ(Streamed(in, f, *labels), Whole(report, f, *labels))
            << name << " " << labels->language_tag;
      }
    }
  }
};

TEST_F(ReportWriterTest, StreamedIsWholeForAPrivilegedReader) {
  ExpectStreamedIsWhole({true, std::nullopt}, kAfterExtendedClose);
  // The report shows what the scenario promises (so the comparison covers it).
  const json r = BuildReport(in);
  ASSERT_EQ(r["responses"].size(), 5u);
  EXPECT_EQ(r["responses"][0]["revision"], 2);
  EXPECT_EQ(r["responses"][1]["withdrawn"], true);
  EXPECT_EQ(r["responses"][3]["late"], true);
  EXPECT_EQ(r["responses"][0]["points"][0]["changes"][0]["change"], "c-2");
  EXPECT_FALSE(r["responses"][0]["points"][0]["changes"][0]["sections"].empty());
  EXPECT_EQ(r["responses"][0]["points"][1]["changes"][0]["change"], "c-3");
  EXPECT_EQ(r["consultation"]["extensions"].size(), 1u);
  EXPECT_EQ(r["withheld"], 0);
}

TEST_F(ReportWriterTest, StreamedIsWholeForAnonymousReadersAfterClose) {
  ExpectStreamedIsWhole({}, kAfterExtendedClose);
  const json r = BuildReport(in);
  EXPECT_EQ(r["withheld"], 2);  // r-2 withdrawn, r-3 private
  ASSERT_EQ(r["responses"].size(), 3u);
  EXPECT_TRUE(r["responses"][2]["author"].is_null());  // r-5, anonymous
}

TEST_F(ReportWriterTest, StreamedIsWholeWhenEverythingIsWithheld) {
  ExpectStreamedIsWhole({}, kDuring + 10);
  const json r = BuildReport(in);
  EXPECT_TRUE(r["responses"].empty());
  EXPECT_EQ(r["withheld"], 5);
}

TEST_F(ReportWriterTest, StreamedIsWholeForAStakeholder) {
  ExpectStreamedIsWhole({false, std::string("odense")}, kAfterExtendedClose);
  const json r = BuildReport(in);
  EXPECT_EQ(r["withheld"], 1);  // r-2 withdrawn; r-3 is odense's own
  EXPECT_EQ(r["responses"][1]["id"], "r-3");
}

TEST_F(ReportWriterTest, JsonPiecesKeepTheDocumentsKeyOrder) {
  in.reader = {true, std::nullopt};
  in.now = kAfterExtendedClose;
  const std::string text = Streamed(in, ReportFormat::kJson, EnglishLabels());
  const std::vector<std::string> keys = {"as_of_position", "consultation", "generated_at",
                                         "parties",        "responses",    "totals",
                                         "withheld"};
  std::size_t at = 0;
  for (const auto& k : keys) {
    const auto found = text.find("\"" + k + "\":", at);
    ASSERT_NE(found, std::string::npos) << k;
    at = found;
  }
  EXPECT_EQ(json::parse(text), BuildReport(in));
}

TEST(ReportWriter, WholeJsonIsTheDump) {
  const json report = json::parse(report_fixture::kReport);
  auto writer = MakeReportWriter(ReportFormat::kJson, DanishLabels());
  EXPECT_EQ(RenderWhole(*writer, report), Whole(report, ReportFormat::kJson, DanishLabels()));
}

TEST(ReportWriter, AWholeDocumentsHeadListsPartiesOnlyItsResponsesName) {
  // The fixture's last response names party p4, which "parties" lacks.
  const json report = json::parse(report_fixture::kReport);
  const std::string md = RenderReportMarkdown(report, EnglishLabels());
  EXPECT_NE(md.find("| Private citizen (p4) |"), std::string::npos) << md;
  const std::string html = RenderReportHtml(report, EnglishLabels());
  EXPECT_NE(html.find("<td>Private citizen (p4)</td>"), std::string::npos) << html;
}

TEST(ReportWriter, JsonReplacesInvalidUtf8AsTheServerDoes) {
  json report = json::parse(report_fixture::kReport);
  report["responses"][0]["summary"] = std::string("bad \xC3\x28 byte");
  report["consultation"]["title"] = std::string("\xFF title");
  auto writer = MakeReportWriter(ReportFormat::kJson, EnglishLabels());
  const std::string text = RenderWhole(*writer, report);
  EXPECT_EQ(text, report.dump(-1, ' ', false, json::error_handler_t::replace));
  EXPECT_NE(text.find("\xEF\xBF\xBD title"), std::string::npos);
}

}  // namespace
}  // namespace hoering::consultations
