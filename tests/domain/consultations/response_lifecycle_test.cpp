// Amending, withdrawing and disposing of a response, and the ResponseState
// fold that keeps all of it.
#include <gtest/gtest.h>

#include "domain/consultations/response_decide.h"
#include "domain/events/decoded_event.h"
#include "tests/domain/consultations/domain_fixture.h"

namespace hoering::consultations {
namespace {

using nlohmann::json;
using namespace dtest;  // NOLINT


// Response "r-1" of aarhus (2 points) in open consultation "h-1".
class ResponseLifecycle : public ::testing::Test {
 protected:
  void SetUp() override {
    w.Open();
    w.Submit("r-1", SubmissionBody(), kDuring);
  }
  Result<ResponseWrite> Amend(const json& body, const Submitter& who = Editor(),
                              TimeMs now = kDuring + 100) {
    return DecideAmend(w.Consultation(), w.Text(), w.Response("r-1").decision(), who,
                       MustParse(body), now);
  }
  World w;
};

TEST_F(ResponseLifecycle, AmendIncrementsTheRevision) {
  json body = SubmissionBody();
  body["points"] = PointsOf(3);
  auto r = Amend(body, Stakeholder("aarhus"));
  ASSERT_TRUE(r.ok()) << r.status().detail();
  EXPECT_EQ(r->commit_before, kClosesAt);
  ASSERT_TRUE(r->decided_on.has_value());
  EXPECT_EQ(r->decided_on->stream, "consultation-h-1");
  EXPECT_EQ(r->events[0].type, kResponseAmended);
  EXPECT_EQ(r->events[0].data["revision"], 2);
  EXPECT_FALSE(r->events[0].data.contains("late"));
  w.log.AppendAll(ResponseStream("r-1"), r->events, kDuring + 100);
  auto third = Amend(SubmissionBody(), Editor(), kDuring + 200);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->events[0].data["revision"], 3);
}

TEST_F(ResponseLifecycle, AmendErrors) {
  ExpectError(Amend(SubmissionBody("region-midt")), Code::kUnprocessable, "party-mismatch");
  ExpectError(Amend(SubmissionBody("region-midt"), Stakeholder("region-midt")),
              Code::kPermissionDenied, "forbidden");
  ExpectError(Amend(SubmissionBody(), Editor(), kClosesAt), Code::kConflict, "consultation-closed");
  EXPECT_EQ(DecideAmend(w.Consultation(), w.Text(), ResponseDecisionState(), Editor(),
                        MustParse(SubmissionBody()), kDuring)
                .status()
                .type(),
            "response-not-found");
  w.Withdraw("r-1", kDuring + 50);
  ExpectError(Amend(SubmissionBody()), Code::kConflict, "response-withdrawn");
}

TEST_F(ResponseLifecycle, WithdrawOnce) {
  ExpectError(DecideWithdraw(w.Consultation(), w.Response("r-1").decision(),
                             Stakeholder("region-midt"), std::nullopt, kDuring),
              Code::kPermissionDenied, "forbidden");
  auto r = DecideWithdraw(w.Consultation(), w.Response("r-1").decision(), Stakeholder("aarhus"),
                          std::string("fejl"), kDuring + 7);
  ASSERT_TRUE(r.ok()) << r.status().detail();
  EXPECT_EQ(r->commit_before, kClosesAt);
  EXPECT_EQ(r->events[0].data, json({{"response", "r-1"},
                                     {"consultation", "h-1"},
                                     {"revision", 1},
                                     {"reason", "fejl"},
                                     {"withdrawn_at", FormatRfc3339Ms(kDuring + 7)}}));
  w.log.AppendAll(ResponseStream("r-1"), r->events, kDuring + 7);
  ExpectError(DecideWithdraw(w.Consultation(), w.Response("r-1").decision(), Editor(), std::nullopt,
                             kDuring + 8),
              Code::kConflict, "response-withdrawn");
}

TEST_F(ResponseLifecycle, WithdrawAfterCloseIsAConflict) {
  ExpectError(DecideWithdraw(w.Consultation(), w.Response("r-1").decision(), Editor(), std::nullopt,
                             kClosesAt),
              Code::kConflict, "consultation-closed");
}

TEST_F(ResponseLifecycle, Dispositions) {
  auto a = w.Agreement();
  ASSERT_NE(a.FindChangeSet("c-1"), nullptr);
  const ResponseDecisionState r = w.Response("r-1").decision();
  for (std::uint32_t point : {0u, 3u, 100u}) {
    auto d = DecideDisposition(r, point, {Outcome::kNoted, "ok", {}}, a);
    ASSERT_FALSE(d.ok()) << point;
    EXPECT_EQ(d.status().code(), Code::kNotFound);
    EXPECT_EQ(d.status().type(), "point-not-found");
  }
  auto unknown = DecideDisposition(r, 1, {Outcome::kAccepted, "ok", {"c-1", "c-9"}}, a);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), Code::kUnprocessable);
  EXPECT_EQ(unknown.status().type(), "unknown-change");
  auto ok = DecideDisposition(r, 2, {Outcome::kPartiallyAccepted, "Delvist", {"c-1"}}, a);
  ASSERT_TRUE(ok.ok()) << ok.status().detail();
  EXPECT_EQ((*ok)[0].type, kDispositionRecorded);
  EXPECT_EQ((*ok)[0].data, json({{"response", "r-1"},
                                 {"consultation", "h-1"},
                                 {"point", 2},
                                 {"outcome", "partially_accepted"},
                                 {"rationale", "Delvist"},
                                 {"changes", json::array({"c-1"})}}));
  EXPECT_EQ(DecideDisposition(ResponseDecisionState(), 1, {}, a).status().type(),
            "response-not-found");

  auto parsed = ParseDisposition(json::parse(R"({"outcome": "out_of_scope", "rationale": "r"})"));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->outcome, Outcome::kOutOfScope);
  EXPECT_TRUE(parsed->changes.empty());
  EXPECT_FALSE(ParseDisposition(json::parse(R"({"outcome": "maybe", "rationale": "r"})")).ok());
  EXPECT_FALSE(
      ParseDisposition(
          json::parse(R"({"outcome": "noted", "rationale": "r", "changes": ["c-1", "c-1"]})"))
          .ok());
}

