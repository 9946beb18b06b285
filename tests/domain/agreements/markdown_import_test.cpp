#include "domain/agreements/markdown_import.h"

#include <gtest/gtest.h>

#include "agreement_fixture.h"
#include "domain/agreements/apply_ops.h"
#include "domain/agreements/text_json.h"

namespace hoering::agreements {
namespace {

using nlohmann::json;
using testing::History;

// Imports md into `base` (empty by default) and returns the resulting text.
SectionTree Import(std::string_view md, const SectionTree& base = {}, const IdSet& used = {}) {
  auto doc = ParseMarkdown(md);
  EXPECT_TRUE(doc.ok()) << doc.status().detail();
  if (!doc.ok()) return {};
  auto ops = PlanImport(base, used, *doc);
  EXPECT_TRUE(ops.ok()) << ops.status().detail();
  SectionTree t = base;
  if (ops.ok() && !ops->empty()) {
    Status s = ApplyOps(t, ops.value(), used, ApplyMode::kValidate);
    EXPECT_TRUE(s.ok()) << s.detail();
  }
  return t;
}

Status ParseError(std::string_view md) {
  auto doc = ParseMarkdown(md);
  EXPECT_FALSE(doc.ok()) << md;
  return doc.ok() ? Status::Ok() : doc.status();
}

TEST(MarkdownImport, HeadingsNestByLevelAndTextBecomesBodies) {
  SectionTree t = Import(
      "<!-- source: a test -->\n\n"
      "# Intro\n\nFirst para.\n\nSecond *para*.\n\n"
      "## Part A\ntext a\n"
      "#### Deep (skips a level)\n"
      "## Part B\n\n"
      "# Second chapter\n\n- list\n- # not a heading\n\n```\n# code\n```\n");
  ASSERT_EQ(t.Children("").size(), 2u);
  const Section* intro = t.Find("intro");
  ASSERT_NE(intro, nullptr);
  EXPECT_EQ(intro->body, "First para.\n\nSecond *para*.");
  EXPECT_EQ(intro->kind, SectionKind::kChapter);  // top level -> chapter
  EXPECT_EQ(t.Children("intro"), (std::vector<std::string>{"part-a", "part-b"}));
  EXPECT_EQ(t.Find("part-a")->body, "text a");
  EXPECT_EQ(t.Find("part-a")->kind, SectionKind::kText);
  EXPECT_EQ(t.Find("deep-skips-a-level")->parent, "part-a");
  EXPECT_EQ(t.Find("second-chapter")->body, "- list\n- # not a heading\n\n```\n# code\n```");
}

TEST(MarkdownImport, AnnotationsGiveIdsAndKinds) {
  SectionTree t = Import(
      "# Visioner {#kap-2 kind=chapter}\n"
      "## Sammenhæng og tryghed {kind=vision #vision-1}\n"
      "## Set {a, b}\n"
      "## Closing hashes ##\n"
      "## Kept # {#k}\n");
  EXPECT_EQ(t.Find("kap-2")->heading, "Visioner");
  EXPECT_EQ(t.Find("vision-1")->kind, SectionKind::kVision);
  EXPECT_EQ(t.Find("vision-1")->heading, "Sammenhæng og tryghed");
  EXPECT_EQ(t.Find("set-a-b")->heading, "Set {a, b}");  // not an annotation
  EXPECT_EQ(t.Find("closing-hashes")->heading, "Closing hashes");
  EXPECT_EQ(t.Find("k")->heading, "Kept #");
}

TEST(MarkdownImport, KindsAreInferredFromHeadingWords) {
  SectionTree t = Import(
      "Chapter 1: Setup\n================\n"
      "## Vision: near care\n## Focus area 2 - data\n### Objective 2.1\n#### Indicator: waits\n"
      "## Principles\n## Principle 1\n## Visionary\n");
  EXPECT_EQ(t.Find("chapter-1-setup")->kind, SectionKind::kChapter);  // setext heading
  EXPECT_EQ(t.Find("vision-near-care")->kind, SectionKind::kVision);
  EXPECT_EQ(t.Find("focus-area-2-data")->kind, SectionKind::kFocusArea);
  EXPECT_EQ(t.Find("objective-2-1")->kind, SectionKind::kObjective);
  EXPECT_EQ(t.Find("indicator-waits")->kind, SectionKind::kIndicator);
  EXPECT_EQ(t.Find("principles")->kind, SectionKind::kText);  // "principle" + letter
  EXPECT_EQ(t.Find("principle-1")->kind, SectionKind::kPrinciple);
  EXPECT_EQ(t.Find("visionary")->kind, SectionKind::kText);
}

TEST(MarkdownImport, GeneratedIdsAvoidExplicitOnesLaterInTheDocument) {
  SectionTree t = Import("# Intro\n# Other {#intro}\n");
  EXPECT_EQ(t.Find("intro")->heading, "Other");
  EXPECT_EQ(t.Find("intro-2")->heading, "Intro");
}

TEST(MarkdownImport, ErrorsNameTheLine) {
  EXPECT_EQ(ParseError("Preamble text\n\n# H\n").detail(),
            "line 1: text before the first heading belongs to no section");
  EXPECT_EQ(ParseError("# A {#a}\n\n# B {#a}\n").detail(),
            "line 3: id 'a' is used twice (first on line 1)");
  EXPECT_EQ(
      ParseError("# A {#a kind=poem}\n").detail(),
      "line 1: unknown kind 'poem' (one of: chapter, vision, focus_area, objective, indicator, "
      "principle, text)");
  EXPECT_EQ(ParseError("# A {#a colour=red}\n").detail(),
            "line 1: unknown or repeated heading attribute 'colour=red' (use {#id kind=k})");
  EXPECT_EQ(ParseError("# A {#Bad}\n").code(), Code::kUnprocessable);
  EXPECT_EQ(ParseError("#\n").detail(), "line 1: heading is empty");
  EXPECT_EQ(ParseError("# A\n\n```\nunclosed\n").detail(),
            "line 1: body leaves a Markdown block open (an unclosed code fence or HTML comment?)");
  Status utf8 = ParseError("# A\n\xff\n");
  EXPECT_EQ(utf8.code(), Code::kInvalidArgument);
  EXPECT_EQ(utf8.type(), "invalid-markdown");
}

TEST(MarkdownImport, ExportImportsBackToTheSameText) {
  SectionTree t = Import(
      "# A {#a kind=chapter}\n\nBody with `code` and \\# escaped.\n\n    indented code\n"
      "## B # {#b kind=objective}\n## Braces {x} {#c kind=text}\n### Deep {#d kind=indicator}\n"
      "# E {#e kind=principle}\n");
  std::string md = RenderMarkdown(t);
  SectionTree back = Import(md);
  EXPECT_EQ(CanonicalText(back), CanonicalText(t));
  EXPECT_EQ(back.Find("b")->heading, "B #");
  EXPECT_EQ(back.Find("c")->heading, "Braces {x}");
  // Re-importing the export against the same text changes nothing.
  auto ops = PlanImport(t, {}, *ParseMarkdown(md));
  ASSERT_TRUE(ops.ok());
  EXPECT_TRUE(ops->empty());
}

TEST(MarkdownImport, ReimportKeepsIdsAndPlansMinimalOps) {
  SectionTree base =
      Import("# A {#a}\nalpha\n## A1 {#a1}\n## A2 {#a2}\n# B {#b}\n# C {#c}\n## C1 {#c1}\n");
  auto doc = ParseMarkdown(
      "# A {#a}\nalpha, edited\n## A2 {#a2}\n## A1 {#a1}\n## New one\n# C {#c kind=vision}\n");
  ASSERT_TRUE(doc.ok());
  auto ops = PlanImport(base, {}, *doc);
  ASSERT_TRUE(ops.ok()) << ops.status().detail();
  EXPECT_EQ(OpsToJson(*ops), json::parse(R"([
    {"op":"edit","id":"a","body":"alpha, edited"},
    {"op":"move","id":"a2","parent":"a","after":""},
    {"op":"add","section":{"id":"new-one","kind":"text","heading":"New one","body":""},"parent":"a","after":"a1"},
    {"op":"edit","id":"c","kind":"vision"},
    {"op":"remove","id":"b"},
    {"op":"remove","id":"c1"}])"));
}

TEST(MarkdownImport, DecideImportRecordsOneChangeSet) {
  History h;
  h.Create();
  auto r = DecideImport(h.State(), {"# A {#a}\n\nText.\n", "", {}});
  ASSERT_TRUE(r.ok()) << r.status().detail();
  EXPECT_EQ((*r)[0].data["source"], "markdown-import");
  EXPECT_EQ((*r)[0].data["rationale"], "Imported from Markdown");
  h.Append(*r);
  auto again = DecideImport(h.State(), {"# A {#a}\n\nText.\n", "", {}});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().type(), "empty-change-set");
}

// The real agreement text (seed 001, cleaned by scripts/seed_to_markdown.py).
class SeedAgreement : public ::testing::Test {
 protected:
  void SetUp() override {
    md = testing::ReadFixture("agreement-2024-2027.md");
    ASSERT_FALSE(md.empty());
    h.Create();
    h.Apply(DecideImport(h.State(), {md, "Consultation draft from the PDF", {}}));
    text = h.State().text();
  }
  std::vector<const Section*> OfKind(SectionKind k, const std::string& under = "") const {
    std::vector<const Section*> out;
    text.Walk([&](const Section& s, std::size_t) {
      if (s.kind == k && (under.empty() || text.IsSelfOrDescendant(s.id, under))) out.push_back(&s);
    });
    return out;
  }
  std::vector<std::string> Headings(const std::vector<const Section*>& v) const {
    std::vector<std::string> out;
    for (auto* s : v) out.push_back(s->heading);
    return out;
  }
  std::string md;
  History h;
  SectionTree text;
};

TEST_F(SeedAgreement, HasTheSevenChapters) {
  EXPECT_EQ(Headings(OfKind(SectionKind::kChapter)),
            (std::vector<std::string>{
                "Forord", "Visioner", "Indsatsområder og fælles målsætninger",
                "Bærende principper for samarbejdet", "Nationale mål og lokale målsætninger",
                "Implementering og opfølgning", "Organisering og overordnede rammer"}));
}

TEST_F(SeedAgreement, HasTheFourVisionsInChapterTwo) {
  auto visions = OfKind(SectionKind::kVision);
  EXPECT_EQ(Headings(visions),
            (std::vector<std::string>{"Sammenhæng og tryghed", "På borgerens præmisser",
                                      "Et nært og tilgængeligt sundhedsvæsen",
                                      "Et sundhedsvæsen i balance"}));
  for (auto* v : visions) EXPECT_EQ(v->parent, "kap-2");
  // Vision 2 is split around a text box in the PDF; the import has it whole.
  EXPECT_NE(text.Find("vision-2")->body.find("hvor borgeren kan give udtryk for sine holdninger"),
            std::string::npos);
}

TEST_F(SeedAgreement, HasTheThreeFocusAreasWithObjectivesAndIndicators) {
  auto areas = OfKind(SectionKind::kFocusArea);
  ASSERT_EQ(
      Headings(areas),
      (std::vector<std::string>{"Psykiatri og trivsel", "Sammenhæng for borgere med kronisk sygdom",
                                "Velfærdsteknologi, digitalisering og datadeling"}));
  std::vector<std::size_t> objectives, indicators;
  for (auto* a : areas) {
    EXPECT_EQ(a->parent, "kap-3");
    objectives.push_back(OfKind(SectionKind::kObjective, a->id).size());
    indicators.push_back(OfKind(SectionKind::kIndicator, a->id).size());
  }
  EXPECT_EQ(objectives, (std::vector<std::size_t>{2, 1, 2}));
  EXPECT_EQ(indicators, (std::vector<std::size_t>{9, 3, 1}));
  // Indicators hang under their objective.
  EXPECT_EQ(text.Children("obj-1-1").size(), 4u);
  EXPECT_EQ(text.Children("obj-1-2").size(), 5u);
  EXPECT_EQ(text.Find("obj-1-1")->heading,
            "Vi vil forbedre den mentale sundhed og mindske mistrivsel hos børn og unge i Region "
            "Midtjylland");
  EXPECT_EQ(text.Find("ind-1-2-2")->heading,
            "Akutte psykiatriske genindlæggelser inden for 30 dage");
  EXPECT_EQ(text.Find("ind-2-1-2")->parent, "obj-2-1");
  EXPECT_EQ(text.Find("ind-3-1-1")->heading, "Antal virtuelle kontakter");
}

TEST_F(SeedAgreement, HasTheFivePrinciples) {
  EXPECT_EQ(Headings(OfKind(SectionKind::kPrinciple)),
            (std::vector<std::string>{"Sammen med borgerne", "Fælles tidligere",
                                      "Kvalitet hele vejen rundt", "Virtuelt hvor det er muligt",
                                      "Økonomisk klarhed og fair balance"}));
}

TEST_F(SeedAgreement, TextIsCleanOfLayoutNoise) {
  std::string all = CanonicalText(text);
  for (const char* noise : {"fl ere", "geografi sk", "sundheds- væsen", "Forord1.",
                            "11Sundhedsaftalen", "PATIENTINDDRAGELSES", "behandlings-forløb"}) {
    EXPECT_EQ(all.find(noise), std::string::npos) << noise;
  }
  EXPECT_NE(text.Find("fa-1")->body.find("nationale 10-årsplan"), std::string::npos);
  EXPECT_NE(text.Find("kap-1")->body.find("geografisk ulighed"), std::string::npos);
}

TEST_F(SeedAgreement, ExportRoundTripsAndFixtureIsTheScriptOutput) {
  EXPECT_EQ(CanonicalText(Import(RenderMarkdown(text))), CanonicalText(text));
  auto ops = PlanImport(text, h.State().used_ids(), *ParseMarkdown(md));
  ASSERT_TRUE(ops.ok());
  EXPECT_TRUE(ops->empty());
  EXPECT_EQ(text.size(), 44u);
}

}  // namespace
}  // namespace hoering::agreements
