#include "domain/agreements/agreement_decide.h"

#include <gtest/gtest.h>

#include "agreement_fixture.h"
#include "domain/agreements/agreement_views.h"
#include "domain/agreements/text_json.h"

namespace hoering::agreements {
namespace {

using nlohmann::json;
using testing::Add;
using testing::History;

TEST(CreateAgreement, ParsesAndRecordsTheApiShape) {
  auto cmd = ParseCreateAgreement(json::parse(R"({
    "id": "sa-2024", "title": "Sundhedsaftalen 2024-2027", "subtitle": "Nærhed",
    "term": {"entry_into_force": "2024-01-01"}, "parties": ["region-midt", "aarhus"]})"));
  ASSERT_TRUE(cmd.ok()) << cmd.status().detail();
  EXPECT_EQ(cmd->term.years, 4u);
  auto events = DecideCreate(AgreementState(), *cmd);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].type, "AgreementCreated");
  EXPECT_EQ((*events)[0].data, json::parse(R"({
    "id": "sa-2024", "title": "Sundhedsaftalen 2024-2027", "subtitle": "Nærhed",
    "term": {"entry_into_force": "2024-01-01", "years": 4}, "parties": ["region-midt", "aarhus"]})"));
  EXPECT_EQ(StreamFor("sa-2024"), "agreement-sa-2024");
}

TEST(CreateAgreement, BadRequestsAre400) {
  for (const char* body :
       {R"({"title": "T"})", R"({"id": "Bad Id", "title": "T"})", R"({"id": "a"})",
        R"({"id": "a", "title": "T", "term": {"entry_into_force": "2024-13-01"}})",
        R"({"id": "a", "title": "T", "term": {"years": 0}})",
        R"({"id": "a", "title": "T", "term": {"years": 2.5}})",
        R"({"id": "a", "title": "T", "parties": "aarhus"})",
        R"({"id": "a", "title": "T", "parties": ["aarhus", "aarhus"]})", R"([])"}) {
    auto r = ParseCreateAgreement(json::parse(body));
    EXPECT_FALSE(r.ok()) << body;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << body;
    }
  }
}

TEST(CreateAgreement, ExistingAgreementAndUnknownPartyAreRejected) {
  History h;
  h.Create();
  CreateAgreement c;
  c.id = h.id();
  c.title = "Again";
  auto again = DecideCreate(h.State(), c);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), Code::kAlreadyExists);
  EXPECT_EQ(again.status().type(), "agreement-exists");

  c.parties = {"aarhus", "atlantis"};
  auto unknown =
      DecideCreate(AgreementState(), c, [](const std::string& p) { return p == "aarhus"; });
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().type(), "unknown-party");
}

TEST(RecordChange, NeedsAnAgreementAndARationale) {
  RecordChange c{"why", {}, {}, "api"};
  EXPECT_EQ(DecideChange(AgreementState(), c).status().type(), "agreement-not-found");
  auto no_rationale = ParseRecordChange(json::parse(R"({"ops": []})"));
  ASSERT_FALSE(no_rationale.ok());
  EXPECT_EQ(no_rationale.status().code(), Code::kInvalidArgument);
  EXPECT_FALSE(ParseRecordChange(json::parse(R"({"rationale": "r"})")).ok());
}

TEST(RecordChange, EventCarriesIdRationaleCitesAndNormalisedOps) {
  History h;
  h.Create();
  auto body = json::parse(R"({"rationale": "Høringssvar fra Aarhus",
    "cites": [{"response": "r-aarhus", "point": "p-2"}, {"response": "r-plo", "point": 3}],
    "ops": [{"op": "add", "section": {"kind": "chapter", "heading": " Forord "}}]})");
  auto r = h.Change(body);
  ASSERT_TRUE(r.ok()) << r.status().detail();
  EXPECT_EQ((*r)[0].type, "ChangeSetRecorded");
  EXPECT_EQ((*r)[0].data, json::parse(R"({"agreement": "sa-2024", "change": "c-1",
    "rationale": "Høringssvar fra Aarhus", "source": "api",
    "cites": [{"response": "r-aarhus", "point": "p-2"}, {"response": "r-plo", "point": "3"}],
    "ops": [{"op": "add", "section": {"id": "forord", "kind": "chapter", "heading": "Forord"}}]})"));
  h.Append(*r);
  h.MustChange(json::array({Add("x", "X")}));
  AgreementState s = h.State();
  ASSERT_EQ(s.change_sets().size(), 2u);
  EXPECT_EQ(s.change_sets()[1].id(), "c-2");
  EXPECT_EQ(s.FindChangeSet("c-1")->data.cites[1].point, "3");
  EXPECT_EQ(s.FindChangeSet("c-1")->actor.role, "secretariat");
  EXPECT_EQ(s.FindChangeSet("c-3"), nullptr);
  EXPECT_EQ(s.NextChangeId(), "c-3");
}

TEST(RecordChange, BadCitesAre400) {
  for (const char* cites :
       {R"("r-1")", R"([{"point": "p"}])", R"([{"response": "r"}])",
        R"([{"response": "r", "point": -1}])", R"([{"response": "", "point": "p"}])"}) {
    auto r = ParseRecordChange(
        json::parse(std::string(R"({"rationale":"r","ops":[],"cites":)") + cites + "}"));
    EXPECT_FALSE(r.ok()) << cites;
  }
}

class Publish : public ::testing::Test {
 protected:
  void SetUp() override {
    h.Create();
    h.MustChange(json::array({Add("ch-1", "One", "", "chapter", "Text.")}));
  }
  History h;
};

