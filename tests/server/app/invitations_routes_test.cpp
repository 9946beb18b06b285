// /v1/consultations/{id}/invitations through the real client, and the
// sign-in query RedeemInvitation on the same server (issue 14).
#include <gtest/gtest.h>

#include "domain/sha256.h"
#include "server/app/invitation_queries.h"
#include "tests/server/app/consultation_fixture.h"

namespace hoering {
namespace {

using client::Verb;
using nlohmann::json;
using testing::ConsultationTest;

constexpr const char* kDefaultPublicUrl = "http://127.0.0.1:8080";  // AppOptions

class InvitationsRoutesTest : public ConsultationTest {
 protected:
  // Issues an invitation of `party` to h1 as the secretariat; the answer's body.
  json Invite(const std::string& party, const std::string& consultation = "h1") {
    auto r = As(secretariat_).IssueInvitation(consultation, party);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().detail);
    if (!r.ok()) return json();
    EXPECT_EQ(r->status, 201);
    return r->body;
  }

  Result<app::InvitationGrant> Redeem(const std::string& code) {
    return app::RedeemInvitation(server_->app().context(), code);
  }

  static void ExpectInvalid(const Result<app::InvitationGrant>& r, const std::string& what) {
    ASSERT_FALSE(r.ok()) << what;
    EXPECT_EQ(r.status().code(), Code::kUnauthenticated) << what;
    EXPECT_EQ(r.status().type(), "invitation-invalid") << what;
  }

  static void ExpectProblem(const client::Expected<client::ApiResult>& r, int status,
                            const std::string& type, const std::string& what = "") {
    ASSERT_FALSE(r.ok()) << what;
    EXPECT_EQ(r.error().status, status) << what << ": " << r.error().detail;
    EXPECT_EQ(r.error().type, "urn:hoering:" + type) << what << ": " << r.error().detail;
  }
};

TEST_F(InvitationsRoutesTest, IssueShowsTheCodeOnceAsALink) {
  const json inv = Invite("aarhus");
  const std::string code = inv["code"];
  const std::string id = inv["id"];
  EXPECT_EQ(id.rfind("inv-", 0), 0u);
  EXPECT_EQ(id.size(), 4u + 16u);
  EXPECT_EQ(code.rfind("inv_", 0), 0u);
  EXPECT_EQ(code.size(), 4u + 43u);
  EXPECT_EQ(inv["link"], std::string(kDefaultPublicUrl) + "/sign-in?token=" + code);
  EXPECT_EQ(inv["party"], "aarhus");
  EXPECT_EQ(inv["consultation"], "h1");
  EXPECT_EQ(inv["expires_at"], FormatRfc3339(kCloses + 30 * kDay));
  EXPECT_EQ(inv["issued_at"], FormatRfc3339(kOpens + kDay));
  EXPECT_EQ(inv["revoked"], false);
  EXPECT_TRUE(inv["revoked_at"].is_null());
  EXPECT_TRUE(inv["position"].is_number_unsigned());

  // The log holds the code's hash, never the code.
  auto events = admin_->ReadEvents(1, 1000);
  ASSERT_TRUE(events.ok());
  bool issued = false;
  for (const auto& e : events->items) {
    EXPECT_EQ(e.dump().find(code), std::string::npos) << e.dump();
    if (e["type"] == "InvitationIssued") {
      issued = true;
      EXPECT_EQ(e["stream"], "invitations-h1");
      EXPECT_EQ(e["data"]["code_sha256"], ToHex(Sha256(code)));
      EXPECT_EQ(e["data"]["id"], id);
    }
  }
  EXPECT_TRUE(issued);
}

TEST_F(InvitationsRoutesTest, ListNeverShowsCodesAndPages) {
  std::vector<std::string> ids;
  for (const char* party : {"aarhus", "plo", "panel", "aarhus"}) {
    ids.push_back(Invite(party)["id"]);
  }
  auto all = As(secretariat_).ListInvitations("h1");
  ASSERT_TRUE(all.ok()) << all.error().detail;
  ASSERT_EQ(all->size(), 4u);
  for (std::size_t i = 0; i < all->size(); ++i) {
    const json& item = (*all)[i];
    EXPECT_EQ(item["id"], ids[i]) << "in the order issued";
    EXPECT_FALSE(item.contains("code"));
    EXPECT_FALSE(item.contains("link"));
    EXPECT_FALSE(item.contains("code_sha256"));
    EXPECT_EQ(item["expires_at"], FormatRfc3339(kCloses + 30 * kDay));
    EXPECT_EQ(item["revoked"], false);
    EXPECT_EQ(item["expired"], false);
  }
  auto page = admin_->Call(Verb::get, "/v1/consultations/h1/invitations?limit=3");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->body["items"].size(), 3u);
  EXPECT_EQ(page->body["next"], ids[2]);
  auto rest = admin_->Call(Verb::get, "/v1/consultations/h1/invitations?after=" + ids[2]);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->body["items"].size(), 1u);
  EXPECT_EQ(rest->body["items"][0]["id"], ids[3]);
  EXPECT_TRUE(rest->body["next"].is_null());
  ExpectProblem(admin_->Call(Verb::get, "/v1/consultations/h1/invitations?after=inv-nope"), 400,
                "invalid-query");
  ASSERT_TRUE(admin_->Call(Verb::post, "/v1/consultations", OpenBody("h2")).ok());
  auto empty = admin_->ListInvitations("h2");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

