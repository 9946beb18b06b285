// /manage/consultations/{id}/report: the secretariat's report page and its
// publish form (server/web/pages_report_publish.cpp), and the public report
// page after a publication. Also the role rule of pages declared with an
// Access (page.h).
#include <gtest/gtest.h>

#include "tests/server/web/pages_fixture.h"

namespace hoering::testing {
namespace {

class ReportPublishPagesTest : public PagesTest {
 protected:
  // A signed-in secretariat: its session cookie and a form's CSRF secret.
  struct Reader {
    std::string cookie;
    std::string csrf;
  };
  Reader Secretariat() {
    Reader r{SignIn(secretariat_), ""};
    r.csrf = FormCsrf(Get("/manage/consultations/h1/report", {{"Cookie", r.cookie}}));
    return r;
  }
  HttpResponse Publish(const Reader& r, const std::string& fields) {
    return PostForm("/manage/consultations/h1/report/publish", "csrf=" + r.csrf + "&" + fields,
                    {{"Cookie", r.cookie}});
  }
  std::uint64_t LogLength() { return server_->store().Head().position; }
};

TEST_F(ReportPublishPagesTest, OnlyTheSecretariatAndAdminsMayUseIt) {
  HttpResponse anonymous = Get("/manage/consultations/h1/report");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.headers.Get("Location"),
            "/sign-in?next=%2Fmanage%2Fconsultations%2Fh1%2Freport");
  for (const std::string& token : {aarhus_, auditor_}) {
    HttpResponse refused = Get("/manage/consultations/h1/report",
                               {{"Cookie", SignIn(token)}, {"Accept-Language", "en"}});
    EXPECT_EQ(refused.status, 403);
    EXPECT_TRUE(Has(refused, "This page is for other roles than yours"));
  }
  HttpResponse posted = PostForm("/manage/consultations/h1/report/publish", "language=da",
                                 {{"Cookie", SignIn(aarhus_)}});
  EXPECT_EQ(posted.status, 403);
  // Signing in from the redirect comes back here.
  HttpResponse back =
      Get("/sign-in?next=%2Fmanage%2Fconsultations%2Fh1%2Freport&token=" + secretariat_);
  EXPECT_EQ(back.headers.Get("Location"), "/manage/consultations/h1/report");
  EXPECT_EQ(Get("/manage/consultations/h1/report", {{"Cookie", SignIn(secretariat_)}}).status, 200);
  EXPECT_EQ(Get("/manage/consultations/h1/report", {{"Cookie", SignIn(kAdminToken)}}).status, 200);
}

TEST_F(ReportPublishPagesTest, PublishingWhileOpenIsExplainedAtTheFormAndWritesNothing) {
  const Reader r = Secretariat();
  const std::uint64_t before = LogLength();
  HttpResponse early = Publish(r, "language=da&format=html&form_key=k1");
  EXPECT_EQ(early.status, 409);
  EXPECT_TRUE(Has(early, "id=\"publish-error\""));
  EXPECT_TRUE(Has(early, "href=\"#language-da\""));
  HttpResponse no_choice = Publish(r, "form_key=k2");
  EXPECT_EQ(no_choice.status, 400);
  EXPECT_TRUE(Has(no_choice, "id=\"publish-error\""));
  EXPECT_EQ(LogLength(), before);
}

TEST_F(ReportPublishPagesTest, APublicationIsListedAndShownOnThePublicReportPage) {
  Submit(aarhus_, ResponseBody("aarhus"));
  Close();
  const Reader r = Secretariat();
  HttpResponse done = Publish(r, "language=da&format=html&form_key=k3");
  EXPECT_EQ(done.status, 303);
  EXPECT_EQ(done.headers.Get("Location"), "/manage/consultations/h1/report#publication-1");
  // The same form sent again (a second click) does not publish twice.
  const std::uint64_t after = LogLength();
  EXPECT_EQ(Publish(r, "language=da&format=html&form_key=k3").status, 303);
  EXPECT_EQ(LogLength(), after);

  HttpResponse page = Get("/manage/consultations/h1/report", {{"Cookie", r.cookie}});
  EXPECT_TRUE(HasAll(page, {"id=\"publication-1\"", "/v1/consultations/h1/report/published/1"}));
  EXPECT_FALSE(Has(page, "id=\"publication-2\""));

  // The public reads the published report, not the live one; the secretariat both.
  HttpResponse pub = Get("/consultations/h1/report");
  EXPECT_EQ(pub.status, 200);
  EXPECT_TRUE(Has(pub, "class=\"published-report\""));
  EXPECT_FALSE(Has(pub, "class=\"report-response\""));
  HttpResponse live = Get("/consultations/h1/report", {{"Cookie", r.cookie}});
  EXPECT_TRUE(Has(live, "class=\"published-report\""));
  EXPECT_TRUE(Has(live, "class=\"report-response\""));
}

}  // namespace
}  // namespace hoering::testing
