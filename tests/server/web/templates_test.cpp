// The built-in templates, catalogue and static files, without a browser.
#include "server/web/templates.h"

#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "server/web/catalogue.h"
#include "server/web/markdown_html.h"
#include "server/web/static_assets.h"

namespace hoering::web {
namespace {

TEST(TemplatesTest, EscapesEveryValue) {
  Templates templates;
  auto html = templates.Render(
      "error", {{"message", "<script>alert(1)</script>"}, {"detail", "\"x' & y"}, {"status", 404}});
  ASSERT_TRUE(html.ok()) << html.status().detail();
  EXPECT_EQ(html->find("<script>"), std::string::npos);
  EXPECT_NE(html->find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html->find("&quot;x&apos; &amp; y"), std::string::npos);
}

TEST(TemplatesTest, EveryTemplateParses) {
  Templates templates;
  for (const char* name : {"layout",        "error",
                           "home",          "consultation",
                           "response",      "report",
                           "agreement",     "diff",
                           "accessibility", "receipt_verify",
                           "sign_in",       "my_responses",
                           "respond",       "respond_preview",
                           "receipt",       "_toc",
                           "_sections",     "_response_points",
                           "_diff_runs",    "_diff_section",
                           "_error_summary"}) {
    ASSERT_TRUE(templates.Has(name)) << name;
    auto html = templates.Render(name, nlohmann::json::object());
    EXPECT_TRUE(html.ok()) << name << ": " << html.status().detail();
  }
  EXPECT_FALSE(templates.Render("no-such-template", nlohmann::json::object()).ok());
}

// A data key named like a page template is data, not a partial.
TEST(TemplatesTest, OnlyUnderscoreTemplatesArePartials) {
  Templates templates;
  auto html = templates.Render(
      "receipt", {{"receipt", {{"response", "r-1"}, {"hash", "abc123"}, {"position", 7}}}});
  ASSERT_TRUE(html.ok()) << html.status().detail();
  EXPECT_NE(html->find("<code>r-1</code>"), std::string::npos);
  EXPECT_NE(html->find("abc123"), std::string::npos);
}

// Every key of one catalogue is in the other (no label is left untranslated).
std::set<std::string> Keys(const nlohmann::json& j, const std::string& prefix = "") {
  std::set<std::string> out;
  for (const auto& [k, v] : j.items()) {
    if (v.is_object()) {
      auto sub = Keys(v, prefix + k + ".");
      out.insert(sub.begin(), sub.end());
    } else {
      EXPECT_TRUE(v.is_string()) << prefix + k;
      out.insert(prefix + k);
    }
  }
  return out;
}

TEST(CatalogueTest, BothLanguagesHaveTheSameKeys) {
  Catalogue cat;
  EXPECT_EQ(Keys(cat.All(Language::kDanish)), Keys(cat.All(Language::kEnglish)));
  EXPECT_EQ(cat.Text(Language::kDanish, "outcome.accepted"), "Imødekommet");
  EXPECT_EQ(cat.Text(Language::kEnglish, "outcome.accepted"), "Accepted");
  EXPECT_EQ(cat.Text(Language::kEnglish, "no.such.key"), "no.such.key");
}

TEST(StaticAssetsTest, ServesTheDesignSystemUnderOneBundle) {
  StaticAssets assets;
  const StaticAsset* css = assets.Find("dkfds/css/dkfds.min.css");
  ASSERT_NE(css, nullptr);
  EXPECT_EQ(css->media_type, "text/css; charset=utf-8");
  EXPECT_GT(css->bytes.size(), 100000u);
  EXPECT_EQ(css->etag.size(), 66u);
  EXPECT_NE(assets.Find("hoering/site.css"), nullptr);
  EXPECT_NE(assets.Find("hoering/site.js"), nullptr);
  EXPECT_EQ(assets.bundle().size(), 12u);
  EXPECT_EQ(assets.Url("hoering/site.css"), "/static/" + assets.bundle() + "/hoering/site.css");
  // Every font the stylesheet names in woff2 is built in.
  const std::string_view text = css->bytes;
  std::size_t fonts = 0;
  for (auto at = text.find("url(../fonts/"); at != std::string_view::npos;
       at = text.find("url(../fonts/", at + 1)) {
    const auto end = text.find_first_of(")?#", at);
    const std::string path = "dkfds/" + std::string(text.substr(at + 7, end - at - 7));
    if (path.ends_with(".woff2")) {
      EXPECT_NE(assets.Find(path), nullptr) << path;
      ++fonts;
    }
  }
  EXPECT_GT(fonts, 0u);
  EXPECT_EQ(assets.Find("../../etc/passwd"), nullptr);
}

TEST(MarkdownHtmlTest, DropsRawHtmlAndScriptLinks) {
  const std::string html =
      MarkdownToHtml("Tekst med *vægt*.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))");
  EXPECT_NE(html.find("<em>vægt</em>"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
}

}  // namespace
}  // namespace hoering::web
