// The record as of a position or time (issue 15) on the responses and
// dispositions reads: ?at=position:<n> | time:<RFC 3339>.
#include <gtest/gtest.h>

#include "tests/server/app/consultation_fixture.h"
#include "tests/support/is_problem.h"

namespace hoering {
namespace {

using client::Verb;
using testing::ConsultationTest;
using testing::IsProblem;

class RecordAsOfTest : public ConsultationTest {
 protected:
  static constexpr TimeMs kHour = 3600000;
  static constexpr TimeMs kSubmitted = kOpens + 2 * kDay;
  static constexpr TimeMs kAmended = kOpens + 3 * kDay;
  static constexpr TimeMs kDisposed = kOpens + 4 * kDay;

  void SetUp() override {
    ConsultationTest::SetUp();
    now_->store(kSubmitted);
    auto first = As(aarhus_).Call(Verb::post, "/v1/consultations/h1/responses",
                                  ResponseBody("aarhus", "public"));
    ASSERT_TRUE(first.ok()) << first.error().detail;
    rid_ = first->body["response"].get<std::string>();
    submitted_ = first->body["position"].get<std::uint64_t>();
    plo_rid_ = Submit(plo_, ResponseBody("plo", "public"));

    now_->store(kAmended);
    nlohmann::json amended = ResponseBody("aarhus", "public");
    amended["summary"] = "Amended response of aarhus";
    auto second = As(aarhus_).Call(Verb::put, "/v1/consultations/h1/responses/" + rid_, amended);
    ASSERT_TRUE(second.ok()) << second.error().detail;
    amended_ = second->body["position"].get<std::uint64_t>();

    now_->store(kDisposed);
    auto d =
        As(secretariat_)
            .Call(Verb::put, DispositionPath(), {{"outcome", "accepted"}, {"rationale", "Agreed"}});
    ASSERT_TRUE(d.ok()) << d.error().detail;
    disposed_ = d->body["position"].get<std::uint64_t>();
  }

  std::string DispositionPath() const {
    return "/v1/consultations/h1/responses/" + rid_ + "/points/1/disposition";
  }
  static std::string Pos(std::uint64_t p) { return "position:" + std::to_string(p); }

  // aarhus' response in the list as `token` reads it at `at`; null when absent.
  nlohmann::json Listed(const std::string& token, const std::string& at) {
    auto list = As(token).Call(Verb::get, "/v1/consultations/h1/responses?at=" + at);
    EXPECT_TRUE(list.ok()) << (list.ok() ? "" : list.error().detail);
    if (!list.ok()) return nullptr;
    for (const auto& item : list->body["items"]) {
      if (item["id"] == rid_) return item;
    }
    return nullptr;
  }

  std::string rid_, plo_rid_;
  std::uint64_t submitted_ = 0, amended_ = 0, disposed_ = 0;
};

TEST_F(RecordAsOfTest, RevisionBeforeAndAfterAnAmendment) {
  auto before = Listed(auditor_, Pos(amended_ - 1));
  ASSERT_TRUE(before.is_object());
  EXPECT_EQ(before["revision"], 1);
  EXPECT_EQ(before["summary"], "Response of aarhus");
  auto after = Listed(auditor_, Pos(amended_));
  ASSERT_TRUE(after.is_object());
  EXPECT_EQ(after["revision"], 2);
  EXPECT_EQ(after["summary"], "Amended response of aarhus");

  auto list = As(auditor_).Call(Verb::get, "/v1/consultations/h1/responses?at=" + Pos(amended_));
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->body["as_of_position"], amended_);
  EXPECT_EQ(list->body["at"], Pos(amended_));

