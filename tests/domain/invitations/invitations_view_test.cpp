// InvitationsView: the fold of the invitation streams, and its snapshot (an
// exact round trip that answers and keeps folding like the original; a
// malformed one is kCorruption, never a throw).
#include "domain/invitations/invitations_view.h"

#include <gtest/gtest.h>

#include "domain/events/decoded_event.h"
#include "tests/domain/invitations/invitation_fixture.h"
#include "tests/domain/snapshot/snapshot_expect.h"

namespace hoering::invitations {
namespace {

using nlohmann::json;
using namespace testing;  // NOLINT

std::vector<std::string> Ids(const std::vector<InvitationInfo>& list) {
  std::vector<std::string> out;
  for (const auto& i : list) out.push_back(i.id);
  return out;
}

TEST(InvitationsView, FoldsIssuesAndRevocationsInIssueOrder) {
  InvitationLog log;
  log.Issue("inv-b", "aarhus", kOpensAt + 1);
  log.Issue("inv-a", "plo", kOpensAt + 2);
  log.Revoke("inv-b", kOpensAt + 3, "Lost");
  const InvitationsView& v = log.view();
  EXPECT_EQ(v.size(), 2u);
  EXPECT_EQ(Ids(v.OfConsultation("h-1")), (std::vector<std::string>{"inv-b", "inv-a"}));
  EXPECT_TRUE(v.OfConsultation("h-2").empty());
  EXPECT_EQ(v.StreamVersion("h-1"), 3u);
  EXPECT_EQ(v.StreamVersion("h-2"), 0u);
  const InvitationInfo* b = v.FindByHash("hash-inv-b");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->id, "inv-b");
  EXPECT_EQ(b->party, "aarhus");
  EXPECT_EQ(b->consultation, "h-1");
  EXPECT_EQ(b->issued_at_ms, kOpensAt + 1);
  EXPECT_TRUE(b->revoked);
  EXPECT_EQ(b->revoked_at_ms, kOpensAt + 3);
  EXPECT_EQ(b->revoke_reason, "Lost");
  const InvitationInfo* a = v.Find("inv-a");
  ASSERT_NE(a, nullptr);
  EXPECT_FALSE(a->revoked);
  EXPECT_EQ(v.FindByHash("hash-unknown"), nullptr);
  EXPECT_EQ(v.Find("inv-z"), nullptr);
}

TEST(InvitationsView, IgnoresOtherStreamsAndSkipsUnknownTypes) {
  InvitationsView v;
  hoering::testing::InMemoryLog log;
  v.Apply(log.Append("invitation", ToEvent(InvitationIssued{"inv-1", "x", "p", "h"}), 1));
  v.Apply(log.Append("consultation-h-1", ToEvent(InvitationIssued{"inv-2", "h-1", "p", "h"}), 1));
  EXPECT_EQ(v.size(), 0u);
  v.Apply(log.Append("invitations-h-1", NewEvent{"InvitationNoted", 1, {{"id", "x"}}, {}}, 1));
  EXPECT_EQ(v.size(), 0u);
  EXPECT_EQ(v.StreamVersion("h-1"), 1u);
}

TEST(InvitationsSnapshot, RoundTripsAndKeepsFolding) {
  InvitationLog log;
  log.Issue("inv-b", "aarhus", kOpensAt + 1);
  log.Issue("inv-a", "plo", kOpensAt + 2);
  log.Revoke("inv-b", kOpensAt + 3, "Lost");
  log.Issue("inv-c", "aarhus", kOpensAt + 4);
  log.Revoke("inv-c", kOpensAt + 5);
  const json snap = log.view().Snapshot();
  auto [restored, reparsed] = hoering::testing::MustRoundTripSnapshot<InvitationsView>(snap);
  for (const InvitationsView* r : {&restored, &reparsed}) {
    EXPECT_EQ(Ids(r->OfConsultation("h-1")), Ids(log.view().OfConsultation("h-1")));
    EXPECT_EQ(r->OfConsultation("h-1"), log.view().OfConsultation("h-1"));
    EXPECT_EQ(r->StreamVersion("h-1"), log.view().StreamVersion("h-1"));
    ASSERT_NE(r->FindByHash("hash-inv-a"), nullptr);
    EXPECT_EQ(*r->FindByHash("hash-inv-a"), *log.view().Find("inv-a"));
  }
  // The restored view folds on like the original.
  InvitationsView original = log.view();
  auto revoke = DecideRevoke(restored, "h-1", "inv-a", std::nullopt);
  ASSERT_TRUE(revoke.ok());
  hoering::testing::InMemoryLog more;
  const RecordedEvent& e = more.Append(InvitationStream("h-1"), *revoke, kOpensAt + 9);
  restored.Apply(e);
  original.Apply(e);
  EXPECT_EQ(restored.Snapshot().dump(), original.Snapshot().dump());
}

TEST(InvitationsSnapshot, DamageIsCorruption) {
  InvitationLog log;
  log.Issue("inv-a", "plo", kOpensAt + 2);
  log.Revoke("inv-a", kOpensAt + 3);
  hoering::testing::ExpectDamagedSnapshotsCorrupt<InvitationsView>(
      log.view().Snapshot(), json::array(),
      {{"/invitations/inv-a/party", 1},
       {"/invitations/inv-a/revoked", "yes"},
       {"/invitations/inv-a/issued_at_ms", 1.5},
       {"/invitations/inv-a/revoke_reason", nullptr},
       {"/invitations/inv-a/code_sha256", nullptr},
       {"/consultations/h-1/version", -1},
       {"/consultations/h-1/invitations", json::array({"inv-z"})},
       {"/consultations/h-2", {{"version", 1}, {"invitations", json::array({"inv-a"})}}}});
}

}  // namespace
}  // namespace hoering::invitations
