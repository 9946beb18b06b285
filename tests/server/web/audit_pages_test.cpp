// The audit pages through a real server: roles (anonymous -> sign in,
// stakeholder -> 403), the traces down to the receipt and forward to the
// decision, the log's filters and paging, bad filters at their field, the
// live tail route, and the shared verify job.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "server/web/page.h"
#include "tests/server/web/pages_fixture.h"

namespace hoering::testing {
namespace {

class AuditPagesTest : public PagesTest {
 protected:
  void SetUp() override {
    PagesTest::SetUp();
    receipt_ = SubmitThenChangeCitingIt();
    ASSERT_TRUE(receipt_.is_object());
    rid_ = receipt_["response"];
    ASSERT_NO_FATAL_FAILURE(PublishFinalAndDecide("ssu-1", rid_));
    auditor_cookie_ = SignIn(auditor_);
  }
  HttpResponse AsAuditor(const std::string& target) {
    return Get(target, {{"Cookie", auditor_cookie_}});
  }
  nlohmann::json receipt_;
  std::string rid_, auditor_cookie_;
};

TEST_F(AuditPagesTest, EveryPageIsForItsRolesOnly) {
  const std::string stakeholder = SignIn(aarhus_), secretariat = SignIn(secretariat_);
  const std::vector<std::string> targets = {"/audit",
                                            "/audit/trace/decisions/ssu-1",
                                            "/audit/trace/responses/" + rid_,
                                            "/audit/log",
                                            "/audit/log/live",
                                            "/audit/verify",
                                            "/audit/verify/status"};
  for (const std::string& target : targets) {
    HttpResponse anonymous = Get(target);
    EXPECT_EQ(anonymous.status, 303) << target;
    EXPECT_EQ(anonymous.headers.Get("Location"), "/sign-in?next=" + web::UrlEncode(target))
        << target;
    EXPECT_EQ(Get(target, {{"Cookie", stakeholder}}).status, 403) << target;
  }
  // The secretariat reads the traces and verifies, but not the raw log.
  EXPECT_EQ(Get("/audit/trace/decisions/ssu-1", {{"Cookie", secretariat}}).status, 200);
  EXPECT_EQ(Get("/audit/verify", {{"Cookie", secretariat}}).status, 200);
  EXPECT_EQ(Get("/audit/log", {{"Cookie", secretariat}}).status, 403);
  EXPECT_FALSE(Has(Get("/audit", {{"Cookie", secretariat}}), "href=\"/audit/log\""));
  EXPECT_TRUE(Has(AsAuditor("/audit"), "href=\"/audit/log\""));
}

TEST_F(AuditPagesTest, TheTraceFormOpensATraceOrShowsTheErrorAtItsField) {
  HttpResponse open = AsAuditor("/audit/trace?decision=ssu-1");
  EXPECT_EQ(open.status, 303);
  EXPECT_EQ(open.headers.Get("Location"), "/audit/trace/decisions/ssu-1");
  EXPECT_EQ(AsAuditor("/audit/trace?response=" + rid_).headers.Get("Location"),
            "/audit/trace/responses/" + rid_);
  HttpResponse empty = AsAuditor("/audit/trace?response=");
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(Has(empty, "id=\"response-error\""));
  EXPECT_TRUE(Has(empty, "href=\"#response\""));
  EXPECT_EQ(AsAuditor("/audit/trace/decisions/nope").status, 404);
  EXPECT_TRUE(Has(AsAuditor("/audit/trace/decisions/nope"), "Beslutningen findes ikke."));
}

TEST_F(AuditPagesTest, DecisionTraceLeadsDownToTheReceipt) {
  HttpResponse page = AsAuditor("/audit/trace/decisions/ssu-1");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(HasAll(
      page, {"Den hash, der er gemt med beslutningen, er lig med versionens hash.",
             "href=\"/agreements/sa?at=2\"", "href=\"/agreements/sa/diff?from=1&amp;to=2\"", "c-2",
             "Point one", "href=\"/consultations/h1/responses/" + rid_ + "/receipt\"",
             "href=\"/audit/trace/responses/" + rid_ + "\"", receipt_["hash"].get<std::string>()}));
}

TEST_F(AuditPagesTest, ResponseTraceLeadsForwardToTheDecision) {
  HttpResponse page = AsAuditor("/audit/trace/responses/" + rid_);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(
      HasAll(page, {receipt_["hash"].get<std::string>(), "href=\"/audit/trace/decisions/ssu-1\"",
                    "href=\"/agreements/sa?at=2\""}));
  EXPECT_EQ(AsAuditor("/audit/trace/responses/nope").status, 404);
}

TEST_F(AuditPagesTest, LogFiltersByStreamAndTypeAndPages) {
  HttpResponse all = AsAuditor("/audit/log");
  ASSERT_EQ(all.status, 200);
  EXPECT_TRUE(Has(all, "id=\"event-1\""));
  HttpResponse typed = AsAuditor("/audit/log?type=DecisionRecorded");
  EXPECT_TRUE(Has(typed, "DecisionRecorded"));
  EXPECT_FALSE(Has(typed, "id=\"event-1\""));
  EXPECT_TRUE(Has(typed, "id=\"log-newer\""));  // at the head: a link to newer events
  HttpResponse from = AsAuditor("/audit/log?from=3");
  EXPECT_FALSE(Has(from, "id=\"event-2\""));
  EXPECT_TRUE(HasAll(from, {"id=\"event-3\"", "href=\"/audit/log?before=3\""}));
  HttpResponse before = AsAuditor("/audit/log?before=3");
  EXPECT_TRUE(Has(before, "id=\"event-2\""));
  EXPECT_FALSE(Has(before, "id=\"event-3\""));
  HttpResponse none = AsAuditor("/audit/log?stream=nothing-here");
  EXPECT_TRUE(Has(none, "id=\"log-empty\""));
}

TEST_F(AuditPagesTest, BadLogFiltersAnswer400AtTheField) {
  HttpResponse bad = AsAuditor("/audit/log?from=x&stream=sa");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Has(bad, "id=\"from-error\""));
  EXPECT_TRUE(Has(bad, "value=\"sa\""));  // the input is kept
  HttpResponse date = AsAuditor("/audit/log?since=2023-13-45");
  EXPECT_EQ(date.status, 400);
  EXPECT_TRUE(Has(date, "id=\"since-error\""));
  EXPECT_EQ(AsAuditor("/audit/log?from=0").status, 400);
}

TEST_F(AuditPagesTest, VerifyRunsOneSharedJobToTheResult) {
  HttpResponse page = AsAuditor("/audit/verify");
  ASSERT_EQ(page.status, 200);
  const std::string csrf = FormCsrf(page);
  // Without the CSRF field nothing starts.
  EXPECT_EQ(PostForm("/audit/verify", "", {{"Cookie", auditor_cookie_}}).status, 403);
  HttpResponse started = PostForm("/audit/verify", "csrf=" + csrf, {{"Cookie", auditor_cookie_}});
  EXPECT_EQ(started.status, 303);
  nlohmann::json status;
  for (int i = 0; i < 200; ++i) {
    status = nlohmann::json::parse(AsAuditor("/audit/verify/status").body);
    if (!status["running"].get<bool>()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_FALSE(status["running"].get<bool>());
  EXPECT_EQ(status["runs"], 1);
  EXPECT_EQ(status["report"]["ok"], true);
  EXPECT_GT(status["report"]["checked"].get<int>(), 5);
  // The progress of the finished job: every event it set out to check.
  EXPECT_EQ(status["checked"], status["report"]["checked"]);
  EXPECT_EQ(status["checked"], status["target"]);
  EXPECT_EQ(status["percent"], 100);
  HttpResponse result = AsAuditor("/audit/verify");
  EXPECT_TRUE(Has(result, "Kæden er intakt."));
  EXPECT_TRUE(Has(result, status["report"]["head"]["hash"].get<std::string>()));
}

}  // namespace
}  // namespace hoering::testing
