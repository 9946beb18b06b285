// The web pages through a real server and HTTP client, without a browser:
// status, language, escaping, security headers, CSRF and static files. The
// browser tests (tests/web/) cover rendering, accessibility and flows.
#include <gtest/gtest.h>

#include <string>

#include "tests/server/web/pages_fixture.h"

namespace hoering::testing {
namespace {

TEST_F(PagesTest, HomeListsTheOpenConsultationInDanishByDefault) {
  HttpResponse home = Get("/");
  EXPECT_EQ(home.status, 200);
  EXPECT_EQ(home.headers.Get("Content-Type"), "text/html; charset=utf-8");
  EXPECT_TRUE(HasAll(home, {"<html lang=\"da\">", "Høring over udkast til Sundhedsaftale 2024-2027",
                            "href=\"/consultations/h1\""}));
  // The deadline in the consultation's zone (UTC by default here).
  EXPECT_TRUE(Has(home, "25. august 2023 kl. 21.00")) << home.body;
  EXPECT_TRUE(Has(home, "Åbne høringer"));
}

TEST_F(PagesTest, LanguageFollowsAcceptLanguageAndTheSwitch) {
  EXPECT_TRUE(Has(Get("/", {{"Accept-Language", "en-GB,en;q=0.9"}}), "<html lang=\"en\">"));
  HttpResponse switched = Get("/?lang=en", {{"Accept-Language", "da"}});
  EXPECT_TRUE(Has(switched, "<html lang=\"en\">"));
  EXPECT_TRUE(Has(switched, "25 August 2023 at 21:00"));
  bool cookie = false;
  for (const auto& [name, value] : switched.headers.fields()) {
    cookie |= name == "Set-Cookie" && value.starts_with("hoering_lang=en;");
  }
  EXPECT_TRUE(cookie);
  EXPECT_TRUE(Has(Get("/", {{"Cookie", "hoering_lang=en"}}), "<html lang=\"en\">"));
  // The switch links to the same page in the other language.
  EXPECT_TRUE(Has(switched, "href=\"?lang=da\""));
}

TEST_F(PagesTest, EveryPageCarriesTheSecurityHeaders) {
  for (const std::string target : {"/", "/consultations/h1", "/consultations/nope",
                                   "/agreements/sa", "/accessibility", "/receipts/verify"}) {
    HttpResponse r = Get(target);
    const std::string csp(r.headers.Get("Content-Security-Policy").value_or(""));
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << target;
    EXPECT_NE(csp.find("style-src 'self'"), std::string::npos) << target;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << target;
    EXPECT_EQ(r.headers.Get("X-Content-Type-Options"), "nosniff") << target;
    EXPECT_EQ(r.headers.Get("Referrer-Policy"), "no-referrer") << target;
    EXPECT_EQ(r.body.find("style=\""), std::string::npos) << target;
    EXPECT_EQ(r.body.find("<script>"), std::string::npos) << target;
  }
}

TEST_F(PagesTest, ConsultationPageShowsTheTextWithAnchorsAndHidesResponsesWhileOpen) {
  Submit(aarhus_, ResponseBody("aarhus"));
  HttpResponse page = Get("/consultations/h1");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page, "id=\"kap-1\""));
  EXPECT_TRUE(Has(page, "href=\"#kap-1\""));
  EXPECT_TRUE(Has(page, "Aarhus Kommune"));  // invited, by name
  EXPECT_FALSE(Has(page, "Response of aarhus"));
  EXPECT_TRUE(Has(page, "offentliggøres, når høringen er afsluttet"));
}

TEST_F(PagesTest, ClosedConsultationShowsPublishedResponsesEscaped) {
  nlohmann::json body = ResponseBody("aarhus");
  body["summary"] = "<script>alert('x')</script> & more";
  const std::string id = Submit(aarhus_, body);
  Submit(plo_, ResponseBody("plo", "private"));
  Close();
  HttpResponse page = Get("/consultations/h1");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(HasAll(page, {"&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; more",
                            "/consultations/h1/responses/" + id}));
  EXPECT_FALSE(Has(page, "<script>alert"));
  EXPECT_FALSE(Has(page, "Response of plo"));  // private: not for the public
  HttpResponse one = Get("/consultations/h1/responses/" + id);
  EXPECT_EQ(one.status, 200);
  EXPECT_TRUE(HasAll(one, {"Point one", "hænger godt sammen", "Ikke behandlet endnu."}));
}

