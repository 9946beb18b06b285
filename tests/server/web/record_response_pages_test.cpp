// The secretariat's form for a response received by post or e-mail
// (/manage/consultations/{id}/responses/new, issue 15) through a real
// server and HTTP client: who may use it, recording on a party's behalf with
// the time it was received, a response received after the deadline refused
// without a reason (nothing written) and recorded as late with one, every
// problem at its field with the input kept, a double click. The browser
// test (tests/web/record_response.test.mjs) drives it in Chromium.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "server/web/page.h"
#include "tests/server/web/pages_fixture.h"

namespace hoering::testing {
namespace {

constexpr const char* kForm = "/manage/consultations/h1/responses/new";

class RecordResponsePagesTest : public PagesTest {
 protected:
  void SetUp() override {
    PagesTest::SetUp();
    SignInForForms(secretariat_, kForm);
  }
  HttpResponse Post(Fields fields, const std::string& session = "", const std::string& csrf = "") {
    fields.emplace_back("csrf", csrf.empty() ? csrf_ : csrf);
    std::string body;
    for (const auto& [k, v] : fields) {
      body += (body.empty() ? "" : "&") + k + "=" + web::UrlEncode(v);
    }
    return PostForm(kForm, body, {{"Cookie", session.empty() ? session_ : session}});
  }
  // A complete form: a letter from Aarhus received on `date` at `time` (UTC,
  // the consultation's zone).
  static Fields Letter(const std::string& date, const std::string& time,
                       const std::string& form_key = "0123456789abcdef0123456789abcdef") {
    return {{"form_key", form_key},
            {"party", "aarhus"},
            {"author_name", "Anne Brev"},
            {"author_email", ""},
            {"publication", "anonymous"},
            {"summary", "Sendt med post"},
            {"point-0-section", "kap-1"},
            {"point-0-quote", "hænger godt sammen"},
            {"point-0-text", "Et punkt fra brevet"},
            {"point-1-section", ""},
            {"point-1-quote", ""},
            {"point-1-text", ""},
            {"received_date", date},
            {"received_time", time},
            {"action", "record"}};
  }
  // Every response of h1 as the secretariat reads them.
  // POSTs the form multipart, with files.
  HttpResponse PostWithFiles(Fields fields, const std::vector<FormFile>& files) {
    fields.emplace_back("csrf", csrf_);
    return Send(Verb::post, kForm, MultipartBody(fields, files), kMultipartType,
                {{"Cookie", session_}});
  }
  nlohmann::json Responses() { return Items(As(secretariat_), "/v1/consultations/h1/responses"); }
  nlohmann::json Response(const std::string& rid) {
    auto r = As(secretariat_).Call(Verb::get, "/v1/consultations/h1/responses/" + rid);
    EXPECT_TRUE(r.ok());
    return r.ok() ? r->body : nlohmann::json();
  }
  static std::string Location(const HttpResponse& r) {
    return std::string(r.headers.Get("Location").value_or(""));
  }
  // The response id of a redirect to its receipt page.
  static std::string ReceiptOf(const HttpResponse& r) {
    const std::string location = Location(r);
    const std::string prefix = "/consultations/h1/responses/";
    const auto end = location.find("/receipt");
    if (!location.starts_with(prefix) || end == std::string::npos) return "";
    return location.substr(prefix.size(), end - prefix.size());
  }
};

TEST_F(RecordResponsePagesTest, OnlyTheSecretariatAndAdminsMayRecord) {
  HttpResponse anonymous = Get(kForm);
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.headers.Get("Location"), "/sign-in?next=" + web::UrlEncode(kForm));
  EXPECT_EQ(Get(kForm, {{"Cookie", SignIn(aarhus_)}}).status, 403);
  EXPECT_EQ(Get(kForm, {{"Cookie", SignIn(auditor_)}}).status, 403);
  EXPECT_EQ(Get(kForm, {{"Cookie", SignIn(kAdminToken)}}).status, 200);
  // A party's post is refused before anything is done.
  const std::string aarhus = SignIn(aarhus_);
  const std::string aarhus_csrf = FormCsrf(Get("/", {{"Cookie", aarhus}}));
  EXPECT_EQ(Post(Letter("2023-05-15", "13:30"), aarhus, aarhus_csrf).status, 403);
  EXPECT_TRUE(Responses().empty());
  // Linked from the consultation's page and the inbox.
  EXPECT_TRUE(Has(Get("/manage/consultations/h1", {{"Cookie", session_}}),
                  "href=\"/manage/consultations/h1/responses/new\""));
  EXPECT_TRUE(Has(Get("/manage/consultations/h1/responses", {{"Cookie", session_}}),
                  "href=\"/manage/consultations/h1/responses/new\""));
}

TEST_F(RecordResponsePagesTest, RecordsOnThePartysBehalfWithTheTimeReceived) {
  HttpResponse form = Get(kForm, {{"Cookie", session_}});
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form, "<option value=\"aarhus\">Aarhus Kommune</option>"));
  EXPECT_TRUE(Has(form, "<option value=\"kap-1\""));
  EXPECT_TRUE(Has(form, "name=\"received_date\" value=\"2023-05-16\""));  // now, local
  EXPECT_FALSE(Has(form, "id=\"late_reason\""));                          // open: never late
  HttpResponse recorded = Post(Letter("2023-05-15", "13:30"));
  ASSERT_EQ(recorded.status, 303);
  const std::string rid = ReceiptOf(recorded);
  ASSERT_FALSE(rid.empty()) << Location(recorded);
  const nlohmann::json r = Response(rid);
  EXPECT_EQ(r["party"], "aarhus");
  EXPECT_EQ(r["author"]["name"], "Anne Brev");
  EXPECT_EQ(r["publication"], "anonymous");
  EXPECT_EQ(ParseRfc3339(r.value("received_at", "")), kOpens + 13 * 3600000 + 1800000);
  EXPECT_EQ(r["late"], false);
  ASSERT_EQ(r["points"].size(), 1u);  // the blank point dropped
  EXPECT_EQ(r["points"][0]["quote"], "hænger godt sammen");
  // The receipt says it was recorded on the party's behalf, and when received.
  HttpResponse receipt = Get(Location(recorded), {{"Cookie", session_}});
  EXPECT_EQ(receipt.status, 200);
  EXPECT_TRUE(HasAll(receipt, {"registreret på partens vegne", "15. maj 2023 kl. 13.30",
                               "href=\"/manage/consultations/h1/responses\""}));
  // The inbox shows when it was received.
  HttpResponse inbox = Get("/manage/consultations/h1/responses", {{"Cookie", session_}});
  EXPECT_TRUE(Has(inbox, "Modtaget 15. maj 2023 kl. 13.30"));
  // A second click of the same form answers with the first one's receipt.
  HttpResponse again = Post(Letter("2023-05-15", "13:30"));
  EXPECT_EQ(again.status, 303);
  EXPECT_EQ(ReceiptOf(again), rid);
  EXPECT_EQ(Responses().size(), 1u);
}

