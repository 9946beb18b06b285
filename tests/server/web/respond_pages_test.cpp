// The response form, the receipt page and withdrawing through a real server
// and HTTP client: every problem at its field with the input kept and
// nothing written, drafts with uploaded files, submit, amend (and a stale
// amendment), withdraw, who may see what. The browser tests (tests/web/)
// drive the same flows in Chromium.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "tests/server/web/pages_fixture.h"

namespace hoering::testing {
namespace {

using File = FormFile;
const std::string& kPdf = kFormPdf;

class RespondPagesTest : public PagesTest {
 protected:
  void SetUp() override {
    PagesTest::SetUp();
    SignInForForms(aarhus_, "/consultations/h1/respond");
  }
  // POSTs the response form as aarhus, multipart, with the CSRF field.
  HttpResponse PostRespond(Fields fields, const std::vector<File>& files = {},
                           const std::string& session = "") {
    fields.emplace_back("csrf", csrf_);
    return Send(Verb::post, "/consultations/h1/respond", MultipartBody(fields, files),
                kMultipartType, {{"Cookie", session.empty() ? session_ : session}});
  }
  static Fields Complete(const std::string& action) {
    return {{"author_name", "Anne Jensen"},
            {"author_email", "anne@aarhus.dk"},
            {"publication", "public"},
            {"summary", "Vi støtter aftalen"},
            {"point-0-section", "kap-1"},
            {"point-0-quote", "hænger godt sammen"},
            {"point-0-text", "Godt at se <script>alert(1)</script>"},
            {"point-1-section", "vision-1"},
            {"point-1-quote", ""},
            {"point-1-text", "Visionen er klar"},
            {"point-2-section", ""},
            {"point-2-quote", ""},
            {"point-2-text", ""},
            {"action", action}};
  }
  // aarhus's responses as the API shows them to aarhus.
  nlohmann::json Mine() {
    return Items(As(aarhus_), "/v1/consultations/h1/responses?party=aarhus");
  }
};

TEST_F(RespondPagesTest, TheFormIsForParties) {
  HttpResponse anonymous = Get("/consultations/h1/respond");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.headers.Get("Location"), "/sign-in");
  EXPECT_EQ(Get("/consultations/h1/respond", {{"Cookie", SignIn(auditor_)}}).status, 403);
  HttpResponse form = Get("/consultations/h1/respond", {{"Cookie", session_}});
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form, "enctype=\"multipart/form-data\""));
  EXPECT_TRUE(Has(form, "<option value=\"kap-1\""));
  // The text links each section to the form for a party.
  HttpResponse text = Get("/consultations/h1", {{"Cookie", session_}});
  EXPECT_TRUE(Has(text, "href=\"/consultations/h1/respond?section=kap-1#respond-form\""));
  EXPECT_FALSE(Has(Get("/consultations/h1"), "/respond?section="));
  HttpResponse on_section =
      Get("/consultations/h1/respond?section=vision-1", {{"Cookie", session_}});
  EXPECT_TRUE(Has(on_section, "<option value=\"vision-1\" selected>"));
  // A closed consultation takes no responses.
  Close();
  EXPECT_EQ(Get("/consultations/h1/respond", {{"Cookie", SignIn(aarhus_)}}).status, 409);
}