TEST_F(ResponseLifecycle, StateKeepsEveryRevisionWithdrawalAndDisposition) {
  json second = SubmissionBody("aarhus", "private");
  second["points"] = PointsOf(3);
  w.Amend("r-1", second, kDuring + 100);
  w.Dispose("r-1", 1, Outcome::kNotAccepted, kDuring + 200);
  w.Dispose("r-1", 1, Outcome::kAccepted, kDuring + 300, {"c-1"});
  w.Dispose("r-1", 3, Outcome::kNoted, kDuring + 400);
  w.Withdraw("r-1", kDuring + 500);

  const ResponseState s = w.Response("r-1");
  EXPECT_TRUE(s.exists());
  EXPECT_EQ(s.id(), "r-1");
  EXPECT_EQ(s.consultation(), "h-1");
  EXPECT_EQ(s.agreement(), "sa-2024");
  EXPECT_EQ(s.party(), "aarhus");
  EXPECT_FALSE(s.late());
  EXPECT_EQ(s.version(), 6u);
  ASSERT_EQ(s.revisions().size(), 2u);
  EXPECT_EQ(s.revisions()[0].revision, 1u);
  EXPECT_EQ(s.revisions()[0].content, MustParse(SubmissionBody()).content);
  EXPECT_EQ(s.revisions()[0].submitted_at, kDuring);
  EXPECT_EQ(s.revisions()[1].revision, 2u);
  EXPECT_EQ(s.revisions()[1].content.publication, Publication::kPrivate);
  EXPECT_EQ(s.current().content.points.size(), 3u);
  EXPECT_EQ(s.first_position(), s.revisions()[0].recorded.position);
  EXPECT_LT(s.revisions()[0].recorded.position, s.revisions()[1].recorded.position);
  EXPECT_EQ(s.revisions()[0].recorded.hash.size(), 64u);

  ASSERT_TRUE(s.withdrawn());
  EXPECT_EQ(s.withdrawal()->reason, "merged");
  EXPECT_EQ(s.withdrawal()->withdrawn_at, kDuring + 500);
  EXPECT_EQ(s.withdrawal()->recorded.recorded_at, kDuring + 500);

  ASSERT_EQ(s.dispositions().size(), 2u);
  const auto& history = s.dispositions().at(1);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].outcome, Outcome::kNotAccepted);
  EXPECT_EQ(history[1].outcome, Outcome::kAccepted);
  EXPECT_EQ(history[1].changes, std::vector<std::string>{"c-1"});
  EXPECT_EQ(history[1].recorded.actor, kSecretariat);
  ASSERT_NE(s.CurrentDisposition(1), nullptr);
  EXPECT_EQ(s.CurrentDisposition(1)->outcome, Outcome::kAccepted);
  EXPECT_EQ(s.CurrentDisposition(1)->rationale, "because accepted");
  EXPECT_EQ(s.CurrentDisposition(2), nullptr);
  EXPECT_EQ(s.CurrentDisposition(3)->outcome, Outcome::kNoted);
}

