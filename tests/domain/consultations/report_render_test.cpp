#include "domain/consultations/report_render.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/domain/consultations/report_labels_fixture.h"
#include "tests/domain/consultations/report_render_fixture.h"
#include "tests/support/contains_all.h"

namespace hoering::consultations {
namespace {

using nlohmann::json;
using namespace report_fixture;
using testing::ContainsAll;

// A strict RFC 4180 reader: records end in CRLF, a bare CR or LF outside quotes fails.
std::vector<std::vector<std::string>> ParseCsv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c != '"') {
        rows.back().back() += c;
      } else if (i + 1 < s.size() && s[i + 1] == '"') {
        rows.back().back() += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      EXPECT_TRUE(rows.back().back().empty()) << "quote inside an unquoted field at " << i;
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r') {
      EXPECT_TRUE(i + 1 < s.size() && s[i + 1] == '\n') << "bare CR at " << i;
      ++i;
      if (i + 1 < s.size()) rows.emplace_back(1);
    } else {
      EXPECT_NE(c, '\n') << "bare LF at " << i;
      rows.back().back() += c;
    }
  }
  EXPECT_FALSE(quoted);
  EXPECT_TRUE(s.size() >= 2 && s.substr(s.size() - 2) == "\r\n");
  return rows;
}

TEST(ReportRender, MarkdownHeadHasFactsAndExtensions) {
  std::string md = RenderReportMarkdown(Report(), EnglishLabels());
  EXPECT_EQ(md.rfind("# Consultation report: Klimaplan 'Vest' \\<2030\\> & mer\n\n", 0), 0u) << md;
  EXPECT_TRUE(
      ContainsAll(md, {"- **Consultation:** cons-1\n", "- **Agreement:** Klimaavtalen (agr-1)\n",
                       "- **Consulted version:** 3 \"Final draft\" (hash abc123)\n",
                       "- **Closes:** 2026-11-15T23:59:00+01:00 (extended from "
                       "2026-11-01T23:59:00+01:00)\n  - Extended to 2026-11-15T23:59:00+01:00 (on "
                       "2026-10-20T09:00:00Z): Requested by KS\n",
                       "- **State:** Closed\n", "- **Close reason:** Deadline passed\n",
                       "- **Generated:** 2026-11-23T10:00:00Z, as of log position 123\n"}));
}

TEST(ReportRender, MarkdownPartiesTableIsEscaped) {
  std::string md = RenderReportMarkdown(Report(), EnglishLabels());
  auto begin = md.find("## Invited parties and respondents\n\n");
  auto end = md.find("## Responses\n");
  ASSERT_NE(begin, std::string::npos);
  ASSERT_LT(begin, end);
  std::string table = md.substr(begin, end - begin);
  EXPECT_TRUE(ContainsAll(
      table, {"| Party | Kind | Invited | Response received | Late | Withdrawn |\n"
              "| --- | --- | --- | --- | --- | --- |\n",
              "| Fagforbundet \\<Vest\\> & \"Co\" \\| Avd. 3 (p1) | union | yes | yes | "
              "no | no |\n",
              "| Naturvernforbundet, \"Hordaland\" (p2) | ngo | yes | yes | no | yes |",
              "| Hordaland<br>Bondelag (p3) | farmers | no | yes | yes | no |\n"}));
  // p4 answered but is not in "parties": it still gets a row, not invited.
  EXPECT_NE(table.find("| Private citizen (p4) |  | no | yes | no | no |\n"), std::string::npos);
  EXPECT_EQ(CountOf(table, "\n|"), 6u);  // header, rule, four parties
}