TEST_F(PagesTest, AHiddenResponseIsNotFoundLikeInTheApi) {
  const std::string id = Submit(plo_, ResponseBody("plo", "private"));
  Close();
  HttpResponse page = Get("/consultations/h1/responses/" + id);
  EXPECT_EQ(page.status, 404);
  EXPECT_TRUE(Has(page, "Høringssvaret findes ikke"));
  EXPECT_EQ(Get("/consultations/nope").status, 404);
  EXPECT_EQ(Get("/agreements/sa?at=0").status, 400);
  EXPECT_EQ(Get("/agreements/sa/diff?from=1&to=9").status, 404);
}

TEST_F(PagesTest, ReportPageAndDownloads) {
  Submit(aarhus_, ResponseBody("aarhus"));
  Close();
  HttpResponse page = Get("/consultations/h1/report", {{"Accept-Language", "en"}});
  EXPECT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(HasAll(page, {"Consultation report", "Point one",
                            "/v1/consultations/h1/report?lang=en&amp;format=csv"}));
}

TEST_F(PagesTest, AgreementAndDiffPages) {
  ASSERT_TRUE(
      admin_
          ->Call(Verb::post, "/v1/agreements/sa/changes",
                 {{"rationale", "Clearer"},
                  {"cites", nlohmann::json::array()},
                  {"ops", {{{"op", "edit"}, {"id", "kap-1"}, {"heading", "Forord og formål"}}}}})
          .ok());
  ASSERT_TRUE(admin_->Call(Verb::post, "/v1/agreements/sa/versions", {{"label", "final"}}).ok());
  HttpResponse text = Get("/agreements/sa?at=2");
  EXPECT_EQ(text.status, 200);
  EXPECT_TRUE(Has(text, "Forord og formål"));
  HttpResponse diff = Get("/agreements/sa/diff?from=1&to=2");
  EXPECT_EQ(diff.status, 200) << diff.body;
  EXPECT_TRUE(Has(diff, "<ins>"));
  EXPECT_TRUE(Has(diff, "<details class=\"diff-unchanged\">"));
  EXPECT_TRUE(Has(Get("/agreements/sa/diff?from=1&to=2&view=side"), "diff-columns"));
  // Without from/to: the last two versions.
  EXPECT_TRUE(Has(Get("/agreements/sa/diff"), "<ins>"));
}

TEST_F(PagesTest, FormsNeedTheCsrfSecretOfTheirCookie) {
  HttpResponse form = Get("/receipts/verify");
  const std::string csrf = CsrfCookie(form);
  ASSERT_EQ(csrf.size(), 64u);
  EXPECT_TRUE(Has(form, "name=\"csrf\" value=\"" + csrf + "\""));
  // Without a cookie, with a wrong field, without the field: 403, no cookie set.
  for (auto [cookie, field] : {std::pair{std::string(), "csrf=" + csrf},
                               std::pair{"hoering_csrf=" + csrf, "csrf=" + std::string(64, 'a')},
                               std::pair{"hoering_csrf=" + csrf, std::string()}}) {
    Headers h;
    if (!cookie.empty()) h.Add("Cookie", cookie);
    HttpResponse r = PostForm("/receipts/verify", field + "&receipt=x", h);
    EXPECT_EQ(r.status, 403) << cookie << " " << field;
    EXPECT_FALSE(r.headers.Has("Set-Cookie"));
  }
  // With both: the check runs; an unreadable receipt is shown at the field.
  HttpResponse bad = PostForm("/receipts/verify", "csrf=" + csrf + "&receipt=%7Bnope",
                              {{"Cookie", "hoering_csrf=" + csrf}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad, "form-error-message"));
  EXPECT_TRUE(Has(bad, "{nope"));
}

TEST_F(PagesTest, AReceiptIsCheckedAgainstTheLog) {
  auto api = As(aarhus_);
  auto r = api.Call(Verb::post, "/v1/consultations/h1/responses", ResponseBody("aarhus"));
  ASSERT_TRUE(r.ok());
  const std::string receipt = r->body.dump();
  const std::string csrf = CsrfCookie(Get("/receipts/verify"));
  std::string encoded;
  for (unsigned char c : receipt) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%%%02X", c);
    encoded += buf;
  }
  HttpResponse ok = PostForm("/receipts/verify", "csrf=" + csrf + "&receipt=" + encoded,
                             {{"Cookie", "hoering_csrf=" + csrf}, {"Accept-Language", "en"}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_TRUE(Has(ok, "The receipt is valid")) << ok.body;
  nlohmann::json wrong = r->body;
  wrong["hash"] = std::string(64, '0');
  encoded.clear();
  for (unsigned char c : wrong.dump()) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%%%02X", c);
    encoded += buf;
  }
  HttpResponse bad = PostForm("/receipts/verify", "csrf=" + csrf + "&receipt=" + encoded,
                              {{"Cookie", "hoering_csrf=" + csrf}, {"Accept-Language", "en"}});
  EXPECT_TRUE(Has(bad, "another hash than the receipt")) << bad.body;
}

