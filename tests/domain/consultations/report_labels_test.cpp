#include "domain/consultations/report_labels.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/domain/consultations/report_labels_fixture.h"

namespace hoering::consultations {
namespace {

using nlohmann::json;

TEST(ReportLabels, BothCatalogueFilesParse) {
  EXPECT_EQ(EnglishLabels().language_tag, "en");
  EXPECT_EQ(DanishLabels().language_tag, "da");
  EXPECT_EQ(DanishLabels().heading, "Høringsnotat: {title}");
  EXPECT_EQ(Name(DanishLabels().outcome, "accepted"), "Imødekommet");
  EXPECT_EQ(Name(EnglishLabels().outcome, "undecided"), "Not yet decided");
}

TEST(ReportLabels, EveryMissingOrBrokenKeyIsNamedAtOnce) {
  json labels = ReportLabelsJson("en");
  labels.erase("yes");
  labels["point"]["heading"] = "Point";  // lost its {n}
  labels["outcome"].erase("noted");
  labels["facts"]["opens"] = 7;
  auto parsed = ParseReportLabels(labels);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().type(), "invalid-report-labels");
  const std::string& detail = parsed.status().detail();
  for (const char* key : {"yes is missing", "point.heading lacks {n}", "outcome.noted is missing",
                          "facts.opens is missing or not a string"}) {
    EXPECT_NE(detail.find(key), std::string::npos) << key << " in " << detail;
  }
  EXPECT_FALSE(ParseReportLabels(json()).ok());
  EXPECT_FALSE(ParseReportLabels(json::array()).ok());
}

TEST(ReportLabels, BothFilesHaveTheSameKeys) {
  // Until the catalogue's key-parity test covers its parts as well.
  json da = ReportLabelsJson("da").flatten(), en = ReportLabelsJson("en").flatten();
  for (const auto& [key, value] : en.items()) EXPECT_TRUE(da.contains(key)) << key;
  for (const auto& [key, value] : da.items()) EXPECT_TRUE(en.contains(key)) << key;
}

TEST(ReportLabels, NameFallsBackToTheValue) {
  EXPECT_EQ(Name(DanishLabels().state, "closed"), "Afsluttet");
  EXPECT_EQ(Name(DanishLabels().state, "paused"), "paused");
  EXPECT_EQ(Name(DanishLabels().party_kind, ""), "");
}

TEST(ReportLabels, FillLabelReplacesEachPlaceholderOnce) {
  EXPECT_EQ(FillLabel("Point {n}", "{n}", "3"), "Point 3");
  EXPECT_EQ(FillLabel("{n} of {n}", "{n}", "2"), "2 of 2");
  // The value is not scanned again: a value holding the placeholder stays.
  EXPECT_EQ(FillLabel("a {n} b", "{n}", "{n}{n}"), "a {n}{n} b");
  EXPECT_EQ(FillLabel("no placeholder", "{n}", "x"), "no placeholder");
  EXPECT_EQ(FillLabel("x", "", "y"), "x");
}

}  // namespace
}  // namespace hoering::consultations