TEST(ReportRender, MarkdownResponsesPointsAndDispositions) {
  std::string md = RenderReportMarkdown(Report(), EnglishLabels());
  EXPECT_TRUE(ContainsAll(
      md,
      {"### Fagforbundet \\<Vest\\> & \"Co\" \\| Avd. 3 (r1)\n\n- **Author:** Kari "
       "Nordmann\n- **Publication:** public\n- **Submitted:** 2026-11-10T12:00:00Z "
       "(first submitted 2026-11-09T08:00:00Z)\n- **Revision:** 2\n- **Late:** no\n"
       "- **Withdrawn:** no\n",
       "### Private citizen (r4)\n\n- **Author:** anonymous\n", "- **Late:** yes: Postal delay\n",
       "- **Withdrawn:** yes, 2026-11-05T08:00:00Z: Merged into joint response\n",
       "**Summary:**\n\nThree points.\n",
       "| innspill, v2.pdf | application/pdf | 240.0 KiB | 9f86d081884c |\n"}));
  EXPECT_EQ(CountOf(md, "#### Point "), 6u);
  EXPECT_TRUE(ContainsAll(
      md, {"#### Point 1\n\nSection: obj-1-1 Reduce emissions\n\n> cut emissions by 40 "
           "%\n\nWe propose 55 %, not 40 %.\\\nSee attachment.\n\n**Disposition: Accepted "
           "(recorded 2026-11-20T12:00:00Z)**\n\nAgreed \\| in part\n\n",
           "Section: (general)\n\nUse \"plain\" language, please\n\n**Disposition: Not "
           "accepted (recorded 2026-11-20T12:05:00Z)**\n",
           "Add a cycling target.\n\n**Disposition: Not yet decided**\n",
           "**Disposition: Partially accepted**", "**Disposition: Noted**"}));
  // User text cannot inject HTML: every '<' is escaped or one of our <br>.
  for (auto p = md.find('<'); p != std::string::npos; p = md.find('<', p + 1)) {
    EXPECT_TRUE(md[p - 1] == '\\' || md.compare(p, 4, "<br>") == 0) << md.substr(p, 20);
  }
  EXPECT_NE(md.find("\\<script\\>alert(1)\\</script\\>"), std::string::npos);
}

TEST(ReportRender, MarkdownExcerptMarksChangesAndShortensEqualText) {
  std::string md = RenderReportMarkdown(Report(), EnglishLabels());
  EXPECT_NE(md.find("**Change chg-7**\n\nRaised the target\n\n*Section obj-1-1 Reduce emissions "
                    "(modified):*\n\n\xE2\x80\xA6 " +
                    Words(29, 40) + "~~40~~**55** % by 2030.\n"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("w28 "), std::string::npos);

  json r = Report();
  r["responses"][0]["points"][0]["changes"][0]["sections"][0]["excerpt"] =
      json::parse(R"([{"op":"insert","text":"  new  "},{"op":"equal","text":")" + Words(1, 30) +
                  R"("},{"op":"delete","text":"old\nline"},{"op":"equal","text":"end"}])");
  md = RenderReportMarkdown(r, EnglishLabels());
  EXPECT_NE(md.find("  **new**  " + Words(1, 12).substr(0, Words(1, 12).size() - 1) +
                    " \xE2\x80\xA6 " + Words(19, 30) + "~~old~~\\\n~~line~~end\n"),
            std::string::npos)
      << md;
}

TEST(ReportRender, MarkdownTotalsAndWithheld) {
  std::string md = RenderReportMarkdown(Report(), EnglishLabels());
  auto totals = md.find(
      "## Totals\n\n| Outcome | Points |\n| --- | ---: |\n| Accepted | 1 |\n"
      "| Partially accepted | 1 |\n| Not accepted | 1 |\n| Noted | 1 |\n"
      "| Out of scope | 0 |\n| Not yet decided | 2 |\n\n- Responses: 4\n"
      "- Withdrawn: 1\n- Late: 1\n- Points: 5\n\n"
      "2 responses are not shown to this reader.\n");
  EXPECT_NE(totals, std::string::npos) << md;
  EXPECT_GT(totals, md.find("## Responses\n"));

  json r = Report();
  r["withheld"] = 0;
  EXPECT_EQ(RenderReportMarkdown(r, EnglishLabels()).find("not shown to this reader"),
            std::string::npos);
}

