#include "domain/agreements/time_travel.h"

#include <gtest/gtest.h>

#include "agreement_fixture.h"
#include "domain/agreements/agreement_queries.h"
#include "domain/agreements/change_log.h"
#include "domain/agreements/text_json.h"

namespace hoering::agreements {
namespace {

using nlohmann::json;
using testing::Add;
using testing::History;
using testing::kT0;
using Kind = AtSelector::Kind;

AtSelector At(const std::string& s) {
  auto at = ParseAtSelector(s);
  EXPECT_TRUE(at.ok()) << s;
  return at.ok() ? *at : AtSelector();
}

TEST(AtSelector, ParsesEveryForm) {
  EXPECT_EQ(At("").kind, Kind::kCurrent);
  EXPECT_EQ(At("current").kind, Kind::kCurrent);
  EXPECT_EQ(At("3").version, 3u);
  EXPECT_EQ(At("final").label, "final");
  EXPECT_EQ(At("consultation draft").kind, Kind::kLabel);
  EXPECT_EQ(At("position:42").position, 42u);
  EXPECT_EQ(At("time:2024-01-01T00:00:00Z").time_ms, 1'704'067'200'000);
  for (const char* bad :
       {"0", "position:", "position:x", "time:yesterday", "99999999999999999999"}) {
    auto r = ParseAtSelector(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().type(), "invalid-selector");
  }
  for (const char* s : {"current", "3", "final", "position:42", "time:2024-01-01T00:00:00.000Z"}) {
    EXPECT_EQ(At(s).ToString(), s);
  }
}

// History: 1 created, 2 c-1 (A), 3 v1 "raw draft", 4 c-2 (edit A), 5 c-3 (add B),
// 6 v2 "consultation draft", 7 c-4 (remove A). Positions step by 10 (other
// streams in between); event i is recorded at kT0 + (i-1) s.
class TimeTravel : public ::testing::Test {
 protected:
  void SetUp() override {
    h.set_position_step(10);
    h.Create();
    h.MustChange(json::array({Add("a", "A", "", "chapter", "first")}), "start");
    h.MustPublish("raw draft");
    h.MustChange(json::array({{{"op", "edit"}, {"id", "a"}, {"body", "second"}}}), "edit a");
    h.MustChange(json::array({Add("b", "B")}), "add b");
    h.MustPublish("consultation draft");
    h.MustChange(json::array({{{"op", "remove"}, {"id", "a"}}}), "drop a");
  }
  std::string BodyOfA(const AtSelector& at) {
    auto s = StateAt(h.events(), at);
    EXPECT_TRUE(s.ok()) << s.status().detail();
    const Section* a = s.ok() ? s->text().Find("a") : nullptr;
    return a ? a->body : "<none>";
  }
  History h;
};

TEST_F(TimeTravel, ByVersionNumberAndLabel) {
  EXPECT_EQ(BodyOfA(At("1")), "first");
  EXPECT_EQ(BodyOfA(At("raw draft")), "first");
  EXPECT_EQ(BodyOfA(At("2")), "second");
  EXPECT_EQ(BodyOfA(At("consultation draft")), "second");
  EXPECT_EQ(BodyOfA(At("current")), "<none>");
  auto s = StateAt(h.events(), At("1"));
  EXPECT_EQ(s->versions().size(), 1u);
  EXPECT_EQ(s->last_position(), 30u);
  EXPECT_EQ(StateAt(h.events(), At("3")).status().type(), "version-not-found");
  EXPECT_EQ(StateAt(h.events(), At("final")).status().code(), Code::kNotFound);
}

TEST_F(TimeTravel, ByPositionAndTime) {
  EXPECT_EQ(BodyOfA(At("position:20")), "first");
  EXPECT_EQ(BodyOfA(At("position:39")), "first");
  EXPECT_EQ(BodyOfA(At("position:40")), "second");
  EXPECT_EQ(BodyOfA(At("position:999")), "<none>");
  EXPECT_EQ(BodyOfA(At("time:" + FormatRfc3339Ms(kT0 + 2500))), "first");
  EXPECT_EQ(BodyOfA(At("time:" + FormatRfc3339Ms(kT0 + 3000))), "second");
  auto before = StateAt(h.events(), At("position:5"));
  EXPECT_EQ(before.status().type(), "agreement-not-found");
  EXPECT_EQ(StateAt(h.events(), At("time:2000-01-01T00:00:00Z")).status().code(), Code::kNotFound);
}

TEST_F(TimeTravel, TextsAtFoldsOnceForBothSidesOfADiff) {
  std::vector<AtSelector> ats = {At("raw draft"), At("2"), At("position:50"), At("current")};
  auto texts = TextsAt(h.events(), ats);
  ASSERT_TRUE(texts.ok()) << texts.status().detail();
  auto& t = *texts;
  EXPECT_EQ(t[0].text->Find("a")->body, "first");
  EXPECT_TRUE(t[0].at_version);
  EXPECT_EQ(t[0].version->number, 1u);
  EXPECT_EQ(t[1].text->Find("a")->body, "second");
  EXPECT_EQ(t[1].version->label, "consultation draft");
  EXPECT_EQ(t[2].position, 50u);
  EXPECT_TRUE(t[2].text->Contains("b"));
  EXPECT_FALSE(t[2].at_version);  // c-3 came after version 1
  EXPECT_EQ(t[2].version->number, 1u);
  EXPECT_FALSE(t[3].text->Contains("a"));
  EXPECT_EQ(TextHash(*t[1].text), t[1].version->hash);
  std::vector<AtSelector> missing = {At("1"), At("9")};
  EXPECT_EQ(TextsAt(h.events(), missing).status().type(), "version-not-found");
}

TEST_F(TimeTravel, TextAtUsesTheKeptVersionTexts) {
  AgreementState s = h.State();
  auto v1 = TextAt(s, At("raw draft"));
  ASSERT_TRUE(v1.ok());
  EXPECT_EQ(v1->text->Find("a")->body, "first");
  EXPECT_EQ(v1->text.get(), s.FindVersion(1)->text.get());  // shared, not copied
  EXPECT_EQ(TextAt(s, At("position:3")).status().type(), "needs-events");
  EXPECT_FALSE(TextAt(s, At("current"))->text->Contains("a"));
}

TEST_F(TimeTravel, ChangeLogBetweenVersions) {
  AgreementState s = h.State();
  auto log = ChangeSetsBetween(s, At("1"), At("2"));
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->items.size(), 2u);
  EXPECT_EQ(log->items[0]->id(), "c-2");
  EXPECT_EQ(log->items[1]->data.rationale, "add b");
  EXPECT_FALSE(log->reversed);
  auto back = ChangeSetsBetween(s, At("2"), At("1"));
  EXPECT_TRUE(back->reversed);
  EXPECT_EQ(back->items.size(), 2u);
  EXPECT_EQ(ChangeSetsBetween(s, At("2"), At("current"))->items.size(), 1u);
  EXPECT_EQ(ChangeSetsBetween(s, At("1"), At("position:40"))->items.size(), 1u);
  EXPECT_EQ(ChangeSetsBetween(s, At("position:0"), At("1"))->items.size(), 1u);
  EXPECT_EQ(ChangeSetsBetween(s, At("1"), At("nope")).status().type(), "version-not-found");

