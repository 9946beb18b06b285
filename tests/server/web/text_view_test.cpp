#include "server/web/text_view.h"

#include <gtest/gtest.h>

namespace hoering::web {
namespace {

const nlohmann::json kSections = nlohmann::json::parse(R"([
  {"id": "kap-1", "heading": "Forord", "body": "Tekst *her*.", "children": [
    {"id": "mal-1", "heading": "Mål", "body": "", "children": []}]},
  {"id": "kap-2", "heading": "Indsats", "body": "<b>rå</b>", "children": []}])");

TEST(TextViewTest, SectionsInReadingOrderWithLevelsAndSafeBodies) {
  nlohmann::json out = SectionsForPage(kSections, 2);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1]["id"], "mal-1");
  EXPECT_EQ(out[0]["level"], 2);
  EXPECT_EQ(out[1]["level"], 3);
  EXPECT_NE(out[0]["html"].get<std::string>().find("<em>her</em>"), std::string::npos);
  EXPECT_EQ(out[2]["html"].get<std::string>().find("<b>"), std::string::npos);
  EXPECT_EQ(TableOfContents(kSections, 1).size(), 2u);
}

TEST(TextViewTest, APublishedTextIsRenderedOncePerHash) {
  int calls = 0;
  auto source = [&]() -> Result<nlohmann::json> {
    ++calls;
    return kSections;
  };
  auto a = RenderedTextFor("hash-a-test", 2, source);
  auto b = RenderedTextFor("hash-a-test", 2, source);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(a->get(), b->get());
  RenderedTextFor("hash-a-test", 3, source);  // another heading level: another entry
  EXPECT_EQ(calls, 2);
  RenderedTextFor("", 2, source);  // no hash: never cached
  RenderedTextFor("", 2, source);
  EXPECT_EQ(calls, 4);
  auto failed = RenderedTextFor("hash-b-test", 2,
                                []() -> Result<nlohmann::json> { return NotFound("gone"); });
  EXPECT_FALSE(failed.ok());
}

}  // namespace
}  // namespace hoering::web
