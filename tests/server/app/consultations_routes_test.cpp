// /v1/consultations and responses through the real client: lifecycle and
// deadlines under an injected clock, receipts, late acceptance, amend,
// withdraw, idempotent retries, attachments.
#include <gtest/gtest.h>

#include "tests/server/app/consultation_fixture.h"
#include "tests/support/is_problem.h"

namespace hoering {
namespace {

using client::Verb;
using testing::ConsultationTest;
using testing::IsProblem;

std::string TypeOf(const client::Expected<client::ApiResult>& r) {
  return r.ok() ? "ok" : r.error().type;
}

TEST_F(ConsultationTest, StateFollowsTheClockAndTheDeadlineCanBeExtended) {
  now_->store(kOpens - 1000);
  auto c = admin_->Call(Verb::get, "/v1/consultations/h1");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->body["state"], "scheduled");
  now_->store(kOpens);
  EXPECT_EQ(admin_->Call(Verb::get, "/v1/consultations/h1")->body["state"], "open");
  auto bad = admin_->Call(Verb::post, "/v1/consultations/h1/extend",
                          {{"closes_at", FormatRfc3339(kCloses - kDay)}, {"reason", "earlier"}});
  EXPECT_EQ(TypeOf(bad), "urn:hoering:invalid-deadline");
  auto ext = admin_->Call(
      Verb::post, "/v1/consultations/h1/extend",
      {{"closes_at", FormatRfc3339(kCloses + 7 * kDay)}, {"reason", "Summer holidays"}});
  ASSERT_TRUE(ext.ok()) << ext.error().detail;
  auto shown = admin_->Call(Verb::get, "/v1/consultations/h1");
  EXPECT_EQ(shown->body["closes_at"], FormatRfc3339Ms(kCloses + 7 * kDay));
  EXPECT_EQ(shown->body["original_closes_at"], FormatRfc3339Ms(kCloses));
  ASSERT_EQ(shown->body["extensions"].size(), 1u);
  EXPECT_EQ(shown->body["extensions"][0]["reason"], "Summer holidays");
  now_->store(kCloses + 1);
  EXPECT_EQ(admin_->Call(Verb::get, "/v1/consultations/h1")->body["state"], "open");
  now_->store(kCloses + 7 * kDay);
  EXPECT_EQ(admin_->Call(Verb::get, "/v1/consultations/h1")->body["state"], "closed");
  auto late_ext =
      admin_->Call(Verb::post, "/v1/consultations/h1/extend",
                   {{"closes_at", FormatRfc3339(kCloses + 30 * kDay)}, {"reason", "x"}});
  EXPECT_EQ(TypeOf(late_ext), "urn:hoering:consultation-closed");
}

TEST_F(ConsultationTest, OpeningChecksTheAgreementVersionPartiesAndPeriod) {
  auto body = OpenBody("h2");
  body["version"] = 2;
  EXPECT_EQ(TypeOf(admin_->Call(Verb::post, "/v1/consultations", body)),
            "urn:hoering:version-not-published");
  body = OpenBody("h2");
  body["agreement"] = "nope";
  EXPECT_EQ(TypeOf(admin_->Call(Verb::post, "/v1/consultations", body)),
            "urn:hoering:unknown-agreement");
  body = OpenBody("h2");
  body["invited"] = {"aarhus", "ghost"};
  EXPECT_EQ(TypeOf(admin_->Call(Verb::post, "/v1/consultations", body)),
            "urn:hoering:unknown-party");
  body = OpenBody("h2");
  body["closes_at"] = body["opens_at"];
  EXPECT_EQ(TypeOf(admin_->Call(Verb::post, "/v1/consultations", body)),
            "urn:hoering:invalid-period");
  body = OpenBody("h2");
  body["time_zone"] = "Europe/Aarhus";
  auto zone = admin_->Call(Verb::post, "/v1/consultations", body);
  EXPECT_EQ(TypeOf(zone), "urn:hoering:unknown-time-zone");
  EXPECT_EQ(zone.error().status, 422);
  body["time_zone"] = "Europe/Copenhagen";
  body["id"] = "h-cph";
  EXPECT_TRUE(admin_->Call(Verb::post, "/v1/consultations", body).ok());
  EXPECT_EQ(TypeOf(admin_->Call(Verb::post, "/v1/consultations", OpenBody("h1"))),
            "urn:hoering:consultation-exists");
  auto stakeholder = As(aarhus_);
  auto denied = stakeholder.Call(Verb::post, "/v1/consultations", OpenBody("h3"));
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().status, 403);
  body = OpenBody("h2");
  body["version"] = 1;
  auto ok = admin_->Call(Verb::post, "/v1/consultations", body);
  ASSERT_TRUE(ok.ok()) << ok.error().detail;
  auto list = admin_->Call(Verb::get, "/v1/consultations?agreement=sa");
  ASSERT_TRUE(list.ok()) << list.error().detail;
  EXPECT_EQ(list->body["items"].size(), 3u);
  EXPECT_EQ(admin_->Call(Verb::get, "/v1/consultations?agreement=other")->body["items"].size(), 0u);
}

