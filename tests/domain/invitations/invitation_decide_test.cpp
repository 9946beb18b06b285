#include "domain/invitations/invitation_decide.h"

#include <gtest/gtest.h>

#include "tests/domain/invitations/invitation_fixture.h"

namespace hoering::invitations {
namespace {

using hoering::testing::ExpectError;
using nlohmann::json;
using namespace testing;  // NOLINT

TEST(InvitationParse, ReadsTheParty) {
  auto party = ParseIssueInvitation(json{{"party", "aarhus"}});
  ASSERT_TRUE(party.ok()) << party.status().detail();
  EXPECT_EQ(*party, "aarhus");
  ExpectError(ParseIssueInvitation(json::object()), Code::kInvalidArgument, "invalid-field");
  ExpectError(ParseIssueInvitation(json{{"party", nullptr}}), Code::kInvalidArgument,
              "invalid-field");
  ExpectError(ParseIssueInvitation(json{{"party", 7}}), Code::kInvalidArgument, "invalid-field");
  ExpectError(ParseIssueInvitation(json{{"party", "Aarhus Kommune"}}), Code::kInvalidArgument,
              "invalid-id");
  ExpectError(ParseIssueInvitation(json::array()), Code::kInvalidArgument, "invalid-field");
}

TEST(InvitationParse, RevokeReasonIsOptional) {
  EXPECT_EQ(*ParseRevokeReason(nullptr), std::nullopt);
  EXPECT_EQ(*ParseRevokeReason(json::object()), std::nullopt);
  EXPECT_EQ(*ParseRevokeReason(json{{"reason", "Sent to the wrong person"}}),
            "Sent to the wrong person");
  ExpectError(ParseRevokeReason(json{{"reason", 1}}), Code::kInvalidArgument, "invalid-field");
  ExpectError(ParseRevokeReason(json{{"reason", "  "}}), Code::kInvalidArgument, "invalid-field");
}

TEST(InvitationDecide, IssuesAnInvitedPartyTheHashOnly) {
  InvitationLog log;
  auto e = DecideIssue(log.consultation(), {"inv-1", "h-1", "aarhus", "ab12"}, kOpensAt);
  ASSERT_TRUE(e.ok()) << e.status().detail();
  EXPECT_EQ(e->type, kInvitationIssued);
  EXPECT_EQ(
      e->data,
      (json{
          {"id", "inv-1"}, {"consultation", "h-1"}, {"party", "aarhus"}, {"code_sha256", "ab12"}}));
  // Also before it opens and after it closed, up to 30 days after.
  EXPECT_TRUE(DecideIssue(log.consultation(), {"inv-2", "h-1", "plo", "cd"}, kOpensAt - kDay).ok());
  EXPECT_TRUE(
      DecideIssue(log.consultation(), {"inv-3", "h-1", "plo", "ef"}, kClosesAt + 30 * kDay - 1)
          .ok());
}

TEST(InvitationDecide, RefusesUnknownConsultationUninvitedPartyAndLateIssue) {
  InvitationLog log;
  consultations::ConsultationState none;
  ExpectError(DecideIssue(none, {"inv-1", "nope", "aarhus", "ab"}, kOpensAt), Code::kNotFound,
              "consultation-not-found");
  ExpectError(DecideIssue(log.consultation(), {"inv-1", "h-1", "panel", "ab"}, kOpensAt),
              Code::kUnprocessable, "party-not-invited");
  ExpectError(
      DecideIssue(log.consultation(), {"inv-1", "h-1", "aarhus", "ab"}, kClosesAt + 30 * kDay),
      Code::kConflict, "consultation-closed");
}

TEST(InvitationDecide, ExpiryFollowsTheDeadlineAndAnEarlyClose) {
  InvitationLog log;
  EXPECT_EQ(ExpiresAt(log.consultation()), kClosesAt + 30 * kDay);
  log.Append(consultations::ConsultationStream("h-1"),
             consultations::ToEvent(consultations::DeadlineExtended{"h-1", kClosesAt + 7 * kDay,
                                                                    kClosesAt, "Sommerferie"}),
             kOpensAt + kDay);
  EXPECT_EQ(ExpiresAt(log.consultation()), kClosesAt + 37 * kDay);
  log.Append(consultations::ConsultationStream("h-1"),
             consultations::ToEvent(consultations::ConsultationClosed{"h-1", "Aflyst"}),
             kOpensAt + 2 * kDay);
  EXPECT_EQ(ExpiresAt(log.consultation()), kOpensAt + 32 * kDay);
}

TEST(InvitationDecide, RevokesOnceAndOnlyItsConsultations) {
  InvitationLog log;
  log.Issue("inv-1", "aarhus", kOpensAt);
  ExpectError(DecideRevoke(log.view(), "h-1", "inv-9", {}), Code::kNotFound,
              "invitation-not-found");
  ExpectError(DecideRevoke(log.view(), "h-2", "inv-1", {}), Code::kNotFound,
              "invitation-not-found");
  auto e = DecideRevoke(log.view(), "h-1", "inv-1", "Wrong address");
  ASSERT_TRUE(e.ok()) << e.status().detail();
  EXPECT_EQ(e->type, kInvitationRevoked);
  EXPECT_EQ(e->data, (json{{"id", "inv-1"}, {"consultation", "h-1"}, {"reason", "Wrong address"}}));
  EXPECT_EQ(DecideRevoke(log.view(), "h-1", "inv-1", {})->data,
            (json{{"id", "inv-1"}, {"consultation", "h-1"}}));
  log.Revoke("inv-1", kOpensAt + 1);
  ExpectError(DecideRevoke(log.view(), "h-1", "inv-1", {}), Code::kConflict, "invitation-revoked");
}

TEST(InvitationEvents, RoundTripAndRefuseBadShapes) {
  InvitationIssued issued{"inv-1", "h-1", "aarhus", "ab"};
  EXPECT_EQ(*InvitationIssuedFromJson(ToEvent(issued).data), issued);
  InvitationRevoked revoked{"inv-1", "h-1", "why"};
  EXPECT_EQ(*InvitationRevokedFromJson(ToEvent(revoked).data), revoked);
  InvitationRevoked plain{"inv-1", "h-1", std::nullopt};
  EXPECT_EQ(*InvitationRevokedFromJson(ToEvent(plain).data), plain);
  ExpectError(InvitationIssuedFromJson(json{{"id", "inv-1"}}), Code::kCorruption, "corruption");
  ExpectError(InvitationRevokedFromJson(json{{"id", 1}, {"consultation", "h-1"}}),
              Code::kCorruption, "corruption");
  EXPECT_EQ(InvitationStream("h-1"), "invitations-h-1");
}

}  // namespace
}  // namespace hoering::invitations