TEST_F(PagesTest, StaticFilesAreImmutableWithETags) {
  HttpResponse home = Get("/");
  const auto at = home.body.find("href=\"/static/");
  ASSERT_NE(at, std::string::npos);
  const std::string url = home.body.substr(at + 6, home.body.find('"', at + 6) - at - 6);
  HttpResponse css = Get(url);
  EXPECT_EQ(css.status, 200) << url;
  EXPECT_NE(std::string(css.headers.Get("Cache-Control").value_or("")).find("immutable"),
            std::string::npos);
  const std::string etag(css.headers.Get("ETag").value_or(""));
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(Get(url, {{"If-None-Match", etag}}).status, 304);
  EXPECT_EQ(Get("/static/000000000000/dkfds/css/dkfds.min.css").status, 404);
  EXPECT_EQ(Get(url.substr(0, url.rfind('/')) + "/missing.css").status, 404);
}

TEST_F(PagesTest, ATokenOpensASessionThatEndsWithTheToken) {
  HttpResponse link = Get("/sign-in?token=" + secretariat_);
  EXPECT_EQ(link.status, 303);
  EXPECT_EQ(link.headers.Get("Location"), "/");
  const std::string session = SetCookie(link, "hoering_session");
  ASSERT_EQ(session.size(), 64u);
  const std::string cookie = "hoering_session=" + session;
  HttpResponse home = Get("/", {{"Cookie", cookie}});
  EXPECT_TRUE(Has(home, "sekretariat"));
  EXPECT_TRUE(Has(home, "action=\"/sign-out\""));
  EXPECT_FALSE(Has(home, secretariat_));  // the token is never in a page
  // /v1 ignores the session cookie: anonymous there.
  auto api = Anonymous();
  auto tokens = api.http().Send(Verb::get, "/v1/admin/tokens", "", "", {{"Cookie", cookie}});
  ASSERT_TRUE(tokens.ok());
  EXPECT_EQ(tokens->status, 401);
  // Revoking the token ends the session at the next request.
  auto list = admin_->Call(Verb::get, "/v1/admin/tokens");
  ASSERT_TRUE(list.ok());
  std::string id;
  for (const auto& t : list->body["items"]) {
    if (t["role"] == "secretariat") id = t["id"];
  }
  ASSERT_TRUE(admin_->Call(Verb::delete_, "/v1/admin/tokens/" + id).ok());
  HttpResponse after = Get("/", {{"Cookie", cookie}});
  EXPECT_FALSE(Has(after, "action=\"/sign-out\""));
  EXPECT_EQ(SetCookie(after, "hoering_session"), "");  // cleared (Max-Age=0)
}

TEST_F(PagesTest, SignInFormRefusesABadCodeAndSignOutEndsTheSession) {
  HttpResponse form = Get("/sign-in");
  const std::string csrf = CsrfCookie(form);
  HttpResponse bad = PostForm("/sign-in", "csrf=" + csrf + "&token=inv_nope",
                              {{"Cookie", "hoering_csrf=" + csrf}});
  EXPECT_EQ(bad.status, 401);
  EXPECT_TRUE(Has(bad, "form-error-message"));
  EXPECT_EQ(SetCookie(bad, "hoering_session"), "");
  HttpResponse ok = PostForm("/sign-in", "csrf=" + csrf + "&token=" + auditor_,
                             {{"Cookie", "hoering_csrf=" + csrf}});
  EXPECT_EQ(ok.status, 303);
  const std::string session = SetCookie(ok, "hoering_session");
  ASSERT_FALSE(session.empty());
  // Signed in, forms carry the session's own secret, not the cookie's.
  HttpResponse page = Get("/", {{"Cookie", "hoering_session=" + session}});
  const auto at = page.body.find("name=\"csrf\" value=\"");
  ASSERT_NE(at, std::string::npos);
  const std::string session_csrf = page.body.substr(at + 19, 64);
  EXPECT_NE(session_csrf, csrf);
  HttpResponse wrong =
      PostForm("/sign-out", "csrf=" + csrf,
               {{"Cookie", "hoering_session=" + session + "; hoering_csrf=" + csrf}});
  EXPECT_EQ(wrong.status, 403);
  HttpResponse out =
      PostForm("/sign-out", "csrf=" + session_csrf, {{"Cookie", "hoering_session=" + session}});
  EXPECT_EQ(out.status, 303);
  EXPECT_FALSE(Has(Get("/", {{"Cookie", "hoering_session=" + session}}), "action=\"/sign-out\""));
}