TEST_F(ConsultationTest, AStakeholderGetsAReceiptForItsOwnPartyOnly) {
  auto api = As(aarhus_);
  auto r = api.Call(Verb::post, "/v1/consultations/h1/responses", ResponseBody("aarhus"));
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->status, 201);
  EXPECT_EQ(r->body["revision"], 1);
  EXPECT_EQ(r->body["late"], false);
  EXPECT_EQ(r->body["party"], "aarhus");
  EXPECT_EQ(r->body["hash"].get<std::string>().size(), 64u);
  EXPECT_EQ(r->body["submitted_at"], FormatRfc3339Ms(kOpens + kDay));
  EXPECT_EQ(r->body["response"].get<std::string>().rfind("r-", 0), 0u);
  // The receipt's position holds that event with that hash.
  auto page = admin_->ReadEvents(*r->position, 1);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->items[0]["hash"], r->body["hash"]);
  EXPECT_EQ(page->items[0]["type"], "ResponseSubmitted");

  auto other = api.Call(Verb::post, "/v1/consultations/h1/responses", ResponseBody("plo"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().status, 403);
  auto auditor = As(auditor_);
  EXPECT_EQ(auditor.Call(Verb::post, "/v1/consultations/h1/responses", ResponseBody("plo"))
                .error()
                .status,
            403);
  EXPECT_EQ(Anonymous()
                .Call(Verb::post, "/v1/consultations/h1/responses", ResponseBody("plo"))
                .error()
                .status,
            401);
  // The secretariat may submit on behalf of any party.
  EXPECT_FALSE(Submit(secretariat_, ResponseBody("plo")).empty());
}

TEST_F(ConsultationTest, PointsMustAnchorInTheConsultedVersion) {
  auto body = ResponseBody("aarhus");
  body["points"][0]["quote"] = "this sentence is not in the agreement";
  EXPECT_EQ(TypeOf(As(aarhus_).Call(Verb::post, "/v1/consultations/h1/responses", body)),
            "urn:hoering:quote-not-found");
  body = ResponseBody("aarhus");
  body["points"][1]["section"] = "no-such-section";
  EXPECT_EQ(TypeOf(As(aarhus_).Call(Verb::post, "/v1/consultations/h1/responses", body)),
            "urn:hoering:unknown-section");
  body = ResponseBody("aarhus");
  body.erase("publication");
  EXPECT_EQ(TypeOf(As(aarhus_).Call(Verb::post, "/v1/consultations/h1/responses", body)),
            "urn:hoering:invalid-field");
  auto head = admin_->Verify();
  ASSERT_TRUE(head.ok());
  // Nothing was written by the refused requests: a good one lands right after.
  auto ok = As(aarhus_).Call(Verb::post, "/v1/consultations/h1/responses", ResponseBody("aarhus"));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok->position, head->body["head"]["position"].get<std::uint64_t>() + 1);
}

TEST_F(ConsultationTest, DeadlinesRefuseWithConflictUnlessTheSecretariatAcceptsLate) {
  now_->store(kOpens - 1);
  EXPECT_EQ(TypeOf(As(aarhus_).Call(Verb::post, "/v1/consultations/h1/responses",
                                    ResponseBody("aarhus"))),
            "urn:hoering:consultation-not-open");
  now_->store(kCloses);
  auto closed =
      As(aarhus_).Call(Verb::post, "/v1/consultations/h1/responses", ResponseBody("aarhus"));
  ASSERT_TRUE(IsProblem(closed, 409, "urn:hoering:consultation-closed"));
  auto late_body = ResponseBody("aarhus");
  late_body["accept_late"] = {{"reason", "Sent by e-mail on time; mail server delay"}};
  EXPECT_EQ(
      As(aarhus_).Call(Verb::post, "/v1/consultations/h1/responses", late_body).error().status,
      403);
  auto late = As(secretariat_).Call(Verb::post, "/v1/consultations/h1/responses", late_body);
  ASSERT_TRUE(late.ok()) << late.error().detail;
  EXPECT_EQ(late->body["late"], true);
  auto shown = admin_->Call(
      Verb::get, "/v1/consultations/h1/responses/" + late->body["response"].get<std::string>());
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(shown->body["late"], true);
  EXPECT_EQ(shown->body["late_reason"], "Sent by e-mail on time; mail server delay");
  EXPECT_EQ(admin_->Call(Verb::get, "/v1/consultations/h1")->body["responses"]["late"], 1);
}