TEST_F(RespondPagesTest, EveryProblemIsShownAtItsFieldWithTheInputKeptAndNothingWritten) {
  Fields fields = Complete("submit");
  fields[0].second = "";             // no name
  fields[2].second = "";             // no publication choice
  fields[1].second = "anne.aarhus";  // not an address
  HttpResponse page = PostRespond(fields);
  EXPECT_EQ(page.status, 400);
  EXPECT_TRUE(HasAll(page, {"error-summary", "href=\"#author_name\"", "href=\"#author_email\"",
                            "href=\"#publication-public\"", "id=\"author_name-error\"",
                            "Dit navn: Udfyld feltet."}));
  EXPECT_TRUE(Has(page, "Visionen er klar"));  // kept
  EXPECT_TRUE(Has(page, "Godt at se &lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_FALSE(Has(page, "<script>alert(1)"));
  EXPECT_TRUE(Mine().empty());
  // Problems the text check finds: each quote at its own field.
  fields = Complete("submit");
  fields[5].second = "står ikke i teksten";
  fields[8].second = "heller ikke her";
  page = PostRespond(fields);
  EXPECT_EQ(page.status, 422);
  EXPECT_TRUE(HasAll(page, {"id=\"point-0-quote-error\"", "id=\"point-1-quote-error\"",
                            "Den citerede passage står ikke i det valgte afsnit"}));
  EXPECT_TRUE(Mine().empty());
}

TEST_F(RespondPagesTest, SubmitWithAttachmentGivesAReceiptThatVerifies) {
  HttpResponse saved = PostRespond(Complete("save"), {{"bilag.pdf", "application/pdf", kPdf}});
  EXPECT_EQ(saved.status, 303);
  // The draft keeps the text and the file; a validation error never asks again.
  HttpResponse again = Get("/consultations/h1/respond", {{"Cookie", session_}});
  EXPECT_TRUE(HasAll(again, {"Visionen er klar", "bilag.pdf", "Din kladde blev gemt"}));
  EXPECT_TRUE(Mine().empty());  // a draft is not an event
  // Another party does not see it.
  EXPECT_FALSE(
      Has(Get("/consultations/h1/respond", {{"Cookie", SignIn(plo_)}}), "Visionen er klar"));
  HttpResponse submitted = PostRespond(Complete("submit"));
  ASSERT_EQ(submitted.status, 303) << submitted.body.substr(0, 2000);
  const std::string receipt_href = std::string(submitted.headers.Get("Location").value_or(""));
  ASSERT_TRUE(receipt_href.starts_with("/consultations/h1/responses/r-"));
  const nlohmann::json mine = Mine();
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["points"].size(), 2u);
  EXPECT_EQ(mine[0]["attachments"].size(), 1u);
  EXPECT_EQ(mine[0]["author"]["name"], "Anne Jensen");
  HttpResponse receipt = Get(receipt_href, {{"Cookie", session_}});
  EXPECT_EQ(receipt.status, 200);
  const std::string hash = mine[0]["receipt"]["hash"];
  EXPECT_TRUE(Has(receipt, hash)) << hash << "\n"
                                  << receipt.body.substr(receipt.body.find("<main"), 3000);
  HttpResponse file = Get(receipt_href + "?format=json", {{"Cookie", session_}});
  EXPECT_EQ(file.status, 200);
  EXPECT_TRUE(
      std::string(file.headers.Get("Content-Disposition").value_or("")).starts_with("attachment"));
  const auto json = nlohmann::json::parse(file.body);
  EXPECT_EQ(json["hash"], hash);
  EXPECT_EQ(json["response"], mine[0]["id"]);
  auto verified = Anonymous().Call(
      Verb::get, "/v1/receipts/verify?position=" + std::to_string(json["position"].get<int>()) +
                     "&hash=" + hash);
  ASSERT_TRUE(verified.ok());
  EXPECT_EQ(verified->body["ok"], true);
  // The downloaded file, uploaded on /receipts/verify, is confirmed.
  HttpResponse checked =
      Send(Verb::post, "/receipts/verify",
           MultipartBody({{"csrf", csrf_}, {"receipt", ""}},
                         {{"receipt.json", "application/json", file.body, "receipt_file"}}),
           kMultipartType, {{"Cookie", session_}});
  EXPECT_EQ(checked.status, 200);
  EXPECT_TRUE(Has(checked, "Kvitteringen er gyldig"));
  // The draft is gone with the submission.
  EXPECT_FALSE(Has(Get("/consultations/h1/respond", {{"Cookie", session_}}), "Visionen er klar"));
}

TEST_F(RespondPagesTest, PreviewThenSubmitTheSavedDraft) {
  HttpResponse preview = PostRespond(Complete("preview"));
  EXPECT_EQ(preview.status, 200);
  EXPECT_TRUE(Has(preview, "Kontrollér dit høringssvar"));
  EXPECT_TRUE(Mine().empty());
  HttpResponse submitted = PostRespond({{"action", "submit"}, {"target", "new"}});
  EXPECT_EQ(submitted.status, 303);
  EXPECT_EQ(Mine().size(), 1u);
}

TEST_F(RespondPagesTest, AmendAndAStaleAmendmentAndWithdraw) {
  ASSERT_EQ(PostRespond(Complete("submit")).status, 303);
  const std::string rid = Mine()[0]["id"];
  HttpResponse form = Get("/consultations/h1/respond?response=" + rid, {{"Cookie", session_}});
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form, "Visionen er klar"));
  EXPECT_TRUE(Has(form, "name=\"version\" value=\"1\""));
  // Another party cannot open it.
  EXPECT_EQ(Get("/consultations/h1/respond?response=" + rid, {{"Cookie", SignIn(plo_)}}).status,
            404);
  Fields amended = Complete("submit");
  amended[9].second = "Visionen er meget klar";
  amended.emplace_back("target", rid);
  amended.emplace_back("version", "1");
  HttpResponse ok = PostRespond(amended);
  ASSERT_EQ(ok.status, 303) << ok.body.substr(0, 2000);
  EXPECT_EQ(Mine()[0]["revision"], 2);
  // The same form again names version 1: explained, input kept, nothing written.
  amended[9].second = "En tredje udgave";
  HttpResponse stale = PostRespond(amended);
  EXPECT_EQ(stale.status, 412);
  EXPECT_TRUE(Has(stale, "blev ændret af en anden"));
  EXPECT_TRUE(Has(stale, "En tredje udgave"));
  EXPECT_EQ(Mine()[0]["revision"], 2);
  // The explained form now names the current version: sent again, it replaces it.
  EXPECT_TRUE(Has(stale, "name=\"version\" value=\"2\""));
  amended.back().second = "2";
  ASSERT_EQ(PostRespond(amended).status, 303);
  EXPECT_EQ(Mine()[0]["revision"], 3);
  // Withdraw from /my/responses, with a reason.
  HttpResponse mine = Get("/my/responses", {{"Cookie", session_}});
  EXPECT_TRUE(Has(mine, "/responses/" + rid + "/withdraw"));
  HttpResponse withdrawn = Send(Verb::post, "/consultations/h1/responses/" + rid + "/withdraw",
                                "csrf=" + csrf_ + "&version=3&reason=Sendt+ved+en+fejl",
                                "application/x-www-form-urlencoded", {{"Cookie", session_}});
  ASSERT_EQ(withdrawn.status, 303);
  EXPECT_EQ(Mine()[0]["withdrawn"], true);
  EXPECT_EQ(Mine()[0]["withdrawal_reason"], "Sendt ved en fejl");
  HttpResponse receipt =
      Get(std::string(withdrawn.headers.Get("Location").value_or("")), {{"Cookie", session_}});
  EXPECT_TRUE(Has(receipt, "trukket tilbage"));
}

