#include "domain/agreements/section_diff.h"

#include <gtest/gtest.h>

#include "domain/agreements/diff_render.h"
#include "domain/agreements/text_json.h"

namespace hoering::agreements {
namespace {

using nlohmann::json;

SectionTree Tree(const char* sections) {
  auto t = SectionsFromJson(json::parse(sections));
  EXPECT_TRUE(t.ok()) << t.status().detail();
  return t.ok() ? std::move(t).value() : SectionTree();
}

// A small text: ch-1 { a, b { b1 }, c }, ch-2
const char* kBase = R"([
  {"id":"ch-1","kind":"chapter","heading":"Chapter one","body":"Intro text.","children":[
    {"id":"a","kind":"text","heading":"Alpha","body":"Alpha body."},
    {"id":"b","kind":"objective","heading":"Beta","body":"Beta body.","children":[
      {"id":"b1","kind":"indicator","heading":"Beta one","body":""}]},
    {"id":"c","kind":"text","heading":"Gamma","body":"Gamma body."}]},
  {"id":"ch-2","kind":"chapter","heading":"Chapter two","body":""}])";

std::map<std::string, std::string> Statuses(const TextDiff& d) {
  std::map<std::string, std::string> out;
  for (const auto& c : d.sections) out[c.id] = std::string(StatusName(c.status));
  return out;
}

const SectionChange& Entry(const TextDiff& d, const std::string& id) {
  for (const auto& c : d.sections) {
    if (c.id == id) return c;
  }
  static SectionChange none;
  ADD_FAILURE() << "no entry " << id;
  return none;
}

TEST(SectionDiff, SameTextIsAllUnchanged) {
  SectionTree a = Tree(kBase);
  TextDiff d = DiffTexts(a, a);
  EXPECT_TRUE(d.identical());
  EXPECT_EQ(d.counts.unchanged, 6u);
  for (const auto& c : d.sections) EXPECT_EQ(c.status, DiffStatus::kUnchanged);
  EXPECT_TRUE(DiffTexts(a, a, {false}).sections.empty());
}

TEST(SectionDiff, WordDiffsOnlyForTheAskedEntries) {
  SectionTree a = Tree(kBase);
  SectionTree b = a;
  b.FindMutable("a")->body = "Alpha body, changed.";
  b.FindMutable("c")->body = "Gamma body, changed.";
  DiffOptions page;
  page.word_diffs_from = 1;  // entries: ch-1, a, b, b1, c, ch-2
  page.word_diffs_to = 3;
  TextDiff paged = DiffTexts(a, b, page);
  TextDiff whole = DiffTexts(a, b);
  ASSERT_EQ(paged.sections.size(), 6u);
  EXPECT_EQ(paged.counts.modified, 2u);  // counts cover every entry
  EXPECT_TRUE(paged.sections[0].body_diff.empty());
  EXPECT_EQ(paged.sections[1].id, "a");
  EXPECT_EQ(paged.sections[1].body_diff, whole.sections[1].body_diff);
  EXPECT_TRUE(HasChanges(paged.sections[1].body_diff));
  EXPECT_EQ(paged.sections[2].heading_diff, whole.sections[2].heading_diff);
  EXPECT_EQ(paged.sections[4].id, "c");
  EXPECT_TRUE(paged.sections[4].body_changed);  // status still known
  EXPECT_TRUE(paged.sections[4].body_diff.empty());
}

TEST(SectionDiff, AddedRemovedModified) {
  SectionTree a = Tree(kBase);
  SectionTree b = a;
  b.Insert({"n", SectionKind::kText, "New", "Fresh text.", {}, {}}, {"ch-1", "a"});
  b.Remove("b");
  b.FindMutable("c")->body = "Gamma body, changed.";
  b.FindMutable("ch-2")->heading = "Chapter 2";
  TextDiff d = DiffTexts(a, b);
  EXPECT_EQ(Statuses(d), (std::map<std::string, std::string>{{"ch-1", "unchanged"},
                                                             {"a", "unchanged"},
                                                             {"n", "added"},
                                                             {"b", "removed"},
                                                             {"b1", "removed"},
                                                             {"c", "modified"},
                                                             {"ch-2", "modified"}}));
  // Inserting/removing siblings does not make "c" moved, though its index changed.
  const SectionChange& c = Entry(d, "c");
  EXPECT_FALSE(c.moved);
  EXPECT_EQ(c.from->index, 2u);
  EXPECT_EQ(c.to->index, 2u);
  EXPECT_EQ(c.changes(), (std::vector<std::string_view>{"body"}));
  EXPECT_EQ(WordDiffToJson(c.body_diff), json::parse(R"([{"op":"equal","text":"Gamma body"},
    {"op":"insert","text":", changed"},{"op":"equal","text":"."}])"));
  EXPECT_EQ(Entry(d, "ch-2").changes(), (std::vector<std::string_view>{"heading"}));
  EXPECT_EQ(d.counts.added, 1u);
  EXPECT_EQ(d.counts.removed, 2u);
}