TEST_F(RecordResponsePagesTest, ALateResponseNeedsAReasonAndIsMarkedLate) {
  Close();
  session_ = SignIn(secretariat_);  // the first session ended with the idle hour
  HttpResponse form = Get(kForm, {{"Cookie", session_}});
  csrf_ = FormCsrf(form);
  EXPECT_TRUE(Has(form, "id=\"late_reason\""));
  // Received after the deadline (2023-08-25 21:00), no reason: refused at the
  // reason field, the input kept, nothing written.
  HttpResponse refused = Post(Letter("2023-08-26", "09:00", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(HasAll(refused, {"href=\"#late_reason\"", "id=\"late_reason-error\"",
                               "Svaret er modtaget efter fristen", "value=\"Anne Brev\"",
                               "Et punkt fra brevet", "value=\"2023-08-26\""}));
  EXPECT_TRUE(Responses().empty());
  // With a reason (a new rendering of the form): recorded as late.
  Fields with_reason = Letter("2023-08-26", "09:00", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
  with_reason.emplace_back("late_reason", "Poststemplet viser rettidig afsendelse");
  HttpResponse accepted = Post(with_reason);
  ASSERT_EQ(accepted.status, 303);
  const nlohmann::json r = Response(ReceiptOf(accepted));
  EXPECT_EQ(r["late"], true);
  EXPECT_EQ(r["late_reason"], "Poststemplet viser rettidig afsendelse");
  HttpResponse receipt = Get(Location(accepted), {{"Cookie", session_}});
  EXPECT_TRUE(Has(receipt, "Modtaget efter fristen"));
  EXPECT_TRUE(Has(receipt, "Poststemplet viser rettidig afsendelse"));
  // Received before the deadline, recorded after it: on time, no reason.
  HttpResponse on_time = Post(Letter("2023-08-25", "20:00", "cccccccccccccccccccccccccccccccc"));
  ASSERT_EQ(on_time.status, 303);
  EXPECT_EQ(Response(ReceiptOf(on_time))["late"], false);
  EXPECT_EQ(Responses().size(), 2u);
}

TEST_F(RecordResponsePagesTest, EveryProblemIsShownAtItsFieldWithTheInputKept) {
  Fields fields = Letter("2023-05-15", "25:00");
  fields[1].second = "";  // no party
  fields[2].second = "";  // no author
  fields[4].second = "";  // no publication
  fields[8].second = "";  // no point left
  fields[7].second = "";
  HttpResponse page = Post(fields);
  EXPECT_EQ(page.status, 400);
  for (const char* field :
       {"#party", "#author_name", "#publication-public", "#point-0-text", "#received_date"}) {
    EXPECT_TRUE(Has(page, std::string("href=\"") + field + "\"")) << field;
  }
  EXPECT_TRUE(Has(page, "id=\"received_date-error\""));
  EXPECT_TRUE(Has(page, "Sendt med post"));  // the summary kept
  EXPECT_TRUE(Has(page, "value=\"25:00\""));
  // A time in the future is the decider's refusal, shown at the same field.
  HttpResponse future = Post(Letter("2023-05-16", "12:00"));
  EXPECT_EQ(future.status, 400);
  EXPECT_TRUE(Has(future, "id=\"received_date-error\""));
  EXPECT_TRUE(Has(future, "kan ikke ligge i fremtiden"));
  EXPECT_TRUE(Responses().empty());
  // "Add a point" writes nothing and shows one more empty point.
  Fields add = Letter("2023-05-15", "13:30");
  add.back().second = "add";
  HttpResponse more = Post(add);
  EXPECT_EQ(more.status, 200);
  EXPECT_TRUE(Has(more, "id=\"point-2-text\""));
  EXPECT_TRUE(Responses().empty());
}

}  // namespace
}  // namespace hoering::testing

namespace hoering::testing {
namespace {

TEST_F(RecordResponsePagesTest, TheLetterGoesWithItAndAShownAgainFormKeepsItsFiles) {
  const std::string key = "00112233445566778899aabbccddeeff";
  Fields letter = Letter("2023-05-15", "13:30");
  letter.emplace_back("upload_key", key);
  // Without a party: refused at its field, the upload kept and listed.
  Fields no_party = letter;
  for (auto& [name, value] : no_party) {
    if (name == "party") value = "";
  }
  HttpResponse refused =
      PostWithFiles(no_party, {{"brev.pdf", "application/pdf", kFormPdf},
                               {"kuvert.pdf", "application/pdf", kFormPdf + "2"}});
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_TRUE(HasAll(refused, {"id=\"party-error\"", "brev.pdf", "id=\"file-1-remove\"",
                               "name=\"upload_key\" value=\"" + key + "\""}));
  EXPECT_TRUE(Responses().empty());
  // Another reader with the same key does not reach them.
  const std::string admin = SignIn(kAdminToken);
  const std::string admin_csrf = FormCsrf(Get(kForm, {{"Cookie", admin}}));
  Fields other = no_party;
  other.emplace_back("csrf", admin_csrf);
  HttpResponse elsewhere =
      Send(Verb::post, kForm, MultipartBody(other, {}), kMultipartType, {{"Cookie", admin}});
  EXPECT_FALSE(Has(elsewhere, "brev.pdf"));
  // Recorded without sending the files again, less the one ticked for removal.
  letter.emplace_back("file-1-remove", "1");
  HttpResponse recorded = PostWithFiles(letter, {});
  ASSERT_EQ(recorded.status, 303) << recorded.body;
  const nlohmann::json r = Response(ReceiptOf(recorded));
  ASSERT_EQ(r["attachments"].size(), 1u);
  EXPECT_EQ(r["attachments"][0]["filename"], "brev.pdf");
  EXPECT_EQ(r["attachments"][0]["size"], kFormPdf.size());
  // The kept files are gone with the recording: the same key starts empty.
  HttpResponse again = PostWithFiles(no_party, {});
  EXPECT_FALSE(Has(again, "brev.pdf"));
}

TEST_F(RecordResponsePagesTest, AnUploadOverTheLimitIsShownAtTheFileField) {
  // 15 files kept by "add a point", then 6 more: 20 kept, the 21st at the file field.
  std::vector<FormFile> first, more;
  for (int i = 0; i < 21; ++i) {
    (i < 15 ? first : more)
        .push_back(
            {"f" + std::to_string(i) + ".pdf", "application/pdf", kFormPdf + std::to_string(i)});
  }
  Fields letter = Letter("2023-05-15", "13:30");
  letter.emplace_back("upload_key", "ffeeddccbbaa99887766554433221100");
  Fields add = letter;
  for (auto& [name, value] : add) {
    if (name == "action") value = "add";
  }
  EXPECT_EQ(PostWithFiles(add, first).status, 200);
  HttpResponse refused = PostWithFiles(letter, more);
  EXPECT_EQ(refused.status, 400) << refused.body.substr(0, 500);
  EXPECT_TRUE(HasAll(refused, {"id=\"files-error\"", "href=\"#files\"", "f19.pdf"}));
  EXPECT_FALSE(Has(refused, "f20.pdf"));
  EXPECT_TRUE(Responses().empty());
}

}  // namespace
}  // namespace hoering::testing