TEST(ReportRender, HtmlIsAWholeEscapedPrintablePage) {
  std::string html = RenderReportHtml(Report(), EnglishLabels());
  EXPECT_EQ(html.rfind("<!doctype html>\n", 0), 0u);
  EXPECT_TRUE(
      ContainsAll(html, {"<meta charset=\"utf-8\">",
                         "<title>Consultation report: Klimaplan &#39;Vest&#39; &lt;2030&gt; &amp; "
                         "mer</title>",
                         "@media print{", ".response{page-break-inside:avoid", "ins{",
                         "text-decoration:line-through"}));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_TRUE(
      ContainsAll(html, {"&lt;script&gt;alert(1)&lt;/script&gt;",
                         "<td>Fagforbundet &lt;Vest&gt; &amp; &quot;Co&quot; | Avd. 3 (p1)</td>",
                         "<h3>Naturvernforbundet, &quot;Hordaland&quot; (r2)</h3>"}));
  EXPECT_EQ(html.rfind("</body>\n</html>\n"), html.size() - 16);
}

TEST(ReportRender, HtmlStructureMatchesMarkdown) {
  std::string html = RenderReportHtml(Report(), EnglishLabels());
  auto parties = html.find("<h2>Invited parties and respondents</h2>");
  auto responses = html.find("<h2>Responses</h2>");
  auto totals = html.find("<h2>Totals</h2>");
  ASSERT_NE(totals, std::string::npos);
  EXPECT_LT(parties, responses);
  EXPECT_LT(responses, totals);
  EXPECT_EQ(CountOf(html, "<article class=\"response"), 4u);
  EXPECT_EQ(CountOf(html, "<article class=\"response withdrawn\""), 1u);
  EXPECT_EQ(CountOf(html, "<h4>Point "), 6u);
  EXPECT_EQ(CountOf(html, "<tr><td>"), 4u + 1u + 6u);  // parties, attachment, outcomes
  EXPECT_TRUE(
      ContainsAll(html, {"<td>Hordaland\nBondelag (p3)</td><td>farmers</td><td>no</td><td>yes</td>"
                         "<td>yes</td><td>no</td>",
                         "<div class=\"excerpt\">\xE2\x80\xA6 " + Words(29, 40) +
                             "<del>40</del><ins>55</ins> % by 2030.</div>",
                         "<strong>Disposition: Not yet decided</strong>",
                         "<blockquote>cut emissions by 40 %</blockquote>",
                         "<tr><td>Not yet decided</td><td class=\"num\">2</td></tr>",
                         "<p class=\"withheld\">2 responses are not shown to this reader.</p>"}));
}

TEST(ReportRender, CsvGuardsFieldsASpreadsheetWouldRunAsFormulas) {
  json report = Report();
  auto& point = report["responses"][0]["points"][0];
  point["text"] = "=HYPERLINK(\"http://evil.example\",\"click\")";
  point["quote"] = "+1 at the start";
  report["responses"][0]["party_name"] = "@SUM(A1:A2)";
  auto rows = ParseCsv(RenderReportCsv(report));
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[1][12], "'=HYPERLINK(\"http://evil.example\",\"click\")");
  EXPECT_EQ(rows[1][11], "'+1 at the start");
  EXPECT_EQ(rows[1][3], "'@SUM(A1:A2)");
  EXPECT_EQ(rows[1][8], "2026-11-10T12:00:00Z");  // ordinary fields untouched
  for (const char* risky : {"-2+3", "\tx", "\rx"}) {
    point["text"] = risky;
    EXPECT_EQ(ParseCsv(RenderReportCsv(report))[1][12], std::string("'") + risky) << risky;
  }
}