TEST(SectionDiff, OrderIsDocumentOrderWithRemovedWhereTheyWere) {
  SectionTree a = Tree(kBase);
  SectionTree b = a;
  b.Remove("b");
  b.Insert({"z", SectionKind::kText, "Zed", "", {}, {}}, {"ch-1", ""});
  std::vector<std::string> ids;
  for (const auto& c : DiffTexts(a, b).sections) ids.push_back(c.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"ch-1", "z", "a", "b", "b1", "c", "ch-2"}));
}

TEST(SectionDiff, MovedAndEditedIsOneEntry) {
  SectionTree a = Tree(kBase);
  SectionTree b = a;
  b.Move("b", {"ch-2", std::nullopt});
  b.FindMutable("b")->heading = "Beta, renamed";
  TextDiff d = DiffTexts(a, b);
  const SectionChange& e = Entry(d, "b");
  EXPECT_EQ(e.status, DiffStatus::kMoved);
  EXPECT_TRUE(e.modified());
  EXPECT_EQ(e.changes(), (std::vector<std::string_view>{"heading", "place"}));
  EXPECT_EQ(e.from, (Placement{"ch-1", 1}));
  EXPECT_EQ(e.to, (Placement{"ch-2", 0}));
  // Its child moved along but kept its parent: unchanged.
  EXPECT_EQ(Entry(d, "b1").status, DiffStatus::kUnchanged);
  EXPECT_EQ(d.counts.moved, 1u);
  json j = SectionChangeToJson(e);
  EXPECT_EQ(j["status"], "moved");
  EXPECT_EQ(j["modified"], true);
  EXPECT_EQ(j["heading"], json::parse(R"({"from":"Beta","to":"Beta, renamed"})"));
  EXPECT_EQ(j["parent"], json::parse(R"({"from":"ch-1","to":"ch-2"})"));
  EXPECT_EQ(j["position"], json::parse(R"({"from":1,"to":0})"));
  EXPECT_EQ(j["heading_diff"],
            json::parse(R"([{"op":"equal","text":"Beta"},{"op":"insert","text":", renamed"}])"));
}

TEST(SectionDiff, ReorderMovesOnlyTheMinimum) {
  SectionTree a = Tree(kBase);
  SectionTree b = a;
  b.Move("c", {"ch-1", ""});  // c, a, b
  TextDiff d = DiffTexts(a, b);
  EXPECT_EQ(Statuses(d)["c"], "moved");
  EXPECT_EQ(Statuses(d)["a"], "unchanged");
  EXPECT_EQ(Statuses(d)["b"], "unchanged");
  EXPECT_EQ(d.counts.moved, 1u);
}

TEST(SectionDiff, BackwardDiffMirrorsForwardDiff) {
  SectionTree a = Tree(kBase);
  SectionTree b = a;
  b.Remove("c");
  b.Insert({"n", SectionKind::kText, "New", "", {}, {}}, {"", std::nullopt});
  TextDiff back = DiffTexts(b, a);
  EXPECT_EQ(Statuses(back)["c"], "added");
  EXPECT_EQ(Statuses(back)["n"], "removed");
}

TEST(SectionDiff, ApplyDiffRebuildsTheNewText) {
  SectionTree a = Tree(kBase);
  SectionTree b = a;
  b.Move("c", {"", ""});
  b.FindMutable("a")->body = "Changed.";
  b.Insert({"n", SectionKind::kVision, "New", "x", {}, {}}, {"c", std::nullopt});
  b.Remove("b");
  for (bool with_unchanged : {true, false}) {
    auto rebuilt = ApplyDiff(a, DiffTexts(a, b, {with_unchanged}));
    ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().detail();
    EXPECT_EQ(CanonicalText(*rebuilt), CanonicalText(b));
  }
}