TEST_F(InvitationsRoutesTest, RevokeOnceThenTheCodeSignsNoOneIn) {
  const json inv = Invite("plo");
  const std::string id = inv["id"];
  ASSERT_TRUE(Redeem(inv["code"]).ok());
  const auto head = server_->store().Head().position;
  auto revoked =
      As(secretariat_).RevokeInvitation("h1", id, std::string("Sent to the wrong person"));
  ASSERT_TRUE(revoked.ok()) << revoked.error().detail;
  EXPECT_EQ(revoked->status, 200);
  EXPECT_EQ(revoked->body["id"], id);
  EXPECT_EQ(revoked->body["party"], "plo");
  EXPECT_EQ(revoked->body["revoked"], true);
  EXPECT_EQ(revoked->body["revoked_at"], FormatRfc3339(kOpens + kDay));
  EXPECT_EQ(revoked->body["revoke_reason"], "Sent to the wrong person");
  EXPECT_EQ(revoked->body["position"], head + 1);
  ExpectInvalid(Redeem(inv["code"]), "revoked");
  ExpectInvalid(app::ActiveInvitation(server_->app().context(), id), "revoked, by id");

  ExpectProblem(admin_->RevokeInvitation("h1", id, std::nullopt), 409, "invitation-revoked");
  ExpectProblem(admin_->RevokeInvitation("h1", "inv-0000000000000000", std::nullopt), 404,
                "invitation-not-found");
  ASSERT_TRUE(admin_->Call(Verb::post, "/v1/consultations", OpenBody("h2")).ok());
  const std::string other = Invite("aarhus", "h2")["id"];
  const auto before_refusals = server_->store().Head().position;
  ExpectProblem(admin_->RevokeInvitation("h1", other, std::nullopt), 404, "invitation-not-found",
                "another consultation's invitation");
  ExpectProblem(admin_->RevokeInvitation("nope", other, std::nullopt), 404,
                "consultation-not-found");
  ExpectProblem(admin_->CallRaw(Verb::delete_, "/v1/consultations/h2/invitations/" + other,
                                R"({"reason": 5})", "application/json"),
                400, "invalid-field");
  EXPECT_EQ(server_->store().Head().position, before_refusals) << "a refusal wrote";

  auto list = admin_->ListInvitations("h1");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0]["revoked"], true);
  EXPECT_EQ((*list)[0]["revoked_at"], FormatRfc3339(kOpens + kDay));
  EXPECT_EQ((*list)[0]["revoke_reason"], "Sent to the wrong person");
  auto in_h2 = admin_->ListInvitations("h2");
  ASSERT_TRUE(in_h2.ok());
  ASSERT_EQ(in_h2->size(), 1u);
  EXPECT_EQ((*in_h2)[0]["revoked"], false);
}

TEST_F(InvitationsRoutesTest, OnlyEditorsManageInvitations) {
  const std::string id = Invite("aarhus")["id"];
  ASSERT_TRUE(admin_->IssueInvitation("h1", "plo").ok());
  const auto head = server_->store().Head().position;
  for (const auto& [who, status] :
       std::vector<std::pair<std::string, int>>{{aarhus_, 403}, {auditor_, 403}, {"", 401}}) {
    auto api = As(who);
    ExpectProblem(api.IssueInvitation("h1", "aarhus"), status,
                  status == 401 ? "unauthenticated" : "forbidden", "issue");
    EXPECT_EQ(api.ListInvitations("h1").error().status, status);
    EXPECT_EQ(api.RevokeInvitation("h1", id, std::nullopt).error().status, status);
  }
  EXPECT_EQ(server_->store().Head().position, head);
}

TEST_F(InvitationsRoutesTest, OnlyInvitedPartiesOfAnExistingConsultation) {
  ASSERT_TRUE(admin_->RegisterParty({"skive", "Skive Kommune", "municipality"}).ok());
  const auto head = server_->store().Head().position;
  ExpectProblem(admin_->IssueInvitation("h1", "skive"), 422, "party-not-invited");
  ExpectProblem(admin_->IssueInvitation("h1", "ghost"), 422, "party-not-invited");
  ExpectProblem(admin_->IssueInvitation("nope", "aarhus"), 404, "consultation-not-found");
  ExpectProblem(admin_->IssueInvitation("h1", "Aarhus Kommune"), 400, "invalid-id");
  ExpectProblem(admin_->Call(Verb::get, "/v1/consultations/nope/invitations"), 404,
                "consultation-not-found");
  EXPECT_EQ(server_->store().Head().position, head);
}