TEST_F(ConsultationTest, TheSecretariatRecordsResponsesReceivedByPostWithTheirArrivalTime) {
  now_->store(kCloses + 3 * kDay);
  auto body = ResponseBody("plo");
  body["received_at"] = FormatRfc3339(kCloses - kDay);
  EXPECT_EQ(As(plo_).Call(Verb::post, "/v1/consultations/h1/responses", body).error().status, 403);
  auto recorded = As(secretariat_).Call(Verb::post, "/v1/consultations/h1/responses", body);
  ASSERT_TRUE(recorded.ok()) << recorded.error().detail;
  EXPECT_EQ(recorded->body["late"], false);
  EXPECT_EQ(recorded->body["received_at"], FormatRfc3339Ms(kCloses - kDay));
  body["received_at"] = FormatRfc3339(kCloses + kDay);
  EXPECT_EQ(TypeOf(As(secretariat_).Call(Verb::post, "/v1/consultations/h1/responses", body)),
            "urn:hoering:consultation-closed");
  body["accept_late"] = {{"reason", "Letter arrived a day late; accepted by the chair"}};
  auto late = As(secretariat_).Call(Verb::post, "/v1/consultations/h1/responses", body);
  ASSERT_TRUE(late.ok()) << late.error().detail;
  EXPECT_EQ(late->body["late"], true);
  body["received_at"] = FormatRfc3339(kCloses + 30 * kDay);
  EXPECT_EQ(TypeOf(As(secretariat_).Call(Verb::post, "/v1/consultations/h1/responses", body)),
            "urn:hoering:invalid-field");
}

TEST_F(ConsultationTest, AnExplicitCloseEndsSubmissionsAtOnce) {
  auto closed = admin_->Call(Verb::post, "/v1/consultations/h1/close", {{"reason", "Cancelled"}});
  ASSERT_TRUE(closed.ok()) << closed.error().detail;
  EXPECT_EQ(admin_->Call(Verb::get, "/v1/consultations/h1")->body["state"], "closed");
  EXPECT_EQ(TypeOf(As(aarhus_).Call(Verb::post, "/v1/consultations/h1/responses",
                                    ResponseBody("aarhus"))),
            "urn:hoering:consultation-closed");
  EXPECT_EQ(TypeOf(admin_->Call(Verb::post, "/v1/consultations/h1/close", nullptr)),
            "urn:hoering:consultation-closed");
}

TEST_F(ConsultationTest, AmendKeepsEveryRevisionAndWithdrawEndsIt) {
  const std::string rid = Submit(aarhus_, ResponseBody("aarhus"));
  auto api = As(aarhus_);
  const std::string path = "/v1/consultations/h1/responses/" + rid;
  auto amended_body = ResponseBody("aarhus");
  amended_body["summary"] = "Revised";
  client::CallOptions stale;
  stale.if_match = "\"7\"";
  EXPECT_EQ(api.Call(Verb::put, path, amended_body, stale).error().status, 412);
  client::CallOptions fresh;
  fresh.if_match = "\"1\"";
  auto amended = api.Call(Verb::put, path, amended_body, fresh);
  ASSERT_TRUE(amended.ok()) << amended.error().detail;
  EXPECT_EQ(amended->status, 201);
  EXPECT_EQ(amended->body["revision"], 2);
  auto changed_party = ResponseBody("plo");
  EXPECT_EQ(As(secretariat_).Call(Verb::put, path, changed_party).error().type,
            "urn:hoering:party-mismatch");
  EXPECT_EQ(As(plo_).Call(Verb::put, path, changed_party).error().status, 404);
  auto revisions = api.Call(Verb::get, path + "/revisions");
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->body["items"].size(), 2u);
  EXPECT_EQ(revisions->body["items"][0]["summary"], "Response of aarhus");
  EXPECT_EQ(revisions->body["items"][1]["summary"], "Revised");
  EXPECT_NE(revisions->body["items"][0]["receipt"]["hash"],
            revisions->body["items"][1]["receipt"]["hash"]);
  auto withdrawn = api.Call(Verb::post, path + "/withdraw", {{"reason", "Sent twice"}});
  ASSERT_TRUE(withdrawn.ok()) << withdrawn.error().detail;
  EXPECT_EQ(withdrawn->body["withdrawn"], true);
  EXPECT_EQ(api.Call(Verb::post, path + "/withdraw", nullptr).error().type,
            "urn:hoering:response-withdrawn");
  EXPECT_EQ(api.Call(Verb::put, path, amended_body).error().type, "urn:hoering:response-withdrawn");
  auto shown = api.Call(Verb::get, path);
  EXPECT_EQ(shown->body["withdrawn"], true);
  EXPECT_EQ(shown->body["withdrawal_reason"], "Sent twice");
  // After the deadline nothing can be amended.
  const std::string rid2 = Submit(aarhus_, ResponseBody("aarhus"));
  now_->store(kCloses + 1);
  EXPECT_EQ(
      api.Call(Verb::put, "/v1/consultations/h1/responses/" + rid2, amended_body).error().type,
      "urn:hoering:consultation-closed");
  EXPECT_EQ(api.Call(Verb::post, "/v1/consultations/h1/responses/" + rid2 + "/withdraw", nullptr)
                .error()
                .type,
            "urn:hoering:consultation-closed");
}