TEST_F(Publish, NumbersVersionsAndRecordsTheHashOfTheText) {
  auto r = DecidePublish(h.State(), {"raw draft", "first cut"});
  ASSERT_TRUE(r.ok()) << r.status().detail();
  const json& d = (*r)[0].data;
  EXPECT_EQ((*r)[0].type, "VersionPublished");
  EXPECT_EQ(d["number"], 1);
  EXPECT_EQ(d["label"], "raw draft");
  EXPECT_EQ(d["note"], "first cut");
  EXPECT_EQ(d["changes"], 1);
  EXPECT_EQ(d["hash"], TextHash(h.State().text()));
  h.Append(*r);
  h.MustChange(json::array({{{"op", "edit"}, {"id", "ch-1"}, {"body", "Better text."}}}));
  h.MustPublish("consultation draft");
  AgreementState s = h.State();
  ASSERT_EQ(s.versions().size(), 2u);
  EXPECT_EQ(s.FindVersion(2)->label, "consultation draft");
  EXPECT_EQ(s.FindVersionByLabel("raw draft")->number, 1u);
  EXPECT_EQ(s.FindVersion(1)->text->Find("ch-1")->body, "Text.");  // immutable snapshot
  EXPECT_EQ(s.FindVersion(2)->text->Find("ch-1")->body, "Better text.");
  EXPECT_NE(s.FindVersion(1)->hash, s.FindVersion(2)->hash);
  EXPECT_EQ(s.latest_version()->number, 2u);
}

TEST_F(Publish, NothingChangedIsAConflict) {
  h.MustPublish("raw draft");
  auto r = DecidePublish(h.State(), {"again", {}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kConflict);
  EXPECT_EQ(r.status().type(), "nothing-to-publish");
  // An edit and its undo also leave nothing to publish.
  h.MustChange(json::array({{{"op", "edit"}, {"id", "ch-1"}, {"body", "Other."}}}));
  h.MustChange(json::array({{{"op", "edit"}, {"id", "ch-1"}, {"body", "Text."}}}));
  EXPECT_EQ(DecidePublish(h.State(), {"again", {}}).status().type(), "nothing-to-publish");
}

TEST_F(Publish, EmptyTextHasNothingToPublish) {
  History empty("empty");
  empty.Create();
  EXPECT_EQ(DecidePublish(empty.State(), {"raw draft", {}}).status().type(), "nothing-to-publish");
}

TEST_F(Publish, LabelsAreUniqueAndCannotLookLikeSelectors) {
  h.MustPublish("raw draft");
  h.MustChange(json::array({Add("ch-2", "Two")}));
  auto taken = DecidePublish(h.State(), {"raw draft", {}});
  EXPECT_EQ(taken.status().code(), Code::kConflict);
  EXPECT_EQ(taken.status().type(), "label-taken");
  for (const char* label : {"2", "current", "position:4", "time:2024", "", "  "}) {
    auto r = DecidePublish(h.State(), {label, {}});
    ASSERT_FALSE(r.ok()) << label;
    EXPECT_EQ(r.status().type(), "invalid-label") << label;
  }
  EXPECT_FALSE(ParsePublishVersion(json::parse(R"({"note": "x"})")).ok());
  EXPECT_EQ(ParsePublishVersion(json::parse(R"({"label": "final"})"))->label, "final");
}

TEST_F(Publish, FoldDetectsATamperedHash) {
  h.MustPublish("raw draft");
  std::vector<RecordedEvent> events = h.events();
  auto data = json::parse(events.back().data);
  data["hash"] = std::string(64, '0');
  events.back().data = data.dump();
  auto s = AgreementState::Fold(events);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Code::kCorruption);
  // Without verification the fold trusts the event.
  EXPECT_TRUE(AgreementState::Fold(events, {true, false}).ok());
}

TEST(Fold, RejectsStreamsThatDoNotStartWithCreation) {
  History h;
  h.Create();
  h.MustChange(json::array({Add("a", "A")}));
  std::vector<RecordedEvent> events(h.events().begin() + 1, h.events().end());
  EXPECT_EQ(AgreementState::Fold(events).status().code(), Code::kCorruption);
}

TEST(Fold, UnknownEventTypesOnlyAdvanceTheVersion) {
  History h;
  h.Create();
  h.Append({NewEvent{"SomethingNew", 1, json::object(), {}}});
  AgreementState s = h.State();
  EXPECT_EQ(s.version(), 2u);
  EXPECT_TRUE(s.exists());
}

TEST(Views, AgreementJsonHasTheApiShape) {
  History h;
  h.Create();
  h.MustChange(
      json::array({Add("ch-1", "One", "", "chapter", "Text."), Add("s-1", "Sub", "ch-1")}));
  json j = AgreementJson(h.State());
  EXPECT_EQ(j["id"], "sa-2024");
  EXPECT_TRUE(j["version"].is_null());
  EXPECT_EQ(j["sections"][0]["children"][0]["id"], "s-1");
  EXPECT_EQ(j["sections"][0]["kind"], "chapter");
  h.MustPublish("raw draft");
  j = AgreementJson(h.State());
  EXPECT_EQ(j["version"]["number"], 1);
  EXPECT_EQ(j["version"]["label"], "raw draft");
  EXPECT_EQ(j["version"]["hash"].get<std::string>().size(), 64u);
  EXPECT_EQ(AgreementSummaryJson(h.State())["section_count"], 2);
  EXPECT_EQ(VersionsToJson(h.State()).size(), 1u);
}

}  // namespace
}  // namespace hoering::agreements
