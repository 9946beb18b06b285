// Dispositions, citations in both directions and the consultation report in
// its four formats, through the real client.
#include <gtest/gtest.h>

#include "tests/server/app/consultation_fixture.h"

namespace hoering {
namespace {

using client::Verb;
using testing::ConsultationTest;

class DispositionTest : public ConsultationTest {
 protected:
  void SetUp() override {
    ConsultationTest::SetUp();
    aarhus_response_ = Submit(aarhus_, ResponseBody("aarhus"));
    plo_response_ = Submit(plo_, ResponseBody("plo", "anonymous"));
    now_->store(kCloses + kDay);
  }

  client::Expected<client::ApiResult> Change(const nlohmann::json& cites, const std::string& body) {
    return admin_->Call(Verb::post, "/v1/agreements/sa/changes",
                        {{"rationale", "Follow the responses"},
                         {"cites", cites},
                         {"ops", {{{"op", "edit"}, {"id", "kap-1"}, {"body", body}}}}});
  }

  std::string Disposition(const std::string& rid, int point) {
    return "/v1/consultations/h1/responses/" + rid + "/points/" + std::to_string(point) +
           "/disposition";
  }

  std::string aarhus_response_, plo_response_;
};

TEST_F(DispositionTest, CitationsAreValidated) {
  auto unknown = Change({{{"response", "r-0000000000000000"}, {"point", 1}}}, "x");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().type, "urn:hoering:invalid-citation");
  auto no_point = Change({{{"response", aarhus_response_}, {"point", 4}}}, "x");
  EXPECT_EQ(no_point.error().type, "urn:hoering:invalid-citation");
  auto zero = Change({{{"response", aarhus_response_}, {"point", 0}}}, "x");
  EXPECT_EQ(zero.error().type, "urn:hoering:invalid-citation");
  // A response to a consultation on another agreement cannot be cited.
  ASSERT_TRUE(
      admin_->Call(Verb::post, "/v1/agreements", {{"id", "other"}, {"title", "Other"}}).ok());
  nlohmann::json add = {{"op", "add"},
                        {"section", {{"kind", "text"}, {"heading", "H"}, {"body", "B"}}}};
  nlohmann::json cite = {{"response", aarhus_response_}, {"point", 1}};
  nlohmann::json change = {{"rationale", "r"},
                           {"cites", nlohmann::json::array({cite})},
                           {"ops", nlohmann::json::array({add})}};
  auto other = admin_->Call(Verb::post, "/v1/agreements/other/changes", change);
  EXPECT_EQ(other.error().type, "urn:hoering:invalid-citation");
  auto ok = Change({{{"response", aarhus_response_}, {"point", 1}}}, "Ny tekst om samarbejde.");
  ASSERT_TRUE(ok.ok()) << ok.error().detail;
  auto shown = admin_->Call(Verb::get, "/v1/consultations/h1/responses/" + aarhus_response_);
  EXPECT_EQ(shown->body["points"][0]["cited_by"], nlohmann::json({"c-2"}));
  EXPECT_EQ(shown->body["points"][1]["cited_by"], nlohmann::json::array());
}

// The list keeps each response's text between reads (server/app/response_cache.h):
// a citation (another stream) and a disposition (the response's own) show at once.
TEST_F(DispositionTest, TheListShowsNewCitationsAndDispositionsAtOnce) {
  auto point_of = [&](const std::string& rid) {
    auto list = admin_->Call(Verb::get, "/v1/consultations/h1/responses");
    EXPECT_TRUE(list.ok());
    for (const auto& item : list->body["items"]) {
      if (item["id"] == rid) return item["points"][0];
    }
    return nlohmann::json();
  };
  EXPECT_EQ(point_of(aarhus_response_)["cited_by"], nlohmann::json::array());
  EXPECT_EQ(point_of(aarhus_response_)["cited_by"], nlohmann::json::array());
  ASSERT_TRUE(Change({{{"response", aarhus_response_}, {"point", 1}}}, "Ny tekst.").ok());
  EXPECT_EQ(point_of(aarhus_response_)["cited_by"], nlohmann::json({"c-2"}));
  EXPECT_TRUE(point_of(aarhus_response_)["disposition"].is_null());
  ASSERT_TRUE(admin_
                  ->Call(Verb::put, Disposition(aarhus_response_, 1),
                         {{"outcome", "accepted"}, {"rationale", "Ja"}, {"changes", {"c-2"}}})
                  .ok());
  EXPECT_EQ(point_of(aarhus_response_)["disposition"]["outcome"], "accepted");
}

TEST_F(DispositionTest, ReRecordingKeepsHistory) {
  ASSERT_TRUE(Change({{{"response", aarhus_response_}, {"point", 1}}}, "Ny tekst.").ok());
  auto first = admin_->Call(
      Verb::put, Disposition(aarhus_response_, 1),
      {{"outcome", "partially_accepted"}, {"rationale", "In part"}, {"changes", {"c-2"}}});
  ASSERT_TRUE(first.ok()) << first.error().detail;
  auto second =
      As(secretariat_)
          .Call(Verb::put, Disposition(aarhus_response_, 1),
                {{"outcome", "accepted"}, {"rationale", "In full"}, {"changes", {"c-2"}}});
  ASSERT_TRUE(second.ok());
  auto got = Anonymous().Call(Verb::get, Disposition(aarhus_response_, 1));
  ASSERT_TRUE(got.ok()) << got.error().detail;
  EXPECT_EQ(got->body["current"]["outcome"], "accepted");
  ASSERT_EQ(got->body["history"].size(), 2u);
  EXPECT_EQ(got->body["history"][0]["outcome"], "partially_accepted");
  EXPECT_EQ(admin_
                ->Call(Verb::put, Disposition(aarhus_response_, 1),
                       {{"outcome", "accepted"}, {"rationale", "r"}, {"changes", {"c-9"}}})
                .error()
                .type,
            "urn:hoering:unknown-change");
  EXPECT_EQ(admin_
                ->Call(Verb::put, Disposition(aarhus_response_, 9),
                       {{"outcome", "noted"}, {"rationale", "r"}})
                .error()
                .type,
            "urn:hoering:point-not-found");
  EXPECT_EQ(admin_
                ->Call(Verb::put, Disposition(aarhus_response_, 1),
                       {{"outcome", "maybe"}, {"rationale", "r"}})
                .error()
                .status,
            400);
  EXPECT_EQ(As(aarhus_)
                .Call(Verb::put, Disposition(aarhus_response_, 2),
                      {{"outcome", "noted"}, {"rationale", "r"}})
                .error()
                .status,
            403);
}

TEST_F(DispositionTest, TheReportInFourFormats) {
  ASSERT_TRUE(Change({{{"response", aarhus_response_}, {"point", 1}}},
                     "Alle borgere skal opleve et sammenhængende sundhedsvæsen.")
                  .ok());
  ASSERT_TRUE(admin_
                  ->Call(Verb::put, Disposition(aarhus_response_, 1),
                         {{"outcome", "accepted"}, {"rationale", "Agreed"}, {"changes", {"c-2"}}})
                  .ok());
  ASSERT_TRUE(admin_
                  ->Call(Verb::put, Disposition(plo_response_, 2),
                         {{"outcome", "out_of_scope"}, {"rationale", "Not for this agreement"}})
                  .ok());
  auto json = As(auditor_).Call(Verb::get, "/v1/consultations/h1/report?format=json");
  ASSERT_TRUE(json.ok()) << json.error().detail;
  const auto& totals = json->body["totals"];
  EXPECT_EQ(totals["responses"], 2);
  EXPECT_EQ(totals["points"], 6);
  EXPECT_EQ(totals["outcomes"]["accepted"], 1);
  EXPECT_EQ(totals["outcomes"]["out_of_scope"], 1);
  EXPECT_EQ(totals["outcomes"]["undecided"], 4);
  const auto& parties = json->body["parties"];
  ASSERT_EQ(parties.size(), 3u);
  EXPECT_EQ(parties[0]["responded"], true);
  EXPECT_EQ(parties[2]["party"], "panel");
  EXPECT_EQ(parties[2]["responded"], false);
  const auto& point = json->body["responses"][0]["points"][0];
  EXPECT_EQ(point["section_heading"], "Forord");
  ASSERT_EQ(point["changes"].size(), 1u);
  EXPECT_EQ(point["changes"][0]["change"], "c-2");
  bool inserted = false;
  for (const auto& run : point["changes"][0]["sections"][0]["excerpt"]) {
    inserted |= run["op"] == "insert" &&
                run["text"].get<std::string>().find("sammenhængende") != std::string::npos;
  }
  EXPECT_TRUE(inserted);

  auto md = admin_->CallRaw(Verb::get, "/v1/consultations/h1/report?format=md", "", "");
  ASSERT_TRUE(md.ok());
  EXPECT_NE(md->raw.find("# Consultation report"), std::string::npos);
  EXPECT_NE(md->raw.find("Aarhus Kommune"), std::string::npos);
  EXPECT_NE(md->raw.find("Out of scope"), std::string::npos);
  auto html = admin_->CallRaw(Verb::get, "/v1/consultations/h1/report?format=html", "", "");
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(html->headers.Get("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(html->raw.find("<ins>"), std::string::npos);
  EXPECT_EQ(html->raw.find("<script"), std::string::npos);
  auto csv = admin_->CallRaw(Verb::get, "/v1/consultations/h1/report?format=csv", "", "");
  ASSERT_TRUE(csv.ok());
  std::size_t rows = 0;
  for (std::size_t at = 0; (at = csv->raw.find("\r\n", at)) != std::string::npos; at += 2) ++rows;
  EXPECT_EQ(rows, 1u + 6u);  // header + one row per point
  EXPECT_EQ(admin_->Call(Verb::get, "/v1/consultations/h1/report?format=pdf").error().status, 400);
  EXPECT_EQ(admin_->Call(Verb::get, "/v1/consultations/nope/report").error().status, 404);
}

// The change excerpts of a report are kept between reports
// (server/app/change_excerpts.h): a second report answers them from memory
// with the same sections, and a change recorded later is folded in.
TEST_F(DispositionTest, ReportsKeepTheirChangeExcerpts) {
  ASSERT_TRUE(Change({{{"response", aarhus_response_}, {"point", 1}}}, "Første udgave.").ok());
  ASSERT_TRUE(admin_
                  ->Call(Verb::put, Disposition(aarhus_response_, 1),
                         {{"outcome", "accepted"}, {"rationale", "Agreed"}, {"changes", {"c-2"}}})
                  .ok());
  auto sections_of = [](const nlohmann::json& report, int response) {
    return report["responses"][response]["points"][0]["changes"][0]["sections"];
  };
  auto first = admin_->Call(Verb::get, "/v1/consultations/h1/report");
  ASSERT_TRUE(first.ok()) << first.error().detail;
  auto second = admin_->Call(Verb::get, "/v1/consultations/h1/report");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(sections_of(second->body, 0), sections_of(first->body, 0));
  EXPECT_EQ(second->body["responses"], first->body["responses"]);
  auto metrics = admin_->CallRaw(Verb::get, "/metrics", "", "");
  ASSERT_TRUE(metrics.ok());
  EXPECT_NE(metrics->raw.find("hoering_excerpt_cache_hits 1\n"), std::string::npos) << metrics->raw;

  ASSERT_TRUE(Change({{{"response", plo_response_}, {"point", 1}}}, "Anden udgave.").ok());
  ASSERT_TRUE(admin_
                  ->Call(Verb::put, Disposition(plo_response_, 1),
                         {{"outcome", "accepted"}, {"rationale", "Also"}, {"changes", {"c-3"}}})
                  .ok());
  auto third = admin_->Call(Verb::get, "/v1/consultations/h1/report");
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(sections_of(third->body, 0), sections_of(first->body, 0));
  const auto later = sections_of(third->body, 1);
  ASSERT_EQ(later.size(), 1u);
  std::string to;
  for (const auto& run : later[0]["excerpt"]) {
    if (run["op"] != "delete") to += run["text"].get<std::string>();
  }
  EXPECT_EQ(to, "Anden udgave.");
}

}  // namespace
}  // namespace hoering