  auto one = As(auditor_).Call(
      Verb::get, "/v1/consultations/h1/responses/" + rid_ + "?at=" + Pos(amended_ - 1));
  ASSERT_TRUE(one.ok()) << one.error().detail;
  EXPECT_EQ(one->body["revision"], 1);
  EXPECT_EQ(one->body["as_of_position"], amended_ - 1);
  auto revs = As(auditor_).Call(
      Verb::get, "/v1/consultations/h1/responses/" + rid_ + "/revisions?at=" + Pos(amended_ - 1));
  ASSERT_TRUE(revs.ok());
  EXPECT_EQ(revs->body["items"].size(), 1u);
}

TEST_F(RecordAsOfTest, AResponseNotYetSubmittedIsAbsent) {
  EXPECT_TRUE(Listed(auditor_, Pos(submitted_ - 1)).is_null());
  EXPECT_TRUE(Listed(auditor_, Pos(submitted_)).is_object());
  auto one = As(auditor_).Call(
      Verb::get, "/v1/consultations/h1/responses/" + rid_ + "?at=" + Pos(submitted_ - 1));
  ASSERT_FALSE(one.ok());
  EXPECT_EQ(one.error().status, 404);
}

TEST_F(RecordAsOfTest, ADispositionSetLaterIsAbsentAsOfEarlier) {
  auto earlier = As(auditor_).Call(Verb::get, DispositionPath() + "?at=" + Pos(disposed_ - 1));
  ASSERT_TRUE(earlier.ok()) << earlier.error().detail;
  EXPECT_TRUE(earlier->body["current"].is_null());
  EXPECT_TRUE(earlier->body["history"].empty());
  EXPECT_EQ(earlier->body["as_of_position"], disposed_ - 1);
  auto then = As(auditor_).Call(Verb::get, DispositionPath() + "?at=" + Pos(disposed_));
  ASSERT_TRUE(then.ok());
  EXPECT_EQ(then->body["current"]["outcome"], "accepted");

  auto listed = Listed(auditor_, Pos(disposed_ - 1));
  ASSERT_TRUE(listed.is_object());
  EXPECT_TRUE(listed["points"][0]["disposition"].is_null());
  EXPECT_EQ(Listed(auditor_, Pos(disposed_))["points"][0]["disposition"]["outcome"], "accepted");
}

TEST_F(RecordAsOfTest, AChangeCitingAPointLaterIsNotCitedAsOfEarlier) {
  auto change = admin_->Call(
      Verb::post, "/v1/agreements/sa/changes",
      {{"rationale", "As aarhus proposed"},
       {"cites", {{{"response", rid_}, {"point", 1}}}},
       {"ops", {{{"op", "edit"}, {"id", "kap-1"}, {"heading", "Kapitel 1, rettet"}}}}});
  ASSERT_TRUE(change.ok()) << change.error().detail;
  auto now = As(auditor_).Call(Verb::get, DispositionPath());
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(now->body["cited_by"].size(), 1u);
  auto earlier = As(auditor_).Call(Verb::get, DispositionPath() + "?at=" + Pos(disposed_));
  ASSERT_TRUE(earlier.ok());
  EXPECT_TRUE(earlier->body["cited_by"].empty());
}

TEST_F(RecordAsOfTest, TimeSelectsTheLastEventAtOrBefore) {
  auto between = Listed(auditor_, "time:" + FormatRfc3339(kSubmitted + kHour));
  ASSERT_TRUE(between.is_object());
  EXPECT_EQ(between["revision"], 1);
  EXPECT_EQ(Listed(auditor_, "time:" + FormatRfc3339(kAmended))["revision"], 2);

  auto list = As(auditor_).Call(
      Verb::get, "/v1/consultations/h1/responses?at=time:" + FormatRfc3339(kAmended + kHour));
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->body["as_of_position"], amended_);

  auto d = As(auditor_).Call(Verb::get,
                             DispositionPath() + "?at=time:" + FormatRfc3339(kDisposed - 1000));
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->body["current"].is_null());

  // Before anything was recorded the consultation did not exist.
  auto early =
      As(auditor_).Call(Verb::get, "/v1/consultations/h1/responses?at=time:2000-01-01T00:00:00Z");
  ASSERT_TRUE(IsProblem(early, 404, "urn:hoering:consultation-not-found"));
}