TEST(ReportRender, CsvIsRfc4180WithOneRowPerPoint) {
  std::string csv = RenderReportCsv(Report());
  EXPECT_EQ(csv.rfind("consultation,response,party,party_name,publication,late,withdrawn,revision,"
                      "submitted_at,point,section,quote,text,outcome,rationale,changes\r\n",
                      0),
            0u);
  EXPECT_TRUE(ContainsAll(csv, {",\"Fagforbundet <Vest> & \"\"Co\"\" | Avd. 3\",public,",
                                ",\"We propose 55 %, not 40 %.\nSee attachment.\","}));
  auto rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), 7u);  // header + 3 + 1 (withdrawn) + 1 (late) + 1 (anonymous)
  for (const auto& row : rows) EXPECT_EQ(row.size(), 16u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{
                         "cons-1", "r1", "p1", "Fagforbundet <Vest> & \"Co\" | Avd. 3", "public",
                         "false", "false", "2", "2026-11-10T12:00:00Z", "1", "obj-1-1",
                         "cut emissions by 40 %", "We propose 55 %, not 40 %.\nSee attachment.",
                         "accepted", "Agreed | in part", "chg-7"}));
  EXPECT_EQ(rows[2][12], "Use \"plain\" language, please");
  EXPECT_EQ(rows[2][13], "not_accepted");
  EXPECT_EQ(rows[2][10], "");
  EXPECT_EQ(rows[3][13], "");  // undecided
  EXPECT_EQ(rows[4][1], "r2");
  EXPECT_EQ(rows[4][3], "Naturvernforbundet, \"Hordaland\"");
  EXPECT_EQ(rows[4][6], "true");
  EXPECT_EQ(rows[5][3], "Hordaland\nBondelag");
  EXPECT_EQ(rows[5][5], "true");
  EXPECT_EQ(rows[5][13], "noted");
  EXPECT_EQ(rows[5][15], "chg-8 chg-9");
  EXPECT_EQ(rows[6][12], "<script>alert(1)</script>");
  EXPECT_EQ(rows[6][13], "partially_accepted");
  int withdrawn = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) withdrawn += rows[i][6] == "true";
  EXPECT_EQ(withdrawn, 1);
}

TEST(ReportRender, MissingAndNullFieldsNeverThrow) {
  const json sparse = json::parse(R"({
    "consultation": {"title": null, "version": null, "extensions": null, "state": 7},
    "parties": "not a list", "totals": null, "withheld": "many", "generated_at": null,
    "responses": [{"points": [{"disposition": null}, {"disposition": {"outcome": null}},
                              {"changes": [{"sections": [{"excerpt": null}, {"excerpt": [1]}]}]},
                              5]},
                  7, null, {"author": {"name": null}, "attachments": [{"size": "big"}, null]}]})");
  for (const json& r : {json(), json::object(), json::array(), json("x"), sparse}) {
    std::string md, html, csv;
    EXPECT_NO_THROW(md = RenderReportMarkdown(r, EnglishLabels())) << r.dump();
    EXPECT_NO_THROW(html = RenderReportHtml(r, EnglishLabels())) << r.dump();
    EXPECT_NO_THROW(csv = RenderReportCsv(r)) << r.dump();
    EXPECT_NE(md.find("## Totals\n"), std::string::npos);
    EXPECT_NE(html.find("</html>"), std::string::npos);
    EXPECT_EQ(csv.rfind("consultation,response,", 0), 0u);
  }
  EXPECT_EQ(ParseCsv(RenderReportCsv(sparse)).size(), 1u + 4u);
  EXPECT_EQ(ParseCsv(RenderReportCsv(json())).size(), 1u);
  EXPECT_NE(RenderReportMarkdown(sparse, EnglishLabels()).find("**Disposition: Not yet decided**"),
            std::string::npos);
}

}  // namespace
}  // namespace hoering::consultations