TEST_F(ConsultationTest, ARetryWithTheSameKeyReturnsTheFirstReceiptAndWritesNothing) {
  auto api = As(aarhus_);
  client::CallOptions key;
  key.idempotency_key = "submit-aarhus-1";
  auto first = api.Call(Verb::post, "/v1/consultations/h1/responses", ResponseBody("aarhus"), key);
  ASSERT_TRUE(first.ok());
  auto again = api.Call(Verb::post, "/v1/consultations/h1/responses", ResponseBody("aarhus"), key);
  ASSERT_TRUE(again.ok()) << again.error().detail;
  EXPECT_EQ(again->status, 201);
  EXPECT_EQ(again->body, first->body);
  EXPECT_EQ(again->headers.Get("Idempotent-Replayed"), "true");
  // Even after the deadline, the retry answers with the first receipt.
  now_->store(kCloses + kDay);
  auto after = api.Call(Verb::post, "/v1/consultations/h1/responses", ResponseBody("aarhus"), key);
  ASSERT_TRUE(after.ok()) << after.error().detail;
  EXPECT_EQ(after->body, first->body);
  auto list = admin_->ListAll("/v1/consultations/h1/responses");
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 1u);
  auto other_body = ResponseBody("aarhus");
  other_body["summary"] = "different";
  EXPECT_EQ(api.Call(Verb::post, "/v1/consultations/h1/responses", other_body, key).error().type,
            "urn:hoering:idempotency-key-reused");
}

TEST_F(ConsultationTest, AttachmentsAreCheckedStoredOnceAndDownloadable) {
  auto body = ResponseBody("aarhus");
  body["attachments"] = {
      {{"filename", "notes.txt"}, {"media_type", "text/plain"}, {"content_base64", "aGVsbG8="}}};
  const std::string a = Submit(aarhus_, body);
  const std::string b = Submit(secretariat_, body);
  ASSERT_FALSE(a.empty());
  int stored = 0;
  ASSERT_TRUE(admin_
                  ->ScanEvents(1, std::nullopt, 1000,
                               [&](const nlohmann::json& e) {
                                 stored += e["type"] == "AttachmentStored";
                                 return true;
                               })
                  .ok());
  EXPECT_EQ(stored, 1);
  auto file = As(aarhus_).CallRaw(
      Verb::get,
      "/v1/consultations/h1/responses/" + a +
          "/attachments/2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
      "", "");
  ASSERT_TRUE(file.ok()) << file.error().detail;
  EXPECT_EQ(file->raw, "hello");
  EXPECT_EQ(file->headers.Get("Content-Type"), "text/plain");
  // Another party's stakeholder cannot fetch it before close.
  EXPECT_EQ(
      As(plo_)
          .CallRaw(
              Verb::get,
              "/v1/consultations/h1/responses/" + a +
                  "/attachments/2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
              "", "")
          .error()
          .status,
      404);
  body["attachments"][0] = {{"filename", "x.exe"},
                            {"media_type", "application/x-msdownload"},
                            {"content_base64", "aGVsbG8="}};
  EXPECT_EQ(TypeOf(As(aarhus_).Call(Verb::post, "/v1/consultations/h1/responses", body)),
            "urn:hoering:attachment-type-not-allowed");
  body["attachments"][0] = {
      {"filename", "fake.pdf"}, {"media_type", "application/pdf"}, {"content_base64", "aGVsbG8="}};
  EXPECT_EQ(TypeOf(As(aarhus_).Call(Verb::post, "/v1/consultations/h1/responses", body)),
            "urn:hoering:attachment-content-mismatch");
  body["attachments"][0] = {
      {"filename", "bad.txt"}, {"media_type", "text/plain"}, {"content_base64", "not base64!"}};
  EXPECT_EQ(TypeOf(As(aarhus_).Call(Verb::post, "/v1/consultations/h1/responses", body)),
            "urn:hoering:invalid-field");
}

}  // namespace
}  // namespace hoering