TEST_F(InvitationsRoutesTest, AReplayCannotShowTheCodeAgain) {
  client::CallOptions key;
  key.idempotency_key = "invite-aarhus-1";
  auto first = admin_->IssueInvitation("h1", "aarhus", key);
  ASSERT_TRUE(first.ok()) << first.error().detail;
  const auto head = server_->store().Head().position;
  auto again = admin_->IssueInvitation("h1", "aarhus", key);
  ASSERT_TRUE(again.ok()) << again.error().detail;
  EXPECT_EQ(again->status, 201);
  EXPECT_EQ(again->headers.Get("Idempotent-Replayed"), "true");
  EXPECT_EQ(again->body["id"], first->body["id"]);
  EXPECT_EQ(again->body["replayed"], true);
  EXPECT_FALSE(again->body.contains("code"));
  EXPECT_FALSE(again->body.contains("link"));
  EXPECT_EQ(again->body["position"], first->body["position"]);
  EXPECT_EQ(server_->store().Head().position, head);
  ExpectProblem(admin_->IssueInvitation("h1", "plo", key), 422, "idempotency-key-reused");
}

TEST_F(InvitationsRoutesTest, RedeemGrantsThePartyUntilExpiry) {
  const json inv = Invite("aarhus");
  auto grant = Redeem(inv["code"]);
  ASSERT_TRUE(grant.ok()) << grant.status().detail();
  EXPECT_EQ(grant->id, inv["id"]);
  EXPECT_EQ(grant->consultation, "h1");
  EXPECT_EQ(grant->party, "aarhus");
  EXPECT_EQ(grant->expires_at_ms, kCloses + 30 * kDay);

  ExpectInvalid(Redeem("inv_unknowncodeunknowncodeunknowncodeunknowncod"), "unknown");
  ExpectInvalid(Redeem(""), "empty");
  auto by_id = app::ActiveInvitation(server_->app().context(), inv["id"]);
  ASSERT_TRUE(by_id.ok()) << by_id.status().detail();
  EXPECT_EQ(by_id->party, "aarhus");
  EXPECT_EQ(by_id->expires_at_ms, kCloses + 30 * kDay);
  ExpectInvalid(app::ActiveInvitation(server_->app().context(), "inv-0000000000000000"),
                "unknown id");
  ExpectInvalid(Redeem(testing::kAdminToken), "an API token");

  now_->store(kCloses + 30 * kDay - 1);
  EXPECT_TRUE(Redeem(inv["code"]).ok()) << "the last millisecond";
  now_->store(kCloses + 30 * kDay);
  ExpectInvalid(Redeem(inv["code"]), "expired");
  ExpectInvalid(app::ActiveInvitation(server_->app().context(), inv["id"]), "expired, by id");
  auto listed = admin_->ListInvitations("h1");
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ((*listed)[0]["expired"], true);
  ExpectProblem(admin_->IssueInvitation("h1", "plo"), 409, "consultation-closed",
                "30 days after the close");
}

TEST_F(InvitationsRoutesTest, AnExtensionMovesTheExpiry) {
  const json inv = Invite("panel");
  auto extended = admin_->ExtendConsultation("h1", FormatRfc3339(kCloses + 7 * kDay), "Summer");
  ASSERT_TRUE(extended.ok()) << extended.error().detail;
  now_->store(kCloses + 30 * kDay);
  auto grant = Redeem(inv["code"]);
  ASSERT_TRUE(grant.ok()) << grant.status().detail();
  EXPECT_EQ(grant->expires_at_ms, kCloses + 37 * kDay);
  auto listed = admin_->ListInvitations("h1");
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ((*listed)[0]["expires_at"], FormatRfc3339(kCloses + 37 * kDay));
}

TEST_F(InvitationsRoutesTest, ARestartAndARebuildKeepThem) {
  const json kept = Invite("aarhus");
  const json revoked = Invite("plo");
  ASSERT_TRUE(admin_->RevokeInvitation("h1", revoked["id"].get<std::string>(), std::nullopt).ok());
  auto before = admin_->ListInvitations("h1");
  ASSERT_TRUE(before.ok());

  server_->Restart();  // from the checkpoint written at shutdown
  EXPECT_TRUE(server_->start_report().from_checkpoint);
  admin_ = std::make_unique<client::Api>(server_->Client());
  auto after = admin_->ListInvitations("h1");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*after, *before);
  EXPECT_TRUE(Redeem(kept["code"]).ok());
  ExpectInvalid(Redeem(revoked["code"]), "revoked, after a restart");

  auto rebuilt = admin_->RebuildProjections();
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.error().detail;
  EXPECT_EQ(rebuilt->body["identical"], true) << rebuilt->body.dump();
  EXPECT_TRUE(Redeem(kept["code"]).ok());
}

}  // namespace
}  // namespace hoering