  json j = ChangeLogToJson(*log, 1, 2);
  EXPECT_EQ(j["items"][0]["change"], "c-2");
  EXPECT_EQ(j["items"][0]["rationale"], "edit a");
  EXPECT_EQ(j["items"][0]["actor"]["role"], "secretariat");
  EXPECT_EQ(j["items"][0]["time"], FormatRfc3339Ms(kT0 + 3000));
  EXPECT_EQ(j["items"][0]["position"], 40);
  EXPECT_EQ(j["items"][0]["ops"][0]["op"], "edit");
  EXPECT_TRUE(j["items"][0]["cites"].is_array());
}

TEST(ChangeLog, ChangeSetsCitingAResponse) {
  History h;
  h.Create();
  h.Apply(h.Change(json::parse(R"({"rationale":"r","cites":[{"response":"r-1","point":"2"}],
    "ops":[{"op":"add","section":{"id":"a","kind":"text","heading":"A"}}]})")));
  h.MustChange(json::array({Add("b", "B")}));
  AgreementState s = h.State();
  EXPECT_EQ(ChangeSetsCiting(s, "r-1").size(), 1u);
  EXPECT_EQ(ChangeSetsCiting(s, "r-1", "2").size(), 1u);
  EXPECT_EQ(ChangeSetsCiting(s, "r-1", "3").size(), 0u);
  EXPECT_EQ(ChangeSetsCiting(s, "r-2").size(), 0u);
}

}  // namespace
}  // namespace hoering::agreements

namespace hoering::agreements {
namespace {

TEST_F(TimeTravel, DiffBetweenResolvesFromStateOrEvents) {
  AgreementState s = h.State();
  auto d = DiffBetween(s, {}, At("raw draft"), At("2"));
  ASSERT_TRUE(d.ok()) << d.status().detail();
  EXPECT_EQ(d->diff.counts.added, 1u);     // b
  EXPECT_EQ(d->diff.counts.modified, 1u);  // a's body
  EXPECT_EQ(d->from_ref["version"]["number"], 1);
  EXPECT_EQ(d->from_ref["at"], "raw draft");
  EXPECT_EQ(d->to_ref["hash"], s.FindVersion(2)->hash);
  EXPECT_EQ(DiffBetween(s, {}, At("1"), At("position:40")).status().type(), "needs-events");
  auto p = DiffBetween(s, h.events(), At("1"), At("position:40"));
  ASSERT_TRUE(p.ok()) << p.status().detail();
  EXPECT_EQ(p->diff.counts.modified, 1u);
  EXPECT_FALSE(p->to_ref["at_version"]);
  EXPECT_EQ(p->to_ref["position"], 40);
  auto backwards = DiffBetween(s, {}, At("current"), At("1"));
  ASSERT_TRUE(backwards.ok());
  EXPECT_EQ(backwards->diff.counts.added, 1u);    // a comes back
  EXPECT_EQ(backwards->diff.counts.removed, 1u);  // b goes
}

}  // namespace
}  // namespace hoering::agreements