TEST_F(PagesTest, ACodeNeverStaysInAPageOrLink) {
  HttpResponse failed = Get("/sign-in?token=inv_wrong&x=1");
  EXPECT_EQ(failed.status, 401);
  EXPECT_FALSE(Has(failed, "inv_wrong"));
  EXPECT_TRUE(Has(failed, "href=\"?x=1&amp;lang=en\""));
  // The switch is relative to the page: it cannot lead to another host.
  HttpResponse odd = Get("//evil.example/x");
  EXPECT_EQ(odd.status, 404);
  EXPECT_FALSE(Has(odd, "href=\"//evil.example"));
  // The session cookie has no Max-Age: the server's idle limit governs.
  HttpResponse ok = Get("/sign-in?token=" + auditor_);
  for (const auto& [name, value] : ok.headers.fields()) {
    if (name == "Set-Cookie" && value.starts_with("hoering_session=")) {
      EXPECT_EQ(value.find("Max-Age"), std::string::npos) << value;
      EXPECT_NE(value.find("HttpOnly"), std::string::npos) << value;
    }
  }
}

TEST_F(PagesTest, SignInReturnsToAPathOfThisSiteOnly) {
  HttpResponse back = Get("/sign-in?next=%2Fmy%2Fresponses%3Fx%3D1&token=" + secretariat_);
  EXPECT_EQ(back.status, 303);
  EXPECT_EQ(back.headers.Get("Location"), "/my/responses?x=1");
  for (const std::string evil : {"%2F%2Fevil.example%2Fx", "https%3A%2F%2Fevil.example",
                                 "%2F%5Cevil.example", "%2Fa%0D%0ASet-Cookie%3Ax"}) {
    HttpResponse refused = Get("/sign-in?next=" + evil + "&token=" + auditor_);
    EXPECT_EQ(refused.status, 303) << evil;
    EXPECT_EQ(refused.headers.Get("Location"), "/") << evil;
  }
  // The form carries `next` to the POST.
  HttpResponse form = Get("/sign-in?next=%2Fmy%2Fresponses");
  EXPECT_TRUE(Has(form, "name=\"next\" value=\"/my/responses\""));
  const std::string csrf = CsrfCookie(form);
  HttpResponse posted =
      PostForm("/sign-in", "csrf=" + csrf + "&next=%2Fmy%2Fresponses&token=" + auditor_,
               {{"Cookie", "hoering_csrf=" + csrf}});
  EXPECT_EQ(posted.status, 303);
  EXPECT_EQ(posted.headers.Get("Location"), "/my/responses");
}

TEST_F(PagesTest, ALinkDoesNotSwitchASignedInReader) {
  const std::string session = SetCookie(Get("/sign-in?token=" + auditor_), "hoering_session");
  HttpResponse again =
      Get("/sign-in?token=" + secretariat_, {{"Cookie", "hoering_session=" + session}});
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(SetCookie(again, "hoering_session"), "");
  EXPECT_TRUE(Has(Get("/", {{"Cookie", "hoering_session=" + session}}), "revisor"));
}

TEST_F(PagesTest, EmptyFieldsShowNothing) {
  nlohmann::json body = ResponseBody("aarhus");
  body.erase("summary");
  const std::string id = Submit(aarhus_, body);
  Close();
  HttpResponse page = Get("/consultations/h1/responses/" + id);
  EXPECT_EQ(page.status, 200);
  EXPECT_FALSE(Has(page, "Resumé"));
  EXPECT_FALSE(Has(page, "href=\"\""));
  EXPECT_FALSE(
      Has(page,
          "<blockquote class=\"quote\"><p><span class=\"sr-only\">Citat fra teksten: </span></p>"));
  EXPECT_TRUE(Has(page, "16. maj 2023 kl. 00.00"));  // received: the submission time
}

