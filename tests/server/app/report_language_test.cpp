// The consultation report's language on /v1 (issue 14): ?lang=, then
// Accept-Language, then English; JSON and CSV never change with it.
#include "server/app/report_language.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/server/app/consultation_fixture.h"

namespace hoering {
namespace {

using client::Verb;
using testing::ConsultationTest;

TEST(ReportLanguage, QueryThenAcceptLanguageThenEnglish) {
  using web::Language;
  EXPECT_EQ(*app::ReportLanguage("da", "en"), Language::kDanish);
  EXPECT_EQ(*app::ReportLanguage("en", "da"), Language::kEnglish);
  EXPECT_EQ(*app::ReportLanguage(std::nullopt, "da-DK, en;q=0.8"), Language::kDanish);
  EXPECT_EQ(*app::ReportLanguage(std::nullopt, "en;q=0.1, da;q=0.05"), Language::kEnglish);
  EXPECT_EQ(*app::ReportLanguage(std::nullopt, "fr"), Language::kEnglish);
  EXPECT_EQ(*app::ReportLanguage(std::nullopt, ""), Language::kEnglish);
  EXPECT_EQ(app::ReportLanguage("EN", "").status().type(), "invalid-query");
  EXPECT_EQ(app::ReportLanguage("", "da").status().type(), "invalid-query");
}

TEST(ReportLanguage, TheCatalogueHoldsCompleteLabelsForBoth) {
  EXPECT_EQ(app::ReportLabelsIn(web::Language::kDanish).language_tag, "da");
  EXPECT_EQ(app::ReportLabelsIn(web::Language::kDanish).totals_heading, "Samlet");
  EXPECT_EQ(app::ReportLabelsIn(web::Language::kEnglish).language_tag, "en");
  EXPECT_EQ(consultations::Name(app::ReportLabelsIn(web::Language::kEnglish).outcome, "noted"),
            "Noted");
}

class ReportLanguageTest : public ConsultationTest {
 protected:
  void SetUp() override {
    ConsultationTest::SetUp();
    std::string rid = Submit(aarhus_, ResponseBody("aarhus"));
    now_->store(kCloses + kDay);
    ASSERT_TRUE(admin_
                    ->Call(Verb::put,
                           "/v1/consultations/h1/responses/" + rid + "/points/1/disposition",
                           {{"outcome", "accepted"}, {"rationale", "Agreed <fully>"}})
                    .ok());
  }

  // The report at `query` ("format=md&lang=da"), with an Accept-Language
  // header when `accept` is not empty.
  client::ApiResult Get(const std::string& query, const std::string& accept = "") {
    client::CallOptions options;
    if (!accept.empty()) options.headers.Set("Accept-Language", accept);
    auto got = admin_->CallRaw(Verb::get, "/v1/consultations/h1/report?" + query, "", "", options);
    EXPECT_TRUE(got.ok()) << query << ": " << (got.ok() ? "" : got.error().detail);
    return got.ok() ? *got : client::ApiResult{};
  }

  static std::string Header(const client::ApiResult& r, std::string_view name) {
    return std::string(r.headers.Get(name).value_or(""));
  }
};

TEST_F(ReportLanguageTest, LangQueryChoosesDanish) {
  auto md = Get("format=md&lang=da", "en");  // the query wins over the header
  EXPECT_EQ(md.raw.rfind("# Høringsnotat: ", 0), 0u) << md.raw;
  EXPECT_NE(md.raw.find("## Høringsparter og indsendte svar\n"), std::string::npos);
  EXPECT_NE(md.raw.find("**Behandling: Imødekommet"), std::string::npos);
  EXPECT_NE(md.raw.find("Agreed \\<fully\\>"), std::string::npos);  // still escaped
  EXPECT_EQ(Header(md, "Content-Language"), "da");
  EXPECT_EQ(Header(md, "Vary"), "Accept-Language");

  auto html = Get("format=html&lang=da");
  EXPECT_NE(html.raw.find("<html lang=\"da\">"), std::string::npos);
  EXPECT_NE(html.raw.find("<h2>Høringssvar</h2>"), std::string::npos);
  EXPECT_NE(html.raw.find("Agreed &lt;fully&gt;"), std::string::npos);
  EXPECT_EQ(Header(html, "Content-Language"), "da");
  EXPECT_EQ(Header(html, "Content-Type"), "text/html; charset=utf-8");

  auto en = Get("format=md&lang=en", "da");
  EXPECT_EQ(en.raw.rfind("# Consultation report: ", 0), 0u);
  EXPECT_EQ(Header(en, "Content-Language"), "en");
}

TEST_F(ReportLanguageTest, AcceptLanguageChoosesByQuality) {
  EXPECT_EQ(Get("format=md", "da").raw.rfind("# Høringsnotat: ", 0), 0u);
  EXPECT_EQ(Get("format=md", "en;q=0.5, da-DK;q=0.9").raw.rfind("# Høringsnotat: ", 0), 0u);
  auto en = Get("format=html", "da;q=0.3, en-GB");
  EXPECT_NE(en.raw.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_EQ(Header(en, "Content-Language"), "en");
  // Neither language offered: English.
  auto other = Get("format=md", "sv, nb;q=0.8");
  EXPECT_EQ(other.raw.rfind("# Consultation report: ", 0), 0u);
  EXPECT_EQ(Header(other, "Content-Language"), "en");
}

TEST_F(ReportLanguageTest, EnglishByDefault) {
  auto md = Get("format=md");
  EXPECT_EQ(md.raw.rfind("# Consultation report: ", 0), 0u);
  EXPECT_NE(md.raw.find("**Disposition: Accepted"), std::string::npos);
  EXPECT_EQ(Header(md, "Content-Language"), "en");
  EXPECT_NE(Get("format=html").raw.find("<html lang=\"en\">"), std::string::npos);
}

TEST_F(ReportLanguageTest, AnotherLangIsABadQuery) {
  for (const char* lang : {"de", "DA-dk", "", "da,en"}) {
    auto bad =
        admin_->Call(Verb::get, std::string("/v1/consultations/h1/report?format=md&lang=") + lang);
    ASSERT_FALSE(bad.ok()) << lang;
    EXPECT_EQ(bad.error().status, 400) << lang;
    EXPECT_EQ(bad.error().type, "urn:hoering:invalid-query") << lang;
  }
  // Also where the language would not matter.
  EXPECT_EQ(admin_->Call(Verb::get, "/v1/consultations/h1/report?lang=fr").error().status, 400);
}

TEST_F(ReportLanguageTest, JsonAndCsvAreTheSameInEveryLanguage) {
  for (const char* format : {"json", "csv"}) {
    const std::string query = std::string("format=") + format;
    auto plain = Get(query);
    for (auto [lang, accept] : {std::pair{"&lang=da", ""}, std::pair{"&lang=en", ""},
                                std::pair{"", "da"}, std::pair{"&lang=da", "en"}}) {
      auto other = Get(query + lang, accept);
      EXPECT_EQ(other.raw, plain.raw) << format << lang << " " << accept;
      EXPECT_FALSE(other.headers.Has("Content-Language")) << format;
    }
  }
  auto csv = Get("format=csv&lang=da");
  EXPECT_EQ(csv.raw.rfind("consultation,response,party,party_name,publication,", 0), 0u);
  EXPECT_NE(csv.raw.find(",accepted,"), std::string::npos);
  auto json = Get("format=json&lang=da");
  EXPECT_EQ(json.body["responses"][0]["points"][0]["disposition"]["outcome"], "accepted");
}

}  // namespace
}  // namespace hoering
