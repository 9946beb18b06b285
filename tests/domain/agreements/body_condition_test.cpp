// if_body_sha256 (issue 15): a stale edit of a section is refused with 412
// "section-changed" naming the section; ops without it, or on other
// sections, never conflict; the field is never recorded.
#include "domain/agreements/body_condition.h"

#include <gtest/gtest.h>

#include "agreement_fixture.h"
#include "domain/agreements/agreement_decide.h"
#include "domain/sha256.h"

namespace hoering::agreements {
namespace {

using nlohmann::json;
using testing::Add;
using testing::History;

// An agreement with two sections, "a" and "b", with bodies.
History TwoSections() {
  History h;
  h.Create();
  h.MustChange(
      {Add("a", "Alpha", "", "text", "First body."), Add("b", "Beta", "", "text", "Second body.")});
  return h;
}

json EditBody(const std::string& id, const std::string& body, const std::string& if_sha) {
  return {{"rationale", "r"},
          {"ops", {{{"op", "edit"}, {"id", id}, {"body", body}, {"if_body_sha256", if_sha}}}}};
}

TEST(BodyCondition, BodySha256IsTheHexSha256OfTheBodyBytes) {
  EXPECT_EQ(BodySha256("First body."), ToHex(Sha256("First body.")));
  EXPECT_EQ(BodySha256("").size(), 64u);
}

TEST(BodyCondition, AMatchingHashIsAcceptedAndNotRecorded) {
  History h = TwoSections();
  auto events = h.Change(EditBody("a", "New body.", BodySha256("First body.")));
  ASSERT_TRUE(events.ok()) << events.status().detail();
  const json& op = (*events)[0].data["ops"][0];
  EXPECT_FALSE(op.contains("if_body_sha256")) << op.dump();
  EXPECT_EQ(op["body"], "New body.");
}

TEST(BodyCondition, UppercaseHexIsAccepted) {
  History h = TwoSections();
  std::string upper = BodySha256("First body.");
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_TRUE(h.Change(EditBody("a", "New body.", upper)).ok());
}

TEST(BodyCondition, AStaleHashIs412NamingTheSection) {
  History h = TwoSections();
  const std::string seen = BodySha256("First body.");
  h.MustChange({{{"op", "edit"}, {"id", "a"}, {"body", "Someone else's body."}}});
  auto stale = h.Change(EditBody("a", "My body.", seen));
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), Code::kPreconditionFailed);
  EXPECT_EQ(stale.status().type(), "section-changed");
  EXPECT_NE(stale.status().detail().find("'a'"), std::string::npos) << stale.status().detail();
  EXPECT_EQ(ChangedSection(stale.status()), "a");
  ASSERT_EQ(stale.status().errors().size(), 1u);
  EXPECT_EQ(stale.status().errors()[0].pointer, "/ops/0/if_body_sha256");
  EXPECT_EQ(stale.status().errors()[0].params[1].second, BodySha256("Someone else's body."));
}

TEST(BodyCondition, EditsOfOtherSectionsDoNotConflict) {
  History h = TwoSections();
  const std::string seen_b = BodySha256("Second body.");
  h.MustChange({{{"op", "edit"}, {"id", "a"}, {"body", "Changed meanwhile."}}});
  EXPECT_TRUE(h.Change(EditBody("b", "My edit of b.", seen_b)).ok());
}

TEST(BodyCondition, AHeadingOnlyChangeMeanwhileDoesNotConflict) {
  History h = TwoSections();
  const std::string seen = BodySha256("First body.");
  h.MustChange({{{"op", "edit"}, {"id", "a"}, {"heading", "Alpha renamed"}}});
  EXPECT_TRUE(h.Change(EditBody("a", "My body.", seen)).ok());
}

TEST(BodyCondition, ARemovedSectionIsAConflictToo) {
  History h = TwoSections();
  const std::string seen = BodySha256("First body.");
  h.MustChange({{{"op", "remove"}, {"id", "a"}}});
  auto stale = h.Change(EditBody("a", "My body.", seen));
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), Code::kPreconditionFailed);
  EXPECT_EQ(ChangedSection(stale.status()), "a");
}

TEST(BodyCondition, MoveAndRemoveCarryTheConditionAndOneStaleOpRejectsTheSet) {
  History h = TwoSections();
  json ops = {{{"op", "move"}, {"id", "b"}, {"after", ""}, {"if_body_sha256", BodySha256("x")}},
              {{"op", "remove"}, {"id", "a"}, {"if_body_sha256", BodySha256("First body.")}}};
  auto r = h.Change({{"rationale", "r"}, {"ops", ops}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(ChangedSection(r.status()), "b");
  ops[0]["if_body_sha256"] = BodySha256("Second body.");
  EXPECT_TRUE(h.Change({{"rationale", "r"}, {"ops", ops}}).ok());
}

TEST(BodyCondition, MalformedHashesAndAddOpsAre400) {
  History h = TwoSections();
  for (const json& op :
       {json{{"op", "edit"}, {"id", "a"}, {"body", "x"}, {"if_body_sha256", "abc"}},
        json{{"op", "edit"}, {"id", "a"}, {"body", "x"}, {"if_body_sha256", 12}},
        json{{"op", "remove"}, {"id", "a"}, {"if_body_sha256", std::string(64, 'g')}},
        json{{"op", "add"},
             {"section", {{"kind", "text"}, {"heading", "H"}}},
             {"if_body_sha256", BodySha256("")}}}) {
    auto r = h.Change({{"rationale", "r"}, {"ops", {op}}});
    ASSERT_FALSE(r.ok()) << op.dump();
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << op.dump();
    EXPECT_EQ(r.status().type(), "malformed-op") << op.dump();
  }
}

TEST(BodyCondition, AddBodySha256AnnotatesEverySectionWithChildren) {
  json sections = json::parse(R"([{"id":"a","body":"x","children":[{"id":"b","body":"",
    "children":[]}]}])");
  AddBodySha256(sections);
  EXPECT_EQ(sections[0]["body_sha256"], BodySha256("x"));
  EXPECT_EQ(sections[0]["children"][0]["body_sha256"], BodySha256(""));
}

TEST(BodyCondition, OpsRoundTripWithTheCondition) {
  auto op =
      ParseOp({{"op", "edit"}, {"id", "a"}, {"body", "x"}, {"if_body_sha256", BodySha256("y")}}, 0);
  ASSERT_TRUE(op.ok());
  EXPECT_EQ(ParseOp(OpToJson(*op), 0).value(), *op);
}

}  // namespace
}  // namespace hoering::agreements