TEST(DiffRender, JsonHasTheApiShape) {
  SectionTree a = Tree(kBase);
  SectionTree b = a;
  b.FindMutable("a")->body = "Alpha body, longer.";
  json j = DiffToJson(DiffTexts(a, b), 1, 2, {false, true});
  EXPECT_EQ(j["from"], 1);
  EXPECT_EQ(j["to"], 2);
  EXPECT_EQ(j["summary"]["modified"], 1);
  EXPECT_EQ(j["summary"]["unchanged"], 5);
  ASSERT_EQ(j["sections"].size(), 1u);
  EXPECT_EQ(j["sections"][0]["id"], "a");
  EXPECT_EQ(j["sections"][0]["status"], "modified");
  EXPECT_EQ(j["sections"][0]["parent"]["from"], "ch-1");
  EXPECT_TRUE(j["sections"][0].contains("body_diff"));
  json all = DiffToJson(DiffTexts(a, b), nullptr, nullptr, {true, false});
  EXPECT_EQ(all["sections"].size(), 6u);
  EXPECT_FALSE(all["sections"][0].contains("body_diff"));  // unchanged, bodies left out
}

TEST(DiffRender, TextIsUnifiedAndReadable) {
  SectionTree a = Tree(kBase);
  SectionTree b = a;
  b.FindMutable("a")->body = "Alpha body.\nSecond line unchanged.\nThird line.";
  a.FindMutable("a")->body = "Alpha body.\nSecond line unchanged.\nThird.";
  b.Insert({"n", SectionKind::kText, "New", "Fresh.", {}, {}}, {"ch-2", std::nullopt});
  b.Move("c", {"ch-2", ""});
  std::string text = RenderDiffText(DiffTexts(a, b), {"diff 1 -> 2", false, false});
  EXPECT_EQ(text,
            "diff 1 -> 2\n"
            "1 added, 0 removed, 1 modified, 1 moved, 4 unchanged\n"
            "\n"
            "~ modified  text a: Alpha\n"
            "    body:\n"
            "      \xE2\x80\xA6\n"
            "      Third{+ line+}.\n"
            "\n"
            "> moved     text c: Gamma\n"
            "    place:   ch-1#2 -> ch-2#0\n"
            "\n"
            "+ added     text n: New\n"
            "    place:   ch-2#1\n"
            "    body:\n"
            "      + Fresh.\n");
  SectionTree p = Tree(R"([{"id":"p","kind":"text","heading":"P","body":"One.\n\nTwo.\nThree."}])");
  SectionTree q = Tree(R"([{"id":"p","kind":"text","heading":"P","body":"One.\nThree."}])");
  EXPECT_EQ(RenderDiffText(DiffTexts(p, q)),
            "0 added, 0 removed, 1 modified, 0 moved, 0 unchanged\n\n"
            "~ modified  text p: P\n"
            "    body:\n"
            "      One.[-\xE2\x8F\x8E-]\n"
            "      [-\xE2\x8F\x8E-]\n"
            "      [-Two.-]\n"
            "      \xE2\x80\xA6\n");
  std::string color = RenderDiffText(DiffTexts(a, b), {"", true, false});
  EXPECT_NE(color.find("\x1b[32m line\x1b[0m"), std::string::npos);
}

TEST(DiffRender, HtmlMarksChangesAndEscapesEverything) {
  SectionTree a = Tree(R"([{"id":"x","kind":"text","heading":"<script>","body":"a & b"}])");
  SectionTree b = Tree(R"([{"id":"x","kind":"text","heading":"<script>","body":"a & \"c\""}])");
  std::string html = RenderDiffHtml(DiffTexts(a, b), {"Diff <1>", false, false});
  EXPECT_NE(html.find("<h1>Diff &lt;1&gt;</h1>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("a &amp; <del>b</del><ins>&quot;c&quot;</ins>"), std::string::npos);
  EXPECT_NE(html.find("class=\"diff-section diff-modified\""), std::string::npos);
  std::string page = RenderDiffHtml(DiffTexts(a, b), {"t", true, false});
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(EscapeHtml("'&<>\""), "&#39;&amp;&lt;&gt;&quot;");
}

}  // namespace
}  // namespace hoering::agreements
