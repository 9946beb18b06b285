#include "domain/agreements/section_tree.h"

#include <gtest/gtest.h>

#include "domain/agreements/section_rules.h"
#include "domain/agreements/text_json.h"
#include "domain/sha256.h"

namespace hoering::agreements {
namespace {

using nlohmann::json;

SectionTree Sample() {
  SectionTree t;
  EXPECT_TRUE(t.Insert({"a", SectionKind::kChapter, "A", "alpha", {}, {}}, {"", std::nullopt}));
  EXPECT_TRUE(t.Insert({"b", SectionKind::kChapter, "B", "", {}, {}}, {"", std::nullopt}));
  EXPECT_TRUE(t.Insert({"a1", SectionKind::kText, "A1", "x", {}, {}}, {"a", std::nullopt}));
  EXPECT_TRUE(t.Insert({"a0", SectionKind::kText, "A0", "y", {}, {}}, {"a", ""}));
  EXPECT_TRUE(t.Insert({"a05", SectionKind::kText, "A05", "", {}, {}}, {"a", "a0"}));
  return t;
}

TEST(SectionTree, PlacesByParentAndAfter) {
  SectionTree t = Sample();
  EXPECT_EQ(t.Children(""), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(t.Children("a"), (std::vector<std::string>{"a0", "a05", "a1"}));
  EXPECT_EQ(t.Depth("a05"), 2u);
  EXPECT_EQ(t.IndexOf("a1"), 2u);
  EXPECT_EQ(t.PreviousSibling("a05"), "a0");
  EXPECT_EQ(t.PreviousSibling("a0"), "");
  EXPECT_TRUE(t.IsSelfOrDescendant("a1", "a"));
  EXPECT_FALSE(t.IsSelfOrDescendant("a", "a1"));
  EXPECT_EQ(t.MaxDepth(), 2u);
  // Bad places change nothing.
  EXPECT_FALSE(t.Insert({"z", SectionKind::kText, "Z", "", {}, {}}, {"nope", std::nullopt}));
  EXPECT_FALSE(t.Insert({"z", SectionKind::kText, "Z", "", {}, {}}, {"a", "b"}));
  EXPECT_FALSE(t.Insert({"a", SectionKind::kText, "dup", "", {}, {}}, {"", std::nullopt}));
  EXPECT_FALSE(t.Move("a", {"a1", std::nullopt}));  // under its own descendant
  EXPECT_EQ(t.size(), 5u);
}

TEST(SectionTree, MoveAndRemoveKeepTheTreeConsistent) {
  SectionTree t = Sample();
  ASSERT_TRUE(t.Move("a05", {"b", std::nullopt}));
  EXPECT_EQ(t.Children("a"), (std::vector<std::string>{"a0", "a1"}));
  EXPECT_EQ(t.Find("a05")->parent, "b");
  ASSERT_TRUE(t.Move("a1", {"a", ""}));
  EXPECT_EQ(t.Children("a"), (std::vector<std::string>{"a1", "a0"}));
  ASSERT_TRUE(t.Remove("a"));
  EXPECT_FALSE(t.Contains("a0"));
  EXPECT_FALSE(t.Contains("a1"));
  EXPECT_EQ(t.Children(""), (std::vector<std::string>{"b"}));
  EXPECT_EQ(t.size(), 2u);
}

TEST(SectionTree, WalkIsDocumentOrder) {
  std::vector<std::string> seen;
  Sample().Walk(
      [&](const Section& s, std::size_t d) { seen.push_back(s.id + ":" + std::to_string(d)); });
  EXPECT_EQ(seen, (std::vector<std::string>{"a:1", "a0:2", "a05:2", "a1:2", "b:1"}));
}

TEST(CanonicalText, IsNlohmannDumpOfTheSectionsJson) {
  SectionTree t = Sample();
  t.FindMutable("a")->body = "quote \" backslash \\ tab\t nl\n slash / æøå \x7f ctrl \x01";
  EXPECT_EQ(CanonicalText(t), SectionsToJson(t).dump());
  EXPECT_EQ(CanonicalText(SectionTree()), "[]");
  EXPECT_EQ(TextHash(SectionTree()), ToHex(Sha256("[]")));
  EXPECT_EQ(TextHash(t), ToHex(Sha256(SectionsToJson(t).dump())));
}

TEST(CanonicalText, KeysAreSortedAndShapeIsTheApiShape) {
  SectionTree t;
  t.Insert({"x", SectionKind::kFocusArea, "H", "B", {}, {}}, {"", std::nullopt});
  EXPECT_EQ(CanonicalText(t),
            R"([{"body":"B","children":[],"heading":"H","id":"x","kind":"focus_area"}])");
}

TEST(SectionsJson, RoundTrips) {
  SectionTree t = Sample();
  auto back = SectionsFromJson(SectionsToJson(t));
  ASSERT_TRUE(back.ok()) << back.status().detail();
  EXPECT_EQ(*back, t);
  EXPECT_FALSE(SectionsFromJson(json::parse(R"([{"id":"A","kind":"text","heading":"h"}])")).ok());
  EXPECT_FALSE(SectionsFromJson(json::parse(R"([{"id":"a","kind":"poem","heading":"h"}])")).ok());
  EXPECT_FALSE(
      SectionsFromJson(
          json::parse(
              R"([{"id":"a","kind":"text","heading":"h"},{"id":"a","kind":"text","heading":"h"}])"))
          .ok());
}

TEST(Kinds, NamesRoundTrip) {
  for (auto k : {SectionKind::kChapter, SectionKind::kVision, SectionKind::kFocusArea,
                 SectionKind::kObjective, SectionKind::kIndicator, SectionKind::kPrinciple,
                 SectionKind::kText}) {
    EXPECT_EQ(ParseKind(KindName(k)), k);
  }
  EXPECT_FALSE(ParseKind("Chapter"));
  EXPECT_EQ(KnownKinds(), "chapter, vision, focus_area, objective, indicator, principle, text");
}

TEST(SectionRules, NormaliseHeadingAndBody) {
  EXPECT_EQ(*NormalizeHeading("  Vision 1\t "), "Vision 1");
  EXPECT_FALSE(NormalizeHeading("   ").ok());
  EXPECT_FALSE(NormalizeHeading("two\nlines").ok());
  EXPECT_FALSE(NormalizeHeading(std::string(501, 'x')).ok());
  EXPECT_FALSE(NormalizeHeading("bad \xff utf8").ok());
  EXPECT_EQ(*NormalizeBody("\n  \nfirst\r\nsecond\rthird  \n\n"), "first\nsecond\nthird");
  EXPECT_EQ(*NormalizeBody("    indented code\n"), "    indented code");
  EXPECT_EQ(*NormalizeBody(" \n\t\n"), "");
  EXPECT_FALSE(NormalizeBody("bell \a").ok());
}

TEST(SectionRules, BodyMarkdownMayNotHoldHeadingsOrOpenBlocks) {
  EXPECT_TRUE(CheckBodyMarkdown("Plain *text*\n\n- a list\n- # not a heading in a list").ok());
  EXPECT_TRUE(CheckBodyMarkdown("```\n# code, not a heading\n```").ok());
  EXPECT_TRUE(CheckBodyMarkdown("").ok());
  EXPECT_FALSE(CheckBodyMarkdown("text\n\n## A heading").ok());
  EXPECT_FALSE(CheckBodyMarkdown("Setext\n------").ok());
  EXPECT_FALSE(CheckBodyMarkdown("```\nunclosed fence").ok());
  EXPECT_FALSE(CheckBodyMarkdown("<!-- unclosed comment").ok());
}

TEST(SectionRules, SlugsAndGeneratedIdsAreDeterministic) {
  EXPECT_EQ(SlugFor("Sammenhæng og tryghed"), "sammenhaeng-og-tryghed");
  EXPECT_EQ(SlugFor("  Økonomisk klarhed & fair balance!"), "oekonomisk-klarhed-fair-balance");
  EXPECT_EQ(SlugFor("På borgerens præmisser"), "paa-borgerens-praemisser");
  EXPECT_EQ(SlugFor("???"), "s");
  EXPECT_LE(SlugFor(std::string(100, 'a')).size(), 40u);
  EXPECT_EQ(SlugFor("Ventetid for børn og unge henvist til psykiatrien"),
            "ventetid-for-boern-og-unge-henvist-til");  // cut at a word boundary
  SectionTree t;
  t.Insert({"vision", SectionKind::kText, "Vision", "", {}, {}}, {"", std::nullopt});
  IdSet used{"vision-2"};
  EXPECT_EQ(GenerateSectionId("Vision", t, used), "vision-3");
  EXPECT_EQ(GenerateSectionId("Other", t, used), "other");
}

}  // namespace
}  // namespace hoering::agreements
