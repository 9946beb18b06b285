// The committee's inbox (issue 15) through a real server and HTTP client:
// who may open it, every point with its section and quote in context, the
// filters and the search, setting a disposition for one point and for a
// selection (each through the API's decision, visible in the API), its
// history, and refusals shown at their field with nothing written. The
// browser tests (tests/web/inbox.test.mjs) drive the same flows in Chromium.
#include <gtest/gtest.h>

#include <string>

#include "tests/server/web/pages_fixture.h"

namespace hoering::testing {
namespace {

constexpr char kInbox[] = "/manage/consultations/h1/responses";

class InboxPagesTest : public PagesTest {
 protected:
  void SetUp() override {
    PagesTest::SetUp();
    aarhus_response_ = Submit(aarhus_, ResponseBody("aarhus"));
    nlohmann::json plo = ResponseBody("plo");
    plo["points"] = {{{"section", "vision-1"}, {"text", "Flere TANDLÆGER i kommunen, tak"}},
                     {{"text", "Café-ordningen bør bevares"}}};
    plo_response_ = Submit(plo_, plo);
    Close();
    session_ = SignIn(secretariat_);
  }
  HttpResponse Inbox(const std::string& query = "") {
    return Get(std::string(kInbox) + query, {{"Cookie", session_}});
  }
  HttpResponse Post(const std::string& target, const std::string& form,
                    const std::string& session = "") {
    const std::string s = session.empty() ? session_ : session;
    const std::string csrf = FormCsrf(Get(kInbox, {{"Cookie", s}}));
    return PostForm(target, form + "&csrf=" + csrf, {{"Cookie", s}});
  }
  // The current disposition of a point as the API shows it (null: none).
  nlohmann::json Current(const std::string& response, int n) {
    auto r = admin_->Call(Verb::get, "/v1/consultations/h1/responses/" + response + "/points/" +
                                         std::to_string(n) + "/disposition");
    EXPECT_TRUE(r.ok());
    return r.ok() ? r->body : nlohmann::json();
  }
  std::string PointAction(const std::string& response, int n) {
    return std::string(kInbox) + "/" + response + "/points/" + std::to_string(n) + "/disposition";
  }
  std::string aarhus_response_, plo_response_;
};

TEST_F(InboxPagesTest, IsForEditorsOnly) {
  HttpResponse anonymous = Get(kInbox);
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_TRUE(anonymous.headers.Get("Location").value_or("").starts_with("/sign-in?next="));
  EXPECT_EQ(Get(kInbox, {{"Cookie", SignIn(aarhus_)}}).status, 403);
  EXPECT_EQ(Get(kInbox, {{"Cookie", SignIn(auditor_)}}).status, 403);
  EXPECT_EQ(Inbox().status, 200);
  EXPECT_EQ(Get("/manage/consultations/nope/responses", {{"Cookie", session_}}).status, 404);
  // A stakeholder's post is refused before anything is decided.
  const std::string aarhus = SignIn(aarhus_);
  const std::string csrf = FormCsrf(Get("/consultations/h1", {{"Cookie", aarhus}}));
  HttpResponse refused = PostForm(PointAction(aarhus_response_, 1),
                                  "outcome=noted&rationale=x&csrf=" + csrf, {{"Cookie", aarhus}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(Current(aarhus_response_, 1)["current"].is_null());
}

TEST_F(InboxPagesTest, ShowsEveryPointWithSectionAndQuoteInContext) {
  HttpResponse page = Inbox();
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(HasAll(page, {"5 af 5 bemærkninger", "Aarhus Kommune – bemærkning 1",
                            "PLO-Midtjylland – bemærkning 2", "<mark>hænger godt sammen</mark>",
                            "href=\"/consultations/h1#kap-1\"",
                            "href=\"/consultations/h1/responses/" + aarhus_response_ + "#point-1\"",
                            "value=\"" + plo_response_ + "/2\" form=\"bulk-form\""}));
}

TEST_F(InboxPagesTest, FiltersAndSearchesWordPrefixesIgnoringCaseAndAccents) {
  HttpResponse plo = Inbox("?party=plo");
  EXPECT_TRUE(Has(plo, "2 af 5"));
  EXPECT_FALSE(Has(plo, "Aarhus Kommune – bemærkning"));
  EXPECT_TRUE(Has(Inbox("?q=tandl"), "1 af 5"));
  EXPECT_TRUE(Has(Inbox("?q=tandl"), "Flere TANDLÆGER"));
  EXPECT_TRUE(Has(Inbox("?q=CAFE+ordn"), "1 af 5"));
  EXPECT_TRUE(Has(Inbox("?q=andl"), "0 af 5"));
  EXPECT_TRUE(Has(Inbox("?kind=practice"), "2 af 5"));
  EXPECT_TRUE(Has(Inbox("?kind=region"), "0 af 5"));
  EXPECT_TRUE(Has(Inbox("?section=vision-1"), "2 af 5"));
  EXPECT_TRUE(Has(Inbox("?section=-"), "2 af 5"));
  EXPECT_TRUE(Has(Inbox("?late=yes"), "0 af 5"));
  EXPECT_TRUE(Has(Inbox("?withdrawn=no"), "5 af 5"));
  EXPECT_TRUE(Has(Inbox("?outcome=none"), "5 af 5"));
  EXPECT_EQ(Inbox("?outcome=maybe").status, 400);
  EXPECT_EQ(Inbox("?late=perhaps").status, 400);
  EXPECT_EQ(Inbox("?q=" + std::string(300, 'x')).status, 400);
}

TEST_F(InboxPagesTest, SetsOneDispositionThroughTheApisDecisionAndKeepsItsHistory) {
  HttpResponse saved = Post(PointAction(aarhus_response_, 1),
                            "outcome=accepted&rationale=Indarbejdet&changes=&view_party=aarhus");
  ASSERT_EQ(saved.status, 303);
  EXPECT_EQ(saved.headers.Get("Location"), std::string(kInbox) +
                                               "?party=aarhus&saved=" + aarhus_response_ +
                                               "%2F1#point-" + aarhus_response_ + "-1");
  EXPECT_EQ(Current(aarhus_response_, 1)["current"]["outcome"], "accepted");
  ASSERT_EQ(Post(PointAction(aarhus_response_, 1), "outcome=noted&rationale=Taget+til+efterretning")
                .status,
            303);
  nlohmann::json d = Current(aarhus_response_, 1);
  EXPECT_EQ(d["current"]["outcome"], "noted");
  EXPECT_EQ(d["history"].size(), 2u);
  HttpResponse page = Inbox("?outcome=noted");
  EXPECT_TRUE(HasAll(page, {"1 af 5", "Tidligere behandlinger", "<strong>Imødekommet</strong>"}));
  EXPECT_TRUE(Has(Inbox("?outcome=none"), "4 af 5"));
}

TEST_F(InboxPagesTest, TheChangeFieldSuggestsTheAgreementsChangeSetsNewestFirst) {
  for (const char* rationale : {"Første rettelse", "Anden rettelse"}) {
    ASSERT_TRUE(admin_
                    ->Call(Verb::post, "/v1/agreements/sa/changes",
                           {{"rationale", rationale},
                            {"ops", {{{"op", "edit"}, {"id", "kap-1"}, {"body", rationale}}}}})
                    .ok());
  }
  HttpResponse page = Inbox();
  EXPECT_TRUE(Has(page, "list=\"inbox-change-sets\""));
  const std::size_t second = page.body.find(" – Anden rettelse</option>");
  const std::size_t first = page.body.find(" – Første rettelse</option>");
  ASSERT_NE(second, std::string::npos);
  ASSERT_NE(first, std::string::npos);
  EXPECT_LT(second, first);
}

TEST_F(InboxPagesTest, TheSectionFilterListsTheSectionsPointsWereMadeOnWithTheirCount) {
  HttpResponse page = Inbox();
  EXPECT_TRUE(Has(page, "<option value=\"-\">Teksten som helhed (2)</option>"));
  const auto vision = page.body.find("<option value=\"vision-1\">");
  ASSERT_NE(vision, std::string::npos);
  EXPECT_NE(page.body.substr(vision, page.body.find("</option>", vision) - vision).find("(2)"),
            std::string::npos);
  EXPECT_TRUE(Has(page, "<option value=\"kap-1\">"));
  // A section of the text no point is on is not offered, unless it is the one chosen.
  auto text = admin_->Call(Verb::get, "/v1/agreements/sa");
  ASSERT_TRUE(text.ok());
  std::string unused;
  for (const auto& s : text->body["sections"]) {
    const std::string id = s["id"];
    if (id != "kap-1" && id != "vision-1") unused = id;
  }
  ASSERT_FALSE(unused.empty());
  EXPECT_FALSE(Has(page, "<option value=\"" + unused + "\">"));
  EXPECT_TRUE(Has(Inbox("?section=" + unused), "<option value=\"" + unused + "\" selected>"));
}

TEST_F(InboxPagesTest, ARefusedFormShowsTheProblemAtItsFieldAndWritesNothing) {
  const std::string key = aarhus_response_ + "-2";
  HttpResponse page = Post(PointAction(aarhus_response_, 2), "outcome=&rationale=Beholdt+tekst");
  EXPECT_EQ(page.status, 400);
  EXPECT_TRUE(HasAll(page, {"error-summary", "href=\"#outcome-" + key + "\"",
                            "id=\"outcome-" + key + "-error\">Vælg et udfald."}));
  EXPECT_TRUE(Has(page, ">Beholdt tekst</textarea>"));  // kept
  EXPECT_TRUE(Current(aarhus_response_, 2)["current"].is_null());
  HttpResponse unknown =
      Post(PointAction(aarhus_response_, 2), "outcome=accepted&rationale=x&changes=cs-999");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_TRUE(Has(unknown, "id=\"changes-" + key + "-error\""));
  EXPECT_TRUE(Current(aarhus_response_, 2)["current"].is_null());
  HttpResponse bogus = Post(PointAction(aarhus_response_, 2), "outcome=maybe&rationale=x");
  EXPECT_EQ(bogus.status, 400);
  EXPECT_TRUE(Has(bogus, "id=\"outcome-" + key + "-error\""));
  EXPECT_EQ(Post(PointAction(aarhus_response_, 9), "outcome=noted&rationale=x").status, 404);
  EXPECT_EQ(Post(PointAction(aarhus_response_, 0), "outcome=noted&rationale=x").status, 400);
  // A page shown before someone else changed the response: 412, explained.
  ASSERT_EQ(Post(PointAction(aarhus_response_, 3), "outcome=noted&rationale=x").status, 303);
  HttpResponse stale =
      Post(PointAction(aarhus_response_, 2), "outcome=noted&rationale=x&version=1");
  EXPECT_EQ(stale.status, 412);
  EXPECT_TRUE(Has(stale, "Høringssvaret er ændret"));
}

TEST_F(InboxPagesTest, SetsOneDispositionForASelectionPointByPoint) {
  const std::string form = "point=" + aarhus_response_ + "%2F1&point=" + aarhus_response_ +
                           "%2F3&point=" + plo_response_ +
                           "%2F2&outcome=noted&rationale=Taget+til+efterretning&form_key=k1";
  HttpResponse done = Post(std::string(kInbox) + "/dispositions", form);
  ASSERT_EQ(done.status, 200);
  EXPECT_TRUE(Has(done, "3 bemærkninger fik behandlingen Taget til efterretning"));
  for (auto [r, n] : {std::pair{aarhus_response_, 1}, {aarhus_response_, 3}, {plo_response_, 2}}) {
    EXPECT_EQ(Current(r, n)["current"]["outcome"], "noted");
  }
  EXPECT_TRUE(Current(aarhus_response_, 2)["current"].is_null());
  // The same form again records nothing twice.
  HttpResponse again = Post(std::string(kInbox) + "/dispositions", form);
  EXPECT_TRUE(Has(again, "Allerede gemt"));
  EXPECT_EQ(Current(aarhus_response_, 1)["history"].size(), 1u);
  // A point that does not exist is reported on its row; the others are set.
  HttpResponse mixed =
      Post(std::string(kInbox) + "/dispositions",
           "point=" + aarhus_response_ + "%2F9&point=" + plo_response_ +
               "%2F1&outcome=out_of_scope&rationale=Uden+for+rammerne&form_key=k2");
  EXPECT_TRUE(Has(mixed, "Ikke gemt"));
  EXPECT_EQ(Current(plo_response_, 1)["current"]["outcome"], "out_of_scope");
}

TEST_F(InboxPagesTest, ASelectionWithoutPointsOrOutcomeIsRefusedAtItsField) {
  HttpResponse none = Post(std::string(kInbox) + "/dispositions", "outcome=noted&rationale=x");
  EXPECT_EQ(none.status, 400);
  EXPECT_TRUE(Has(none, "href=\"#bulk-points\""));
  HttpResponse no_outcome = Post(std::string(kInbox) + "/dispositions",
                                 "point=" + aarhus_response_ + "%2F1&outcome=&rationale=x");
  EXPECT_EQ(no_outcome.status, 400);
  EXPECT_TRUE(Has(no_outcome, "id=\"bulk-outcome-error\""));
  EXPECT_TRUE(Has(no_outcome, "value=\"" + aarhus_response_ + "/1\" form=\"bulk-form\" checked"));
  EXPECT_EQ(Post(std::string(kInbox) + "/dispositions", "point=garbage&outcome=noted").status, 400);
  EXPECT_TRUE(Current(aarhus_response_, 1)["current"].is_null());
}

}  // namespace
}  // namespace hoering::testing
