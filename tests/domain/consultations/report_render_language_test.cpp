// The report in Danish (a "høringsnotat") and labels that need escaping; the
// English wording is pinned by report_render_test.cpp.
#include <gtest/gtest.h>

#include <string>

#include "domain/consultations/report_render.h"
#include "tests/domain/consultations/report_labels_fixture.h"
#include "tests/domain/consultations/report_render_fixture.h"
#include "tests/support/contains_all.h"

namespace hoering::consultations {
namespace {

using nlohmann::json;
using namespace report_fixture;
using testing::ContainsAll;

TEST(ReportRenderDanish, MarkdownHeadAndParties) {
  std::string md = RenderReportMarkdown(Report(), DanishLabels());
  EXPECT_EQ(md.rfind("# Høringsnotat: Klimaplan 'Vest' \\<2030\\> & mer\n\n", 0), 0u) << md;
  EXPECT_TRUE(ContainsAll(
      md, {"- **Høring:** cons-1\n- **Aftale:** Klimaavtalen (agr-1)\n",
           "- **Høringsfrist:** 2026-11-15T23:59:00+01:00 (forlænget fra "
           "2026-11-01T23:59:00+01:00)\n  - Forlænget til 2026-11-15T23:59:00+01:00 "
           "(besluttet 2026-10-20T09:00:00Z): Requested by KS\n",
           "- **Status:** Afsluttet\n",
           "- **Dannet:** 2026-11-23T10:00:00Z, ud fra loggen til og med position 123\n",
           "## Høringsparter og indsendte svar\n\n| Høringspart | Type | Inviteret | Svar "
           "modtaget | Efter fristen | Trukket tilbage |\n"}));
  // Values stay as they are (a kind the labels do not name, user text), escaped.
  EXPECT_NE(md.find("| Fagforbundet \\<Vest\\> & \"Co\" \\| Avd. 3 (p1) | union | Ja | Ja | Nej | "
                    "Nej |\n"),
            std::string::npos);
}

TEST(ReportRenderDanish, MarkdownResponsesAndDispositions) {
  std::string md = RenderReportMarkdown(Report(), DanishLabels());
  EXPECT_TRUE(ContainsAll(
      md, {"## Høringssvar\n\n### Fagforbundet",
           "- **Afsender:** Kari Nordmann\n- **Offentliggørelse:** offentlig\n- "
           "**Indsendt:** 2026-11-10T12:00:00Z (første gang indsendt "
           "2026-11-09T08:00:00Z)\n- **Udgave:** 2\n- **Efter fristen:** Nej\n",
           "### Private citizen (r4)\n\n- **Afsender:** anonym\n", "**Resumé:**\n\nThree points.\n",
           "| Fil | Filtype | Størrelse | SHA-256 |\n",
           "| innspill, v2.pdf | application/pdf | 240,0 KiB | 9f86d081884c |\n"}));
  EXPECT_EQ(CountOf(md, "#### Bemærkning "), 6u);
  EXPECT_TRUE(ContainsAll(
      md, {"#### Bemærkning 1\n\nAfsnit: obj-1-1 Reduce emissions\n\n",
           "**Behandling: Imødekommet (registreret 2026-11-20T12:00:00Z)**", "Afsnit: (generelt)\n",
           "**Behandling: Ikke behandlet endnu**", "**Behandling: Delvist imødekommet**",
           "**Behandling: Taget til efterretning**",
           "**Ændring chg-7**\n\nRaised the target\n\n*Afsnit obj-1-1 Reduce emissions "
           "(ændret):*\n",
           "\\<script\\>alert(1)\\</script\\>"}));
}

TEST(ReportRenderDanish, MarkdownTotalsAndNoEnglishLeft) {
  json r = Report();
  std::string md = RenderReportMarkdown(r, DanishLabels());
  EXPECT_NE(md.find("## Samlet\n\n| Behandling | Bemærkninger |\n| --- | ---: |\n"
                    "| Imødekommet | 1 |\n| Delvist imødekommet | 1 |\n| Ikke imødekommet | 1 |\n"
                    "| Taget til efterretning | 1 |\n| Uden for aftalens rammer | 0 |\n"
                    "| Ikke behandlet endnu | 2 |\n\n- Høringssvar: 4\n- Trukket tilbage: 1\n"
                    "- Efter fristen: 1\n- Bemærkninger: 5\n\n"
                    "2 høringssvar vises ikke for denne læser.\n"),
            std::string::npos)
      << md;
  for (const char* english : {"Consultation", "Invited", "Disposition", "Point ", "Section",
                              "Totals", "yes", "| no", "Not yet", "shown to this reader"}) {
    EXPECT_EQ(md.find(english), std::string::npos) << english;
  }
  r["withheld"] = 1;
  EXPECT_NE(RenderReportMarkdown(r, DanishLabels())
                .find("\n1 høringssvar vises ikke for denne "
                      "læser.\n"),
            std::string::npos);
}

TEST(ReportRenderDanish, HtmlIsDanishAndEscaped) {
  std::string html = RenderReportHtml(Report(), DanishLabels());
  EXPECT_EQ(html.rfind("<!doctype html>\n<html lang=\"da\">\n", 0), 0u);
  EXPECT_TRUE(
      ContainsAll(html, {"<title>Høringsnotat: Klimaplan &#39;Vest&#39; &lt;2030&gt; &amp; "
                         "mer</title>",
                         "<h2>Høringsparter og indsendte svar</h2>", "<h2>Høringssvar</h2>",
                         "<h2>Samlet</h2>", "content:\" (trukket tilbage)\"",
                         "<td>Hordaland\nBondelag (p3)</td><td>farmers</td><td>Nej</td><td>Ja</td>"
                         "<td>Ja</td><td>Nej</td>",
                         "<h4>Bemærkning 1</h4>\n<p class=\"section\">Afsnit: obj-1-1 Reduce "
                         "emissions</p>",
                         "<strong>Behandling: Ikke behandlet endnu</strong>",
                         "<tr><td>Uden for aftalens rammer</td><td class=\"num\">0</td></tr>",
                         "<p class=\"withheld\">2 høringssvar vises ikke for denne læser.</p>",
                         "&lt;script&gt;alert(1)&lt;/script&gt;"}));
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(ReportRenderLanguage, EnglishPageKeepsItsLanguageAndWithdrawnMark) {
  std::string html = RenderReportHtml(Report(), EnglishLabels());
  EXPECT_EQ(html.rfind("<!doctype html>\n<html lang=\"en\">\n", 0), 0u);
  EXPECT_NE(html.find(".response.withdrawn>h3::after{content:\" (withdrawn)\";"),
            std::string::npos);
}

TEST(ReportRenderLanguage, LabelsAreEscapedLikeText) {
  json raw = ReportLabelsJson("da");
  raw["heading"] = "<b>*{title}*</b>";
  raw["point"]["heading"] = "_Punkt_ {n} | #";
  raw["response"]["withdrawn_mark"] = "\"</style><script>x\\";
  raw["language_tag"] = "da\"><script>";
  auto labels = ParseReportLabels(raw);
  ASSERT_TRUE(labels.ok()) << labels.status().detail();

  std::string md = RenderReportMarkdown(Report(), *labels);
  EXPECT_EQ(md.rfind("# \\<b\\>\\*Klimaplan 'Vest' \\<2030\\> & mer\\*\\</b\\>\n", 0), 0u) << md;
  EXPECT_NE(md.find("#### \\_Punkt\\_ 1 \\| \\#\n"), std::string::npos);

  std::string html = RenderReportHtml(Report(), *labels);
  EXPECT_EQ(html.rfind("<!doctype html>\n<html lang=\"da&quot;&gt;&lt;script&gt;\">", 0), 0u);
  EXPECT_TRUE(
      ContainsAll(html, {"<h1>&lt;b&gt;*Klimaplan &#39;Vest&#39; &lt;2030&gt; &amp; mer*&lt;/b&gt;"
                         "</h1>",
                         "content:\" \\\"\\3c /style>\\3c script>x\\\\\";"}));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("</style><"), std::string::npos);
}

}  // namespace
}  // namespace hoering::consultations
