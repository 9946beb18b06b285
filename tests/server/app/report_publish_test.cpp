// POST /v1/consultations/{id}/report/publish and the published reports
// (server/app/report_publish.h, routes_report_publish.cpp).
#include <gtest/gtest.h>

#include "domain/sha256.h"
#include "tests/server/app/consultation_fixture.h"
#include "tests/support/is_problem.h"

namespace hoering::testing {
namespace {

using client::Verb;

class ReportPublishTest : public ConsultationTest {
 protected:
  // The log's length: a refusal writes nothing, not even the report's bytes.
  std::uint64_t StreamLength() { return server_->store().Head().position; }
};

TEST_F(ReportPublishTest, PublishesThePublicReportAfterTheDeadline) {
  Submit(aarhus_, ResponseBody("aarhus"));
  Submit(plo_, ResponseBody("plo", "private"));
  const std::uint64_t before = StreamLength();
  auto early = admin_->Call(Verb::post, "/v1/consultations/h1/report/publish",
                            {{"language", "da"}, {"format", "md"}});
  ASSERT_TRUE(IsProblem(early, 409, "urn:hoering:consultation-not-closed"));
  EXPECT_EQ(StreamLength(), before);  // nothing written, not even the bytes

  now_->store(kCloses + kDay);
  auto secretariat = As(secretariat_);
  auto published = secretariat.Call(Verb::post, "/v1/consultations/h1/report/publish",
                                    {{"language", "da"}, {"format", "md"}});
  ASSERT_TRUE(published.ok()) << published.error().detail;
  EXPECT_EQ(published->status, 201);
  const nlohmann::json& p = published->body;
  EXPECT_EQ(p["number"], 1);
  EXPECT_EQ(p["language"], "da");
  EXPECT_EQ(p["format"], "md");
  EXPECT_EQ(p["media_type"], "text/markdown; charset=utf-8");
  EXPECT_EQ(published->headers.Get("X-Log-Position"), std::to_string(p["position"].get<int>()));
  EXPECT_LT(p["as_of_position"].get<int>(), p["position"].get<int>());

  // The bytes are the public report: the private response's words are not in it.
  auto file = Anonymous().CallRaw(Verb::get, "/v1/consultations/h1/report/published/1", "", "");
  ASSERT_TRUE(file.ok()) << file.error().detail;
  EXPECT_EQ(file->headers.Get("Content-Type"), "text/markdown; charset=utf-8");
  EXPECT_EQ(file->headers.Get("Content-Language"), "da");
  EXPECT_EQ(file->headers.Get("ETag"), "\"" + p["sha256"].get<std::string>() + "\"");
  EXPECT_EQ(ToHex(Sha256(file->raw)), p["sha256"]);
  EXPECT_EQ(file->raw.size(), p["size"].get<std::size_t>());
  EXPECT_NE(file->raw.find("Response of aarhus"), std::string::npos);
  EXPECT_EQ(file->raw.find("Response of plo"), std::string::npos);

  // A second publication in English is number 2; the list is public, oldest first.
  ASSERT_TRUE(
      admin_->Call(Verb::post, "/v1/consultations/h1/report/publish", {{"language", "en"}}).ok());
  auto list = Anonymous().Call(Verb::get, "/v1/consultations/h1/report/published");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->body["items"].size(), 2u);
  EXPECT_EQ(list->body["items"][0]["sha256"], p["sha256"]);
  EXPECT_EQ(list->body["items"][1]["number"], 2);
  EXPECT_EQ(list->body["items"][1]["format"], "html");
  EXPECT_EQ(list->body["items"][1]["language"], "en");
  // The consultation itself is unchanged by a publication.
  auto c = Anonymous().Call(Verb::get, "/v1/consultations/h1");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->body["state"], "closed");
}

TEST_F(ReportPublishTest, AnIdempotencyKeyAnswersARepeatWithTheFirstPublication) {
  now_->store(kCloses + kDay);
  client::CallOptions once;
  once.idempotency_key = "publish-1";
  auto first =
      admin_->Call(Verb::post, "/v1/consultations/h1/report/publish", {{"language", "da"}}, once);
  ASSERT_TRUE(first.ok()) << first.error().detail;
  const std::uint64_t after_first = StreamLength();
  auto again =
      admin_->Call(Verb::post, "/v1/consultations/h1/report/publish", {{"language", "da"}}, once);
  ASSERT_TRUE(again.ok()) << again.error().detail;
  EXPECT_EQ(again->body, first->body);
  EXPECT_EQ(StreamLength(), after_first);
}

TEST_F(ReportPublishTest, RefusalsChangeNothing) {
  now_->store(kCloses + kDay);
  const std::uint64_t before = StreamLength();
  auto anonymous = Anonymous().Call(Verb::post, "/v1/consultations/h1/report/publish");
  EXPECT_EQ(anonymous.error().status, 401);
  auto party = As(aarhus_).Call(Verb::post, "/v1/consultations/h1/report/publish");
  EXPECT_EQ(party.error().status, 403);
  auto auditor = As(auditor_).Call(Verb::post, "/v1/consultations/h1/report/publish");
  EXPECT_EQ(auditor.error().status, 403);
  for (const nlohmann::json& body :
       {nlohmann::json{{"language", "fr"}}, nlohmann::json{{"format", "pdf"}},
        nlohmann::json{{"language", 1}}, nlohmann::json::array()}) {
    auto bad = admin_->Call(Verb::post, "/v1/consultations/h1/report/publish", body);
    ASSERT_FALSE(bad.ok()) << body.dump();
    EXPECT_EQ(bad.error().status, 400) << body.dump();
  }
  auto unknown = admin_->Call(Verb::post, "/v1/consultations/nope/report/publish");
  EXPECT_EQ(unknown.error().status, 404);
  EXPECT_EQ(StreamLength(), before);

  for (const char* n : {"1", "0", "x", "99999999999999999999999"}) {
    auto missing = Anonymous().CallRaw(
        Verb::get, std::string("/v1/consultations/h1/report/published/") + n, "", "");
    ASSERT_FALSE(missing.ok()) << n;
    EXPECT_EQ(missing.error().status, 404) << n;
  }
  auto none = Anonymous().Call(Verb::get, "/v1/consultations/nope/report/published");
  EXPECT_EQ(none.error().status, 404);
}

}  // namespace
}  // namespace hoering::testing