TEST(ResponseEvents, RoundTripThroughJson) {
  ResponseRevisionEvent e;
  e.response = "r-1";
  e.consultation = "h-1";
  e.agreement = "sa-2024";
  e.submitted_at = kDuring + 1;
  e.late = true;
  e.late_reason = "sent";
  e.content.party = "aarhus";
  e.content.author = {"Anne", std::nullopt};
  e.content.points = {{"samarbejde", "om sundhed", "tekst"}, {std::nullopt, std::nullopt, "t2"}};
  e.content.publication = Publication::kAnonymous;
  e.content.attachments = {{"a.pdf", "application/pdf", 12, std::string(64, 'f')}};
  auto back = ResponseRevisionFromJson(ToEvent(e).data);
  ASSERT_TRUE(back.ok()) << back.status().detail();
  EXPECT_EQ(back->content, e.content);
  EXPECT_EQ(back->submitted_at, e.submitted_at);
  EXPECT_TRUE(back->late);
  EXPECT_EQ(back->late_reason, "sent");
  e.revision = 4;
  NewEvent amended = ToEvent(e);
  EXPECT_EQ(amended.type, kResponseAmended);
  EXPECT_EQ(ResponseRevisionFromJson(amended.data)->revision, 4u);
  EXPECT_FALSE(ResponseRevisionFromJson(amended.data)->late);
  for (Outcome o : kAllOutcomes) EXPECT_EQ(ParseOutcome(OutcomeName(o)), o);
  for (Publication p : {Publication::kPublic, Publication::kAnonymous, Publication::kPrivate}) {
    EXPECT_EQ(ParsePublication(PublicationName(p)), p);
  }
}

// The decision state folded on its own from the stream equals the one the
// read view derives, after every kind of event.
TEST_F(ResponseLifecycle, TheDecisionStateFoldsLikeTheView) {
  auto check = [&](const char* after) {
    ResponseDecisionState alone;
    for (const auto& e : w.log.Stream(ResponseStream("r-1"))) {
      ASSERT_TRUE(alone.Apply(events::DecodeEvent(e)).ok());
    }
    EXPECT_EQ(alone, w.Response("r-1").decision()) << after;
  };
  check("submission");
  EXPECT_EQ(w.Response("r-1").decision().points, 2u);
  w.Amend("r-1", SubmissionBody(), kDuring + 1);
  check("amendment");
  EXPECT_EQ(w.Response("r-1").decision().revision, 2u);
  w.Dispose("r-1", 1, Outcome::kNoted, kDuring + 2);
  check("disposition");
  w.Withdraw("r-1", kDuring + 3);
  check("withdrawal");
  EXPECT_TRUE(w.Response("r-1").decision().withdrawn);
}

}  // namespace
}  // namespace hoering::consultations