TEST_F(RecordAsOfTest, BadSelectorsAre400AndWriteNothing) {
  const std::uint64_t head = server_->store().Head().position;
  for (const std::string at :
       {"position:x", "position:-1", "position:", "2", "consultation%20draft", "time:yesterday",
        "time:2023-05-20", "position:1x"}) {
    for (const std::string& path : std::vector<std::string>{
             "/v1/consultations/h1/responses", "/v1/consultations/h1/responses/" + rid_,
             "/v1/consultations/h1/responses/" + rid_ + "/revisions", DispositionPath()}) {
      auto r = As(auditor_).Call(Verb::get, path + "?at=" + at);
      ASSERT_FALSE(r.ok()) << path << "?at=" << at;
      EXPECT_EQ(r.error().status, 400) << at;
      EXPECT_EQ(r.error().type, "urn:hoering:invalid-field") << at;
      ASSERT_TRUE(r.error().body.contains("errors")) << at;
      EXPECT_EQ(r.error().body["errors"][0]["pointer"], "at");
    }
  }
  auto beyond = As(auditor_).Call(Verb::get, "/v1/consultations/h1/responses?at=" + Pos(head + 1));
  ASSERT_TRUE(IsProblem(beyond, 404, "urn:hoering:position-not-found"));
  auto huge = As(auditor_).Call(Verb::get, DispositionPath() + "?at=position:18446744073709551615");
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.error().status, 404);
  EXPECT_EQ(server_->store().Head().position, head);
}

TEST_F(RecordAsOfTest, AStakeholderStillSeesOnlyItsOwnPartyAsOfBeforeClose) {
  now_->store(kCloses + kHour);
  ASSERT_TRUE(
      admin_->Call(Verb::post, "/v1/consultations/h1/close", nlohmann::json::object()).ok());
  const std::uint64_t head = server_->store().Head().position;
  // Now, after close, aarhus reads plo's public response too ...
  auto live = As(aarhus_).ListAll("/v1/consultations/h1/responses");
  ASSERT_TRUE(live.ok());
  EXPECT_EQ(live->size(), 2u);
  // ... but as of before the close, only its own, as it did then.
  for (const std::string at : {Pos(disposed_), "time:" + FormatRfc3339(kDisposed)}) {
    auto then = As(aarhus_).Call(Verb::get, "/v1/consultations/h1/responses?at=" + at);
    ASSERT_TRUE(then.ok());
    ASSERT_EQ(then->body["items"].size(), 1u) << at;
    EXPECT_EQ(then->body["items"][0]["party"], "aarhus");
    auto other =
        As(aarhus_).Call(Verb::get, "/v1/consultations/h1/responses/" + plo_rid_ + "?at=" + at);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().status, 404);
  }
  // Anonymous readers saw nothing before the close, and see it at the head.
  auto anon_then =
      Anonymous().Call(Verb::get, "/v1/consultations/h1/responses?at=" + Pos(disposed_));
  ASSERT_TRUE(anon_then.ok());
  EXPECT_TRUE(anon_then->body["items"].empty());
  auto anon_head = Anonymous().Call(Verb::get, "/v1/consultations/h1/responses?at=" + Pos(head));
  ASSERT_TRUE(anon_head.ok());
  EXPECT_EQ(anon_head->body["items"].size(), 2u);
}

TEST_F(RecordAsOfTest, PagesAsOfAPositionFollowTheCursor) {
  auto first =
      As(auditor_).Call(Verb::get, "/v1/consultations/h1/responses?limit=1&at=" + Pos(disposed_));
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->body["items"].size(), 1u);
  ASSERT_TRUE(first->body["next"].is_string());
  auto second =
      As(auditor_).Call(Verb::get, "/v1/consultations/h1/responses?limit=1&at=" + Pos(disposed_) +
                                       "&after=" + first->body["next"].get<std::string>());
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->body["items"].size(), 1u);
  EXPECT_NE(second->body["items"][0]["id"], first->body["items"][0]["id"]);
  EXPECT_TRUE(second->body["next"].is_null());
}

}  // namespace
}  // namespace hoering