TEST_F(PagesTest, APartySeesItsOwnResponsesOnly) {
  Submit(aarhus_, ResponseBody("aarhus"));
  Submit(plo_, ResponseBody("plo"));
  const std::string session = SetCookie(Get("/sign-in?token=" + aarhus_), "hoering_session");
  HttpResponse mine = Get("/my/responses", {{"Cookie", "hoering_session=" + session}});
  EXPECT_EQ(mine.status, 200);
  EXPECT_TRUE(Has(mine, "Response of aarhus"));
  EXPECT_FALSE(Has(mine, "Response of plo"));
  // A point's section by its heading, linked by its id.
  EXPECT_TRUE(Has(mine, "<a href=\"/consultations/h1#kap-1\">Forord</a>"));
  EXPECT_TRUE(Has(mine, "href=\"/my/responses\""));  // in the menu for a party
  HttpResponse anonymous = Get("/my/responses");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.headers.Get("Location"), "/sign-in");
  const std::string auditor = SetCookie(Get("/sign-in?token=" + auditor_), "hoering_session");
  EXPECT_EQ(Get("/my/responses", {{"Cookie", "hoering_session=" + auditor}}).status, 403);
}

TEST_F(PagesTest, AnInvitationLinkSignsInItsPartyUntilRevoked) {
  auto issued =
      As(secretariat_).Call(Verb::post, "/v1/consultations/h1/invitations", {{"party", "aarhus"}});
  ASSERT_TRUE(issued.ok()) << issued.error().detail;
  const std::string link = issued->body["link"];
  const std::string code = link.substr(link.find("token=") + 6);
  ASSERT_TRUE(code.starts_with("inv_"));
  HttpResponse opened = Get(link.substr(link.find("/sign-in")));
  EXPECT_EQ(opened.status, 303);
  EXPECT_EQ(opened.headers.Get("Location"), "/consultations/h1");
  const std::string cookie = "hoering_session=" + SetCookie(opened, "hoering_session");
  Submit(aarhus_, ResponseBody("aarhus"));
  HttpResponse mine = Get("/my/responses", {{"Cookie", cookie}});
  EXPECT_EQ(mine.status, 200);
  EXPECT_TRUE(Has(mine, "Response of aarhus"));
  EXPECT_FALSE(Has(mine, code));
  // The code is not a bearer token on /v1.
  auto api = As(code).Call(Verb::get, "/v1/consultations/h1/responses?party=aarhus");
  EXPECT_FALSE(api.ok());
  // Revoking the invitation ends the session at the next request.
  const std::string id = issued->body["id"];
  ASSERT_TRUE(As(secretariat_).Call(Verb::delete_, "/v1/consultations/h1/invitations/" + id).ok());
  HttpResponse after = Get("/my/responses", {{"Cookie", cookie}});
  EXPECT_EQ(after.status, 303);
  EXPECT_EQ(Get(link.substr(link.find("/sign-in"))).status, 401);
}

TEST_F(PagesTest, ASessionEndsAfterAnHourWithoutActivity) {
  const std::string session = SetCookie(Get("/sign-in?token=" + auditor_), "hoering_session");
  const std::string cookie = "hoering_session=" + session;
  now_->store(now_->load() + 59 * 60 * 1000);
  EXPECT_TRUE(Has(Get("/", {{"Cookie", cookie}}), "action=\"/sign-out\""));  // and extended
  now_->store(now_->load() + 59 * 60 * 1000);
  EXPECT_TRUE(Has(Get("/", {{"Cookie", cookie}}), "action=\"/sign-out\""));
  now_->store(now_->load() + 61 * 60 * 1000);
  EXPECT_FALSE(Has(Get("/", {{"Cookie", cookie}}), "action=\"/sign-out\""));
}

TEST_F(PagesTest, TheApiIsUnchanged) {
  HttpResponse api = Get("/v1/consultations/nope");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.headers.Get("Content-Type"), "application/problem+json");
  EXPECT_EQ(Get("/v1/no-such-route").headers.Get("Content-Type"), "application/problem+json");
  // Outside /v1 an unknown address is a page.
  HttpResponse page = Get("/no-such-page", {{"Accept-Language", "en"}});
  EXPECT_EQ(page.status, 404);
  EXPECT_TRUE(Has(page, "There is no page at this address"));
}

}  // namespace
}  // namespace hoering::testing
