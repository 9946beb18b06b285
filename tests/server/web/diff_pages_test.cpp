// The diff page of a long text (/agreements/{id}/diff): paged at 100
// sections of the diff, the summary counting them all, links to the
// neighbouring pages that keep the versions and the view, and clear errors
// for a page that is not a number or not there.
#include <gtest/gtest.h>

#include "tests/server/web/pages_fixture.h"

namespace hoering::testing {
namespace {

class DiffPagesTest : public PagesTest {
 protected:
  // Agreement "long" with 250 sections s-1..s-250, version 1, then sections
  // s-2, s-120 and s-240 edited and version 2.
  void SetUp() override {
    PagesTest::SetUp();
    ASSERT_TRUE(
        admin_->Call(Verb::post, "/v1/agreements", {{"id", "long"}, {"title", "Lang aftale"}})
            .ok());
    ASSERT_TRUE(
        admin_->CallRaw(Verb::post, "/v1/agreements/long/import", Markdown(), "text/markdown")
            .ok());
    ASSERT_TRUE(admin_->Call(Verb::post, "/v1/agreements/long/versions", {{"label", "v1"}}).ok());
    nlohmann::json ops = nlohmann::json::array();
    for (int n : {2, 120, 240}) {
      ops.push_back({{"op", "edit"},
                     {"id", "s-" + std::to_string(n)},
                     {"body", "Ændret tekst i afsnit " + std::to_string(n) + "."}});
    }
    auto changed = admin_->Call(Verb::post, "/v1/agreements/long/changes",
                                {{"rationale", "Tre rettelser"}, {"ops", ops}});
    ASSERT_TRUE(changed.ok()) << changed.error().detail;
    ASSERT_TRUE(admin_->Call(Verb::post, "/v1/agreements/long/versions", {{"label", "v2"}}).ok());
  }
  // The mark of section s-<n> shown as modified.
  static std::string Modified(int n) {
    return "diff-modified\" aria-labelledby=\"diff-s-" + std::to_string(n) + "\"";
  }
  static std::string Markdown() {
    std::string md;
    for (int n = 1; n <= 250; ++n) {
      const std::string s = std::to_string(n);
      md += "# Afsnit " + s + " {#s-" + s + "}\n\nTekst i afsnit " + s + ".\n\n";
    }
    return md;
  }
};

TEST_F(DiffPagesTest, ALongDiffIsPagedByHundredSections) {
  HttpResponse first = Get("/agreements/long/diff?from=1&to=2", {{"Accept-Language", "en"}});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_TRUE(Has(first, "Sections 1–100 of 250"));
  // The summary counts the whole diff.
  EXPECT_TRUE(HasAll(first, {"3 modified", Modified(2),
                             "href=\"/agreements/long/diff?from=1&amp;to=2&amp;page=2\""}));
  EXPECT_TRUE(HasNone(first, {Modified(120), "Tekst i afsnit 101.", "rel=\"prev\""}));

  HttpResponse side = Get("/agreements/long/diff?from=1&to=2&view=side&page=2");
  ASSERT_EQ(side.status, 200);
  EXPECT_TRUE(Has(side, "Afsnit 101–200 af 250"));
  EXPECT_TRUE(Has(side, Modified(120)));
  // Word diffs are worked out for the page shown, whichever page it is.
  EXPECT_TRUE(
      HasAll(side, {"Ændret tekst", "diff-columns",
                    "href=\"/agreements/long/diff?from=1&amp;to=2&amp;view=side&amp;page=1\"",
                    "href=\"/agreements/long/diff?from=1&amp;to=2&amp;view=side&amp;page=3\""}));

  HttpResponse last = Get("/agreements/long/diff?from=1&to=2&page=3");
  ASSERT_EQ(last.status, 200);
  EXPECT_TRUE(HasAll(last, {Modified(240), "Ændret tekst"}));
  EXPECT_FALSE(Has(last, "rel=\"next\""));
}

TEST_F(DiffPagesTest, APageThatIsNotANumberOrNotThereIsRefused) {
  EXPECT_EQ(Get("/agreements/long/diff?from=1&to=2&page=4").status, 404);
  EXPECT_EQ(Get("/agreements/long/diff?from=1&to=2&page=0").status, 400);
  EXPECT_EQ(Get("/agreements/long/diff?from=1&to=2&page=x").status, 400);
  // A short text has one page and no pager.
  HttpResponse short_text = Get("/agreements/sa/diff");
  EXPECT_FALSE(Has(short_text, "diff-pager"));
}

// A changed section whose parents did not change shows without them (they
// sit collapsed): its heading follows the page's h1, never skipping a level
// (axe heading-order); opened, the parents' headings lead down to it.
TEST_F(DiffPagesTest, AChangedSectionUnderUnchangedParentsSkipsNoHeadingLevel) {
  ASSERT_TRUE(
      admin_->Call(Verb::post, "/v1/agreements", {{"id", "deep"}, {"title", "Dyb aftale"}}).ok());
  const std::string md =
      "# Del {#del}\n\nTekst.\n\n## Kapitel {#kapitel}\n\nTekst.\n\n"
      "### Afsnit {#afsnit}\n\nTekst.\n\n#### Stykke {#stykke}\n\nGammel tekst.\n";
  ASSERT_TRUE(admin_->CallRaw(Verb::post, "/v1/agreements/deep/import", md, "text/markdown").ok());
  ASSERT_TRUE(admin_->Call(Verb::post, "/v1/agreements/deep/versions", {{"label", "v1"}}).ok());
  nlohmann::json ops =
      nlohmann::json::array({{{"op", "edit"}, {"id", "stykke"}, {"body", "Ny tekst."}}});
  ASSERT_TRUE(admin_
                  ->Call(Verb::post, "/v1/agreements/deep/changes",
                         {{"rationale", "Rettelse"}, {"ops", ops}})
                  .ok());
  ASSERT_TRUE(admin_->Call(Verb::post, "/v1/agreements/deep/versions", {{"label", "v2"}}).ok());
  HttpResponse diff = Get("/agreements/deep/diff?from=1&to=2");
  ASSERT_EQ(diff.status, 200) << diff.body;
  EXPECT_TRUE(Has(diff, "<h2 id=\"diff-del\""));
  EXPECT_TRUE(Has(diff, "<h3 id=\"diff-kapitel\""));
  EXPECT_TRUE(Has(diff, "<h4 id=\"diff-afsnit\""));
  // At depth 4 it would be an h5; after the h1 it is an h2.
  EXPECT_TRUE(Has(diff, "<h2 id=\"diff-stykke\" class=\"diff-heading h5\""));  // looks its depth
  EXPECT_FALSE(Has(diff, "<h5"));
}

}  // namespace
}  // namespace hoering::testing