TEST_F(RespondPagesTest, WithoutTheCsrfFieldNothingIsWritten) {
  Fields fields = Complete("submit");
  HttpResponse refused = Send(Verb::post, "/consultations/h1/respond", MultipartBody(fields, {}),
                              kMultipartType, {{"Cookie", session_}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(Mine().empty());
  EXPECT_FALSE(Has(Get("/consultations/h1/respond", {{"Cookie", session_}}), "Visionen er klar"));
}

TEST_F(RespondPagesTest, ASecondClickGetsTheFirstReceipt) {
  Fields fields = Complete("submit");
  fields.emplace_back("form_key", "0123456789abcdef0123456789abcdef");
  HttpResponse first = PostRespond(fields, {{"bilag.pdf", "application/pdf", kPdf}});
  ASSERT_EQ(first.status, 303);
  HttpResponse second = PostRespond(fields, {{"bilag.pdf", "application/pdf", kPdf}});
  EXPECT_EQ(second.status, 303);
  EXPECT_EQ(second.headers.Get("Location"), first.headers.Get("Location"));
  EXPECT_EQ(Mine().size(), 1u);
  // Nor does the draft come back.
  EXPECT_FALSE(Has(Get("/consultations/h1/respond", {{"Cookie", session_}}), "Visionen er klar"));
  // A second withdraw click shows the withdrawal's receipt.
  const std::string rid = Mine()[0]["id"];
  const std::string withdraw = "/consultations/h1/responses/" + rid + "/withdraw";
  for (int click = 0; click < 2; ++click) {
    HttpResponse w = Send(Verb::post, withdraw, "csrf=" + csrf_ + "&version=1",
                          "application/x-www-form-urlencoded", {{"Cookie", session_}});
    EXPECT_EQ(w.status, 303) << click;
  }
}

TEST_F(RespondPagesTest, OnlyThePartyWithdrawsOnThePages) {
  const std::string rid = Submit(aarhus_, ResponseBody("aarhus"));
  const std::string auditor = SignIn(auditor_);
  const std::string csrf = FormCsrf(Get("/", {{"Cookie", auditor}}));
  HttpResponse refused =
      Send(Verb::post, "/consultations/h1/responses/" + rid + "/withdraw", "csrf=" + csrf,
           "application/x-www-form-urlencoded", {{"Cookie", auditor}});
  EXPECT_EQ(refused.status, 403);
  const std::string plo = SignIn(plo_);
  HttpResponse other = Send(Verb::post, "/consultations/h1/responses/" + rid + "/withdraw",
                            "csrf=" + FormCsrf(Get("/", {{"Cookie", plo}})),
                            "application/x-www-form-urlencoded", {{"Cookie", plo}});
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(Mine()[0]["withdrawn"], false);
}

TEST_F(RespondPagesTest, BadInputIsRefusedWithoutA500) {
  HttpResponse latin1 = Send(Verb::post, "/consultations/h1/respond",
                             "csrf=" + csrf_ + "&author_name=x&summary=%FF&point-0-text=t",
                             "application/x-www-form-urlencoded", {{"Cookie", session_}});
  EXPECT_EQ(latin1.status, 400);
  // 15 files kept, then 6 more: 20 kept, the 21st reported at the file field.
  std::vector<File> first, more;
  for (int i = 0; i < 21; ++i) {
    (i < 15 ? first : more)
        .push_back({"f" + std::to_string(i) + ".pdf", "application/pdf", kPdf + std::to_string(i)});
  }
  EXPECT_EQ(PostRespond(Complete("save"), first).status, 303);
  HttpResponse many = PostRespond(Complete("save"), more);
  EXPECT_EQ(many.status, 400) << many.body.substr(0, 500);
  EXPECT_TRUE(Has(many, "id=\"files-error\""));
  HttpResponse page = Get("/consultations/h1/respond", {{"Cookie", session_}});
  EXPECT_TRUE(Has(page, "f19.pdf"));
  EXPECT_FALSE(Has(page, "f20.pdf"));
}

TEST_F(RespondPagesTest, TheApiListsEveryFieldProblem) {
  nlohmann::json body = ResponseBody("aarhus");
  body["author"]["name"] = "";
  body["publication"] = "secret";
  auto r = As(aarhus_).Call(Verb::post, "/v1/consultations/h1/responses", body);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status, 400);
  auto raw = Send(Verb::post, "/v1/consultations/h1/responses", body.dump(), "application/json",
                  {{"Authorization", "Bearer " + aarhus_}});
  const auto problem = nlohmann::json::parse(raw.body);
  ASSERT_EQ(problem["errors"].size(), 2u);
  EXPECT_EQ(problem["errors"][0], nlohmann::json({{"pointer", "/author/name"},
                                                  {"type", "required"},
                                                  {"params", nlohmann::json::object()}}));
  EXPECT_EQ(problem["errors"][1]["pointer"], "/publication");
  EXPECT_EQ(problem["errors"][1]["type"], "invalid-publication");
}

}  // namespace
}  // namespace hoering::testing
