// ParseResponseMarkdown: the Markdown response file -> the JSON request body,
// and its errors naming the line.
#include "client/cli/response_markdown.h"

#include <gtest/gtest.h>

#include <string>

namespace hoering::client {
namespace {

using nlohmann::json;

json Parse(const std::string& text) {
  auto r = ParseResponseMarkdown(text);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.status().detail());
  return r.ok() ? r.value() : json();
}

// The error detail ("" when the parse succeeded).
std::string Error(const std::string& text) {
  auto r = ParseResponseMarkdown(text);
  if (r.ok()) return "";
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(r.status().type(), "invalid-response-markdown");
  return r.status().detail();
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0;
}

TEST(ResponseMarkdownTest, ParsesTheDocumentedExample) {
  json body = Parse(
      "---\n"
      "party: aarhus\n"
      "author: Jane Doe\n"
      "email: jane@example.org\n"
      "publication: public\n"
      "---\n"
      "Free text here is the summary.\n"
      "It may span lines.\n"
      "\n"
      "## Point 1: Visions\n"
      "Section: kap-3\n"
      "> the quoted\n"
      "> passage\n"
      "The point's text.\n"
      "\n"
      "Second paragraph.\n"
      "\n"
      "## Another point\n"
      "Only text here.\n");
  json expected = {{"party", "aarhus"},
                   {"author", {{"name", "Jane Doe"}, {"email", "jane@example.org"}}},
                   {"summary", "Free text here is the summary.\nIt may span lines."},
                   {"points",
                    {{{"section", "kap-3"},
                      {"quote", "the quoted passage"},
                      {"text", "The point's text.\n\nSecond paragraph."}},
                     {{"text", "Only text here."}}}},
                   {"publication", "public"}};
  EXPECT_EQ(body, expected) << body.dump(2);
}

TEST(ResponseMarkdownTest, OptionalPartsAreLeftOut) {
  json body = Parse("---\nauthor: A\npublication: private\n---\n## P\nText\n");
  EXPECT_FALSE(body.contains("party"));
  EXPECT_FALSE(body.contains("summary"));
  EXPECT_EQ(body["author"], json({{"name", "A"}}));
  EXPECT_EQ(body["points"], json::parse(R"([{"text": "Text"}])"));
  EXPECT_EQ(body["publication"], "private");
}

TEST(ResponseMarkdownTest, AcceptsCrlfBomQuotesAndBlankLinesBetweenParts) {
  json body = Parse(
      "\xEF\xBB\xBF\r\n---\r\nauthor: \"Jane Doe\"\r\npublication: anonymous\r\nemail:\r\n---\r\n"
      "##\r\n\r\nsection: vision-1\r\n\r\n>  Ingen borgere  \r\n>\r\n\r\nText.\r\n");
  EXPECT_EQ(body["author"], json({{"name", "Jane Doe"}}));
  EXPECT_EQ(body["publication"], "anonymous");
  ASSERT_EQ(body["points"].size(), 1u);
  EXPECT_EQ(body["points"][0]["section"], "vision-1");
  EXPECT_EQ(body["points"][0]["quote"], "Ingen borgere");
  EXPECT_EQ(body["points"][0]["text"], "Text.");
}

TEST(ResponseMarkdownTest, DeeperHeadingsQuotesInTextAndFencesAreText) {
  json body = Parse(
      "---\nauthor: A\npublication: public\n---\n"
      "## Point\n"
      "Text first.\n"
      "> a quote after the text stays text\n"
      "Section: not-a-section\n"
      "### A sub-heading\n"
      "```\n"
      "## not a point\n"
      "```\n");
  ASSERT_EQ(body["points"].size(), 1u);
  const json& p = body["points"][0];
  EXPECT_FALSE(p.contains("section"));
  EXPECT_FALSE(p.contains("quote"));
  EXPECT_EQ(p["text"],
            "Text first.\n> a quote after the text stays text\nSection: not-a-section\n"
            "### A sub-heading\n```\n## not a point\n```");
}

TEST(ResponseMarkdownTest, ManyPointsKeepTheirOrder) {
  std::string text = "---\nauthor: A\npublication: public\n---\n";
  for (int i = 1; i <= 12; ++i)
    text += "## Point " + std::to_string(i) + "\nP" + std::to_string(i) + "\n";
  json body = Parse(text);
  ASSERT_EQ(body["points"].size(), 12u);
  for (int i = 0; i < 12; ++i) EXPECT_EQ(body["points"][i]["text"], "P" + std::to_string(i + 1));
}

TEST(ResponseMarkdownTest, MissingFrontMatterNamesTheFirstLine) {
  EXPECT_TRUE(StartsWith(Error("## Point\nText\n"), "line 1: a response file starts with front "))
      << Error("## Point\nText\n");
  EXPECT_TRUE(StartsWith(Error("\n\nparty: x\n"), "line 3: ")) << Error("\n\nparty: x\n");
  EXPECT_TRUE(StartsWith(Error(""), "line 1: ")) << Error("");
}

TEST(ResponseMarkdownTest, UnclosedFrontMatter) {
  std::string e = Error("---\nauthor: A\npublication: public\n## Point\nText\n");
  EXPECT_NE(e.find("line 4: expected 'key: value'"), std::string::npos) << e;
  e = Error("---\nauthor: A\npublication: public\n");
  EXPECT_EQ(e, "line 1: the front matter is not closed: no second '---' line");
}

TEST(ResponseMarkdownTest, MissingPublicationNamesTheClosingLine) {
  std::string e = Error("---\nparty: aarhus\nauthor: A\n---\n## P\nText\n");
  EXPECT_TRUE(StartsWith(e, "line 4: the front matter has no 'publication'")) << e;
}

TEST(ResponseMarkdownTest, BadFrontMatterValues) {
  std::string e = Error("---\nauthor: A\npublication: everyone\n---\n## P\nT\n");
  EXPECT_EQ(e, "line 3: publication must be public, anonymous or private, not 'everyone'");
  e = Error("---\nauthor: A\npublicaton: public\n---\n## P\nT\n");
  EXPECT_TRUE(StartsWith(e, "line 3: unknown front matter key 'publicaton'")) << e;
  e = Error("---\nauthor: A\nauthor: B\npublication: public\n---\n## P\nT\n");
  EXPECT_EQ(e, "line 3: 'author' is given twice");
  e = Error("---\nparty:\nauthor: A\npublication: public\n---\n## P\nT\n");
  EXPECT_EQ(e, "line 2: 'party' has no value");
  e = Error("---\npublication: public\n---\n## P\nT\n");
  EXPECT_TRUE(StartsWith(e, "line 3: the front matter has no 'author'")) << e;
}

TEST(ResponseMarkdownTest, APointWithoutTextNamesItsHeading) {
  std::string e = Error("---\nauthor: A\npublication: public\n---\n## One\nText\n\n## Two\n\n");
  EXPECT_TRUE(StartsWith(e, "line 8: point 2 (heading on line 8) has no text")) << e;
  e = Error("---\nauthor: A\npublication: public\n---\n## One\nSection: kap-1\n> q\n## Two\nT\n");
  EXPECT_TRUE(StartsWith(e, "line 5: point 1 (heading on line 5) has no text")) << e;
  EXPECT_NE(e.find("after the Section: and > lines"), std::string::npos) << e;
}

TEST(ResponseMarkdownTest, SectionLineErrors) {
  std::string e = Error("---\nauthor: A\npublication: public\n---\n## P\nSection:\nT\n");
  EXPECT_TRUE(StartsWith(e, "line 6: 'Section:' needs a section id")) << e;
  e = Error("---\nauthor: A\npublication: public\n---\n## P\nSection: a\nSection: b\nT\n");
  EXPECT_EQ(e, "line 7: point 1 (heading on line 5) has a second Section: line");
}

TEST(ResponseMarkdownTest, NoPoints) {
  std::string e = Error("---\nauthor: A\npublication: public\n---\nJust a summary.\n");
  EXPECT_NE(e.find("has no points; each point starts with a '## ' heading"), std::string::npos)
      << e;
}

const char* kMinimal = "---\nauthor: A\npublication: public\n---\n## P\nText\n";

TEST(ResponseBodyFromFileTest, ChoosesJsonOrMarkdownByNameThenByContent) {
  const std::string body = R"({"party": "rm", "points": [], "publication": "public"})";
  auto j = ResponseBodyFromFile("r.json", body, "");
  ASSERT_TRUE(j.ok()) << j.status().detail();
  EXPECT_EQ(j.value(), json::parse(body));
  auto stdin_json = ResponseBodyFromFile("-", "  \n" + body, "");
  ASSERT_TRUE(stdin_json.ok()) << stdin_json.status().detail();
  EXPECT_EQ(stdin_json.value()["party"], "rm");
  auto md = ResponseBodyFromFile("r.md", kMinimal, "aarhus");
  ASSERT_TRUE(md.ok()) << md.status().detail();
  EXPECT_EQ(md.value()["party"], "aarhus");
  EXPECT_EQ(md.value()["points"].size(), 1u);
  auto txt = ResponseBodyFromFile("r.txt", kMinimal, "aarhus");
  ASSERT_TRUE(txt.ok()) << txt.status().detail();
  EXPECT_EQ(txt.value()["publication"], "public");
}

TEST(ResponseBodyFromFileTest, ErrorsNameTheFile) {
  auto bad_json = ResponseBodyFromFile("r.json", "[1, 2]", "rm");
  ASSERT_FALSE(bad_json.ok());
  EXPECT_TRUE(StartsWith(bad_json.status().detail(), "r.json must hold a JSON object"));
  auto bad_md = ResponseBodyFromFile("r.md", "## P\nText\n", "rm");
  ASSERT_FALSE(bad_md.ok());
  EXPECT_TRUE(StartsWith(bad_md.status().detail(), "r.md: line 1: ")) << bad_md.status().detail();
  auto no_party = ResponseBodyFromFile("r.md", kMinimal, "");
  ASSERT_FALSE(no_party.ok());
  EXPECT_EQ(no_party.status().detail(), "no party: give --party or 'party:' in r.md");
  auto other = ResponseBodyFromFile("r.json", R"({"party": "rm"})", "aarhus");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().detail(), "--party aarhus contradicts party 'rm' in r.json");
  auto same = ResponseBodyFromFile("r.json", R"({"party": "rm"})", "rm");
  EXPECT_TRUE(same.ok());
}

}  // namespace
}  // namespace hoering::client
