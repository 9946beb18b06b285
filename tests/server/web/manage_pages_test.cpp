// The secretariat's pages (/manage, issue 15) through a real server and HTTP
// client: who may use them, the counts of the start page, opening a
// consultation from the form (local times, every problem at its field with
// the input kept and nothing written, a double click), extending, closing
// with its confirm step, invitations (the code shown once, signing in,
// revoked), and the charts with their tables. The browser test
// (tests/web/manage.test.mjs) drives the same flows in Chromium.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "server/web/page.h"
#include "tests/server/web/pages_fixture.h"

namespace hoering::testing {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string Encode(const std::string& s) {
  return web::UrlEncode(s);
}

class ManagePagesTest : public PagesTest {
 protected:
  void SetUp() override {
    PagesTest::SetUp();
    SignInForForms(secretariat_, "/manage");
  }
  HttpResponse Page(const std::string& target) { return Get(target, {{"Cookie", session_}}); }
  HttpResponse Post(const std::string& target, Fields fields, const std::string& session = "") {
    fields.emplace_back("csrf", csrf_);
    std::string body;
    for (const auto& [k, v] : fields) body += (body.empty() ? "" : "&") + k + "=" + Encode(v);
    return PostForm(target, body, {{"Cookie", session.empty() ? session_ : session}});
  }
  static Fields NewConsultation() {
    return {{"version", "sa/1"},
            {"title", "Høring <b>to</b>"},
            {"id", "h2"},
            {"time_zone", "Europe/Copenhagen"},
            {"opens_date", "2023-05-20"},
            {"opens_time", "10:00"},
            {"closes_date", "2023-09-01"},
            {"closes_time", "12:00"},
            {"invited", "aarhus"},
            {"invited", "panel"},
            {"form_key", "0123456789abcdef"}};
  }
  nlohmann::json Consultation(const std::string& id) {
    auto r = Anonymous().Call(Verb::get, "/v1/consultations/" + id);
    return r.ok() ? r->body : nlohmann::json();
  }
};

TEST_F(ManagePagesTest, OnlyTheSecretariatAndAdminsMayUseThePages) {
  for (const std::string target : {"/manage", "/manage/consultations/new",
                                   "/manage/consultations/h1", "/manage/consultations/h1/close"}) {
    HttpResponse anonymous = Get(target);
    EXPECT_EQ(anonymous.status, 303) << target;
    EXPECT_EQ(anonymous.headers.Get("Location"), "/sign-in?next=" + Encode(target)) << target;
    EXPECT_EQ(Get(target, {{"Cookie", SignIn(aarhus_)}}).status, 403) << target;
    EXPECT_EQ(Get(target, {{"Cookie", SignIn(auditor_)}}).status, 403) << target;
    EXPECT_EQ(Page(target).status, 200) << target;
  }
  EXPECT_EQ(Get("/manage", {{"Cookie", SignIn(kAdminToken)}}).status, 200);
  // A party's form post is refused before anything is done.
  const std::string aarhus = SignIn(aarhus_);
  const std::string aarhus_csrf = FormCsrf(Get("/", {{"Cookie", aarhus}}));
  HttpResponse refused =
      PostForm("/manage/consultations/h1/close", "csrf=" + aarhus_csrf, {{"Cookie", aarhus}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(Consultation("h1")["state"], "open");
  EXPECT_EQ(PostForm("/manage/consultations/h1/close", "csrf=x", {}).status, 401);
}

TEST_F(ManagePagesTest, StartCountsResponsesAndPointsWithoutADisposition) {
  const std::string first = Submit(aarhus_, ResponseBody("aarhus"));
  Submit(plo_, ResponseBody("plo"));
  ASSERT_TRUE(admin_
                  ->Call(Verb::put,
                         "/v1/consultations/h1/responses/" + first + "/points/1/disposition",
                         {{"outcome", "noted"}, {"rationale", "Taget til efterretning"}})
                  .ok());
  HttpResponse start = Page("/manage");
  EXPECT_EQ(start.status, 200);
  EXPECT_TRUE(HasAll(
      start, {"href=\"/manage/consultations/h1\"", "href=\"/manage/consultations/h1/responses\"",
              "href=\"/manage/agreements/sa/edit\"",
              "href=\"/manage/consultations/new?version=sa%2F1\""}));
  // Two responses, six points, one with a disposition.
  EXPECT_TRUE(
      Has(start, "<td class=\"manage-number\">2</td>\n      <td class=\"manage-number\">5</td>"))
      << start.body;
  HttpResponse page = Page("/manage/consultations/h1");
  EXPECT_TRUE(Has(page, "<dd>5</dd>"));
  EXPECT_TRUE(Has(page, "role=\"img\""));
  // The chart's table: one point noted, five not handled yet.
  EXPECT_TRUE(
      Has(page, "<th scope=\"row\">Taget til efterretning</th><td class=\"manage-number\">1</td>"));
  // The invited parties: aarhus and plo answered, the panel did not.
  EXPECT_TRUE(Has(page, "manage-received-yes"));
  EXPECT_TRUE(Has(page, "manage-received-no"));
  EXPECT_EQ(page.body.find("style=\""), std::string::npos);
}

TEST_F(ManagePagesTest, OpeningShowsEveryProblemAtItsFieldAndWritesNothing) {
  Fields fields = NewConsultation();
  fields[1].second = "";            // no title
  fields[4].second = "20-05-2023";  // not a date
  fields[6].second = "2023-05-19";  // closes before it opens (opens is refused already)
  fields[0].second = "sa/9";        // no such version
  HttpResponse page = Post("/manage/consultations/new", fields);
  EXPECT_EQ(page.status, 400);
  EXPECT_TRUE(HasAll(page, {"href=\"#title\"", "href=\"#opens_date\"", "id=\"title-error\""}));
  EXPECT_TRUE(Has(page, "value=\"20-05-2023\""));  // kept
  EXPECT_TRUE(Has(page, "value=\"aarhus\" checked"));
  EXPECT_TRUE(Consultation("h2").is_null());
  // Past the form's own checks, the API's: an unpublished version.
  fields = NewConsultation();
  fields[0].second = "sa/9";
  page = Post("/manage/consultations/new", fields);
  EXPECT_EQ(page.status, 422);
  EXPECT_TRUE(Has(page, "href=\"#version\""));
  EXPECT_TRUE(Has(page, "Høring &lt;b&gt;to&lt;/b&gt;"));
  // An id already taken.
  fields = NewConsultation();
  fields[2].second = "h1";
  page = Post("/manage/consultations/new", fields);
  EXPECT_EQ(page.status, 409);
  EXPECT_TRUE(Has(page, "id=\"id-error\""));
  EXPECT_TRUE(Consultation("h2").is_null());
}

TEST_F(ManagePagesTest, OpeningTakesLocalTimesAndADoubleClickOpensOnce) {
  HttpResponse opened = Post("/manage/consultations/new", NewConsultation());
  EXPECT_EQ(opened.status, 303) << opened.body;
  EXPECT_EQ(opened.headers.Get("Location"), "/manage/consultations/h2?done=opened");
  nlohmann::json c = Consultation("h2");
  EXPECT_EQ(c["opens_at"], "2023-05-20T08:00:00.000Z");  // 10:00 summer time in Copenhagen
  EXPECT_EQ(c["closes_at"], "2023-09-01T10:00:00.000Z");
  EXPECT_EQ(c["time_zone"], "Europe/Copenhagen");
  EXPECT_EQ(c["invited"], nlohmann::json({"aarhus", "panel"}));
  HttpResponse again = Post("/manage/consultations/new", NewConsultation());
  EXPECT_EQ(again.status, 303);
  EXPECT_EQ(again.headers.Get("Location"), "/manage/consultations/h2?done=opened");
  // Without an id, one is made from the title.
  Fields fields = NewConsultation();
  fields[2].second = "";
  fields[1].second = "Åben høring";
  fields.back().second = "abcdef0123456789";
  HttpResponse made = Post("/manage/consultations/new", fields);
  EXPECT_EQ(made.headers.Get("Location"), "/manage/consultations/aaben-hoering-abcdef?done=opened");
  EXPECT_TRUE(Has(Page("/manage/consultations/h2?done=opened"), "Høringen er åbnet."));
}

TEST_F(ManagePagesTest, ExtendNeedsAReasonAndALaterDeadline) {
  const std::string version = std::to_string(Consultation("h1")["stream_version"].get<int>());
  Fields fields = {{"extend_date", "2023-09-10"},
                   {"extend_time", "12:00"},
                   {"extend_reason", ""},
                   {"version", version},
                   {"form_key", "k1"}};
  HttpResponse page = Post("/manage/consultations/h1/extend", fields);
  EXPECT_EQ(page.status, 400);
  EXPECT_TRUE(Has(page, "href=\"#extend_reason\""));
  EXPECT_TRUE(Has(page, "value=\"2023-09-10\""));
  EXPECT_EQ(Consultation("h1")["extensions"].size(), 0u);
  fields[0].second = "2023-08-01";  // earlier than the deadline
  fields[2].second = "Sommerferie";
  page = Post("/manage/consultations/h1/extend", fields);
  EXPECT_EQ(page.status, 422);
  EXPECT_TRUE(Has(page, "id=\"extend_date-error\""));
  EXPECT_TRUE(Has(page, "Sommerferie"));
  fields[0].second = "2023-09-10";
  page = Post("/manage/consultations/h1/extend", fields);
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(Consultation("h1")["closes_at"], "2023-09-10T12:00:00.000Z");  // h1's zone is UTC
  // The page it was sent from is now stale: explained at the field.
  fields[0].second = "2023-09-20";
  fields[4].second = "k2";
  page = Post("/manage/consultations/h1/extend", fields);
  EXPECT_EQ(page.status, 412);
  EXPECT_TRUE(Has(page, "id=\"extend_date-error\""));
  EXPECT_TRUE(Has(Page("/manage/consultations/h1"), "Sommerferie"));
}

TEST_F(ManagePagesTest, CloseHasAConfirmStep) {
  HttpResponse confirm = Page("/manage/consultations/h1/close");
  EXPECT_TRUE(Has(confirm, "action=\"/manage/consultations/h1/close\""));
  EXPECT_EQ(Consultation("h1")["state"], "open");
  HttpResponse closed = Post("/manage/consultations/h1/close",
                             {{"close_reason", "Aftalen er trukket"}, {"form_key", "c1"}});
  EXPECT_EQ(closed.status, 303);
  EXPECT_EQ(Consultation("h1")["state"], "closed");
  EXPECT_EQ(Consultation("h1")["close_reason"], "Aftalen er trukket");
  HttpResponse again = Post("/manage/consultations/h1/close", {{"form_key", "c2"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(Has(again, "href=\"#close_reason\""));
  EXPECT_FALSE(Has(Page("/manage/consultations/h1"), "action=\"/manage/consultations/h1/extend\""));
}

TEST_F(ManagePagesTest, AnInvitationCodeIsShownOnceSignsInAndIsRevoked) {
  HttpResponse issued =
      Post("/manage/consultations/h1/invitations", {{"party", "panel"}, {"form_key", "i1"}});
  EXPECT_EQ(issued.status, 200);
  const std::string marker = "id=\"invitation-code\" value=\"";
  const auto at = issued.body.find(marker);
  ASSERT_NE(at, std::string::npos) << issued.body;
  const auto from = at + marker.size();
  const std::string code = issued.body.substr(from, issued.body.find('"', from) - from);
  EXPECT_TRUE(code.starts_with("inv_")) << code;
  // The same click again: no code.
  HttpResponse replay =
      Post("/manage/consultations/h1/invitations", {{"party", "panel"}, {"form_key", "i1"}});
  EXPECT_EQ(replay.status, 200);
  EXPECT_FALSE(Has(replay, code));
  EXPECT_FALSE(Has(Page("/manage/consultations/h1"), code));
  // It signs in for the party.
  HttpResponse signed_in = Get("/sign-in?token=" + code);
  EXPECT_EQ(signed_in.status, 303);
  EXPECT_FALSE(SetCookie(signed_in, "hoering_session").empty());
  // A party that is not invited gets none; shown on the page.
  HttpResponse refused =
      Post("/manage/consultations/h1/invitations", {{"party", "nobody"}, {"form_key", "i2"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(Has(refused, "href=\"#invitations\""));
  // Revoked, it signs in no more.
  auto list = admin_->Call(Verb::get, "/v1/consultations/h1/invitations");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->body["items"].size(), 1u);
  const std::string iid = list->body["items"][0]["id"];
  HttpResponse revoked = Post("/manage/consultations/h1/invitations/" + iid + "/revoke",
                              {{"reason", "Sendt til forkert person"}, {"form_key", "r1"}});
  EXPECT_EQ(revoked.status, 303);
  EXPECT_EQ(Get("/sign-in?token=" + code).status, 401);
  HttpResponse twice =
      Post("/manage/consultations/h1/invitations/" + iid + "/revoke", {{"form_key", "r2"}});
  EXPECT_EQ(twice.status, 409);
}

TEST_F(ManagePagesTest, UnknownConsultationsAreNotFound) {
  EXPECT_EQ(Page("/manage/consultations/nope").status, 404);
  EXPECT_EQ(Post("/manage/consultations/nope/extend", {{"extend_date", "x"}}).status, 404);
  EXPECT_EQ(Page("/manage/consultations/nope/close").status, 404);
}

}  // namespace
}  // namespace hoering::testing
