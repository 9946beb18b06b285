#include "server/web/language.h"

#include <gtest/gtest.h>

namespace hoering::web {
namespace {

TEST(LanguageTest, ParsesTagsWithRegions) {
  EXPECT_EQ(ParseLanguage("da"), Language::kDanish);
  EXPECT_EQ(ParseLanguage("EN-gb"), Language::kEnglish);
  EXPECT_EQ(ParseLanguage(" en "), Language::kEnglish);
  EXPECT_EQ(ParseLanguage("de"), std::nullopt);
  EXPECT_EQ(ParseLanguage("dan"), std::nullopt);
  EXPECT_EQ(ParseLanguage(""), std::nullopt);
}

TEST(LanguageTest, AcceptLanguageTakesTheHighestQuality) {
  EXPECT_EQ(FromAcceptLanguage("de-DE, en;q=0.7, da;q=0.9"), Language::kDanish);
  EXPECT_EQ(FromAcceptLanguage("en-US,en;q=0.9"), Language::kEnglish);
  EXPECT_EQ(FromAcceptLanguage("da;q=0, en;q=0.1"), Language::kEnglish);
  EXPECT_EQ(FromAcceptLanguage("fr, de"), std::nullopt);
  EXPECT_EQ(FromAcceptLanguage("da;q=x"), std::nullopt);
  EXPECT_EQ(FromAcceptLanguage(""), std::nullopt);
}

TEST(LanguageTest, QueryBeatsCookieBeatsHeaderBeatsDanish) {
  EXPECT_EQ(ChooseLanguage("en", "hoering_lang=da", "da").lang, Language::kEnglish);
  EXPECT_TRUE(ChooseLanguage("en", "", "").from_query);
  EXPECT_EQ(ChooseLanguage(std::nullopt, "a=b; hoering_lang=en", "da").lang, Language::kEnglish);
  EXPECT_FALSE(ChooseLanguage(std::nullopt, "hoering_lang=en", "").from_query);
  EXPECT_EQ(ChooseLanguage("xx", "", "en").lang, Language::kEnglish);
  EXPECT_EQ(ChooseLanguage(std::nullopt, "hoering_lang=zz", "en-GB").lang, Language::kEnglish);
  EXPECT_EQ(ChooseLanguage(std::nullopt, "", "").lang, Language::kDanish);
}

TEST(LanguageTest, CookieValueFindsTheNamedCookie) {
  EXPECT_EQ(CookieValue("a=1; hoering_csrf=abc; b=2", "hoering_csrf"), "abc");
  EXPECT_EQ(CookieValue("xhoering_csrf=abc", "hoering_csrf"), std::nullopt);
  EXPECT_EQ(CookieValue("", "a"), std::nullopt);
}

}  // namespace
}  // namespace hoering::web
