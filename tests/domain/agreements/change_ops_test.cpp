// Given an agreement with a small text / when a change set is decided / then
// the events and the folded text (or the rejection) are as expected.
#include "domain/agreements/change_ops.h"

#include <gtest/gtest.h>

#include "agreement_fixture.h"
#include "domain/agreements/apply_ops.h"

namespace hoering::agreements {
namespace {

using nlohmann::json;
using testing::Add;
using testing::History;

class ChangeOps : public ::testing::Test {
 protected:
  void SetUp() override {
    h.Create();
    // ch-1 { s-1, s-2 { s-21 } }, ch-2
    h.MustChange(json::array({Add("ch-1", "Chapter one", "", "chapter"),
                              Add("ch-2", "Chapter two", "", "chapter"),
                              Add("s-1", "One", "ch-1", "text", "Body one."),
                              Add("s-2", "Two", "ch-1"), Add("s-21", "Two one", "s-2")}),
                 "initial text");
  }
  // The text after deciding and applying ops (the test fails if rejected).
  const SectionTree& After(const json& ops) {
    auto r = h.Change({{"rationale", "r"}, {"ops", ops}});
    EXPECT_TRUE(r.ok()) << r.status().detail();
    if (r.ok()) h.Append(*r);
    state = h.State();
    return state.text();
  }
  // The rejection of ops.
  Status Rejected(const json& ops) {
    auto r = h.Change({{"rationale", "r"}, {"ops", ops}});
    EXPECT_FALSE(r.ok()) << "accepted: " << ops.dump();
    return r.ok() ? Status::Ok() : r.status();
  }
  History h;
  AgreementState state;
};

// ---- add ----

TEST_F(ChangeOps, AddAppendsAsLastChildByDefault) {
  const auto& t = After(json::array({Add("s-3", "Three", "ch-1", "objective", "b")}));
  EXPECT_EQ(t.Children("ch-1"), (std::vector<std::string>{"s-1", "s-2", "s-3"}));
  EXPECT_EQ(t.Find("s-3")->kind, SectionKind::kObjective);
  EXPECT_EQ(t.Find("s-3")->body, "b");
}

TEST_F(ChangeOps, AddWithAfterEmptyGoesFirstAndAfterIdGoesRightAfter) {
  json first = Add("s-0", "Zero", "ch-1");
  first["after"] = "";
  json mid = Add("s-15", "One and a half", "ch-1");
  mid["after"] = "s-1";
  const auto& t = After(json::array({first, mid}));
  EXPECT_EQ(t.Children("ch-1"), (std::vector<std::string>{"s-0", "s-1", "s-15", "s-2"}));
}

TEST_F(ChangeOps, AddAtTopLevelWithoutParent) {
  const auto& t = After(json::array({Add("ch-3", "Chapter three", "", "chapter")}));
  EXPECT_EQ(t.Children(""), (std::vector<std::string>{"ch-1", "ch-2", "ch-3"}));
}

TEST_F(ChangeOps, AddWithoutIdGetsADeterministicIdRecordedInTheEvent) {
  json op = {{"op", "add"}, {"section", {{"kind", "text"}, {"heading", "Økonomisk klarhed"}}}};
  auto r = h.Change({{"rationale", "r"}, {"ops", json::array({op, op})}});
  ASSERT_TRUE(r.ok()) << r.status().detail();
  const json& ops = (*r)[0].data["ops"];
  EXPECT_EQ(ops[0]["section"]["id"], "oekonomisk-klarhed");
  EXPECT_EQ(ops[1]["section"]["id"], "oekonomisk-klarhed-2");
  // Deciding again on the same state gives the same ids.
  EXPECT_EQ((*h.Change({{"rationale", "r"}, {"ops", json::array({op, op})}}))[0].data,
            (*r)[0].data);
}

TEST_F(ChangeOps, GeneratedIdsNeverReuseIdsOfRemovedSections) {
  After(json::array({{{"op", "remove"}, {"id", "s-1"}}}));
  json op = {{"op", "add"}, {"section", {{"kind", "text"}, {"heading", "S 1"}}}};
  After(json::array({op}));
  EXPECT_TRUE(state.text().Contains("s-1-2"));
  EXPECT_FALSE(state.text().Contains("s-1"));
}

TEST_F(ChangeOps, AddNormalisesHeadingAndBody) {
  const auto& t = After(json::array({Add("s-3", "  Padded  ", "", "text", "\n\nline\r\n  \n")}));
  EXPECT_EQ(t.Find("s-3")->heading, "Padded");
  EXPECT_EQ(t.Find("s-3")->body, "line");
}

TEST_F(ChangeOps, AddRejections) {
  auto expect = [&](const json& op, const std::string& detail) {
    Status s = Rejected(json::array({op}));
    EXPECT_EQ(s.code(), Code::kUnprocessable) << detail;
    EXPECT_EQ(s.type(), "invalid-op");
    EXPECT_EQ(s.detail(), detail);
  };
  expect(Add("s-1", "Dup"), "op 1 (add s-1): section 's-1' already exists");
  expect(Add("Bad Id", "x"),
         "op 1 (add Bad Id): section id 'Bad Id' may contain only a-z, 0-9, '.', '_' and '-'");
  expect(Add("s-9", "   "), "op 1 (add s-9): heading is empty");
  expect(Add("s-9", "x", "", "poem"),
         "op 1 (add s-9): unknown kind 'poem' (one of: chapter, vision, focus_area, objective, "
         "indicator, principle, text)");
  expect(Add("s-9", "x", "nope"), "op 1 (add s-9): parent 'nope' does not exist");
  json after = Add("s-9", "x", "ch-1");
  after["after"] = "ch-2";
  expect(after, "op 1 (add s-9): 'after' section 'ch-2' is not a child of section 'ch-1'");
  expect(Add("s-9", "x", "", "text", "para\n\n## heading"),
         "op 1 (add s-9): body contains a Markdown heading (line 3 of the body); headings are "
         "sections: add a section instead");
}

TEST_F(ChangeOps, TooDeepNestingIsRejected) {
  json ops = json::array();
  std::string parent = "s-21";  // depth 3
  for (int i = 0; i < 4; ++i) {
    std::string id = "deep-" + std::to_string(i);
    ops.push_back(Add(id, "Deep", parent));
    parent = id;
  }
  Status s = Rejected(ops);
  EXPECT_EQ(s.code(), Code::kUnprocessable);
  EXPECT_EQ(s.detail(), "the change set nests sections 7 levels deep; at most 6 are allowed");
}

// ---- edit ----

TEST_F(ChangeOps, EditChangesOnlyGivenFieldsAndRecordsOnlyRealChanges) {
  auto r = h.Change({{"rationale", "r"},
                     {"ops", json::array({{{"op", "edit"},
                                           {"id", "s-1"},
                                           {"heading", "One"},
                                           {"body", "New body."},
                                           {"kind", "principle"}}})}});
  ASSERT_TRUE(r.ok());
  // heading was already "One": left out of the recorded op.
  EXPECT_EQ((*r)[0].data["ops"][0],
            json::parse(R"({"op":"edit","id":"s-1","body":"New body.","kind":"principle"})"));
  h.Append(*r);
  const Section* s = h.State().text().Find("s-1");
  EXPECT_EQ(s->heading, "One");
  EXPECT_EQ(s->body, "New body.");
  EXPECT_EQ(s->kind, SectionKind::kPrinciple);
}

TEST_F(ChangeOps, EditRejections) {
  auto expect = [&](const json& op, const std::string& detail) {
    Status s = Rejected(json::array({op}));
    EXPECT_EQ(s.code(), Code::kUnprocessable);
    EXPECT_EQ(s.detail(), detail);
  };
  expect({{"op", "edit"}, {"id", "nope"}, {"heading", "x"}},
         "op 1 (edit nope): section 'nope' does not exist");
  expect({{"op", "edit"}, {"id", "s-1"}},
         "op 1 (edit s-1): edit changes nothing: give heading, body or kind");
  expect({{"op", "edit"}, {"id", "s-1"}, {"heading", " One "}, {"body", "Body one.\n"}},
         "op 1 (edit s-1): edit changes nothing: the section already has that content");
  expect({{"op", "edit"}, {"id", "s-1"}, {"kind", "poem"}},
         "op 1 (edit s-1): unknown kind 'poem' (one of: chapter, vision, focus_area, objective, "
         "indicator, principle, text)");
  expect({{"op", "edit"}, {"id", "s-1"}, {"heading", ""}}, "op 1 (edit s-1): heading is empty");
}

// ---- move ----

TEST_F(ChangeOps, MoveCarriesTheSubtree) {
  const auto& t = After(json::array({{{"op", "move"}, {"id", "s-2"}, {"parent", "ch-2"}}}));
  EXPECT_EQ(t.Children("ch-1"), (std::vector<std::string>{"s-1"}));
  EXPECT_EQ(t.Children("ch-2"), (std::vector<std::string>{"s-2"}));
  EXPECT_EQ(t.Children("s-2"), (std::vector<std::string>{"s-21"}));
}

TEST_F(ChangeOps, MoveWithinParentAndToTopLevel) {
  const auto& t =
      After(json::array({{{"op", "move"}, {"id", "s-2"}, {"parent", "ch-1"}, {"after", ""}},
                         {{"op", "move"}, {"id", "s-21"}, {"after", "ch-1"}}}));
  EXPECT_EQ(t.Children("ch-1"), (std::vector<std::string>{"s-2", "s-1"}));
  EXPECT_EQ(t.Children(""), (std::vector<std::string>{"ch-1", "s-21", "ch-2"}));
}

TEST_F(ChangeOps, MoveRejections) {
  auto expect = [&](const json& op, const std::string& detail) {
    Status s = Rejected(json::array({op}));
    EXPECT_EQ(s.code(), Code::kUnprocessable);
    EXPECT_EQ(s.type(), "invalid-op");
    EXPECT_EQ(s.detail(), detail);
  };
  expect({{"op", "move"}, {"id", "nope"}}, "op 1 (move nope): section 'nope' does not exist");
  expect({{"op", "move"}, {"id", "ch-1"}, {"parent", "ch-1"}},
         "op 1 (move ch-1): cannot move a section under itself");
  expect({{"op", "move"}, {"id", "ch-1"}, {"parent", "s-21"}},
         "op 1 (move ch-1): cannot move a section under its own descendant");
  expect({{"op", "move"}, {"id", "s-1"}, {"parent", "nope"}},
         "op 1 (move s-1): parent 'nope' does not exist");
  expect({{"op", "move"}, {"id", "s-1"}, {"parent", "ch-1"}, {"after", "s-1"}},
         "op 1 (move s-1): cannot place a section after itself");
  expect({{"op", "move"}, {"id", "s-1"}, {"parent", "ch-2"}, {"after", "s-2"}},
         "op 1 (move s-1): 'after' section 's-2' is not a child of section 'ch-2'");
  expect({{"op", "move"}, {"id", "s-1"}, {"parent", "ch-1"}, {"after", ""}},
         "op 1 (move s-1): the section is already at that place");
  expect({{"op", "move"}, {"id", "s-2"}, {"parent", "ch-1"}},
         "op 1 (move s-2): the section is already at that place");
}

// ---- remove ----

TEST_F(ChangeOps, RemoveTakesTheSubtree) {
  const auto& t = After(json::array({{{"op", "remove"}, {"id", "s-2"}}}));
  EXPECT_FALSE(t.Contains("s-2"));
  EXPECT_FALSE(t.Contains("s-21"));
  EXPECT_EQ(t.size(), 3u);
}

TEST_F(ChangeOps, RemoveRejectsUnknownSection) {
  Status s = Rejected(json::array({{{"op", "remove"}, {"id", "nope"}}}));
  EXPECT_EQ(s.detail(), "op 1 (remove nope): section 'nope' does not exist");
}

// ---- atomicity ----

TEST_F(ChangeOps, OneBadOpRejectsTheWholeSetAndNamesIt) {
  std::size_t before = h.events().size();
  Status s = Rejected(json::array({Add("s-3", "Three"),
                                   {{"op", "remove"}, {"id", "s-1"}},
                                   {{"op", "move"}, {"id", "ch-1"}, {"parent", "s-21"}}}));
  EXPECT_EQ(s.detail(), "op 3 (move ch-1): cannot move a section under its own descendant");
  EXPECT_EQ(h.events().size(), before);
  EXPECT_TRUE(h.State().text().Contains("s-1"));
}

TEST_F(ChangeOps, LaterOpsSeeEarlierOnes) {
  const auto& t = After(json::array({Add("s-3", "Three", "ch-2"),
                                     Add("s-31", "Three one", "s-3"),
                                     {{"op", "move"}, {"id", "s-1"}, {"parent", "s-31"}},
                                     {{"op", "remove"}, {"id", "ch-1"}}}));
  EXPECT_EQ(t.Children(""), (std::vector<std::string>{"ch-2"}));
  EXPECT_EQ(t.Find("s-1")->parent, "s-31");
  EXPECT_FALSE(t.Contains("s-21"));
}

TEST_F(ChangeOps, DuplicateIdWithinOneSetIsRejected) {
  Status s = Rejected(json::array({Add("n", "N"), Add("n", "N again")}));
  EXPECT_EQ(s.detail(), "op 2 (add n): section 'n' already exists");
}

TEST_F(ChangeOps, EmptyChangeSetIsRejected) {
  Status s = Rejected(json::array());
  EXPECT_EQ(s.code(), Code::kUnprocessable);
  EXPECT_EQ(s.type(), "empty-change-set");
}

// ---- parsing (400) ----

TEST(ParseOps, MalformedOpsAre400WithTheOpNamed) {
  auto expect = [](const std::string& ops, const std::string& detail) {
    auto r = ParseOps(json::parse(ops));
    ASSERT_FALSE(r.ok()) << ops;
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
    EXPECT_EQ(r.status().type(), "malformed-op");
    EXPECT_EQ(r.status().detail(), detail);
  };
  expect(R"({"op":"add"})", "'ops' must be an array of ops");
  expect(R"([1])", "op 1: an op must be a JSON object");
  expect(R"([{"id":"x"}])", "op 1: 'op' is required: add, edit, move or remove");
  expect(R"([{"op":"rename","id":"x"}])", "op 1: unknown op 'rename' (add, edit, move or remove)");
  expect(R"([{"op":"remove","id":"a"},{"op":"edit"}])", "op 2: 'id' is required for edit");
  expect(R"([{"op":"add"}])", "op 1: 'section' is required for add: {id?, kind, heading, body?}");
  expect(R"([{"op":"add","section":{"heading":"h"}}])", "op 1: 'section.kind' is required for add");
  expect(R"([{"op":"add","section":{"kind":"text"}}])",
         "op 1: 'section.heading' is required for add");
  expect(R"([{"op":"add","section":{"kind":"text","heading":7}}])",
         "op 1: 'heading' must be a string");
  expect(R"([{"op":"move","id":"a","after":null}])",
         "op 1: 'after' must be a string (\"\" places the section first)");
  expect(R"([{"op":"edit","id":"a","titel":"x"}])", "op 1: unknown field 'titel'");
  expect(R"([{"op":"add","section":{"kind":"text","heading":"h","parent":"p"}}])",
         "op 1: unknown field 'parent' in 'section'");
}

TEST(ParseOps, WireFormRoundTrips) {
  auto ops = json::parse(R"([
    {"op":"add","section":{"id":"a","kind":"text","heading":"A","body":"b"},"parent":"p","after":""},
    {"op":"add","section":{"kind":"text","heading":"A"}},
    {"op":"edit","id":"a","heading":"H"},
    {"op":"move","id":"a","parent":"q","after":"z"},
    {"op":"move","id":"a"},
    {"op":"remove","id":"a"}])");
  auto parsed = ParseOps(ops);
  ASSERT_TRUE(parsed.ok()) << parsed.status().detail();
  EXPECT_EQ(OpsToJson(*parsed), ops);
  EXPECT_EQ((*parsed)[0].place, (Place{"p", ""}));
  EXPECT_EQ((*parsed)[4].place, (Place{"", std::nullopt}));
  EXPECT_EQ(OpLabel((*parsed)[3], 2), "op 3 (move a)");
  EXPECT_EQ(OpLabel((*parsed)[1], 0), "op 1 (add)");
}

TEST(ApplyOps, ReplayReportsCorruptionNotRuleViolations) {
  SectionTree t;
  std::vector<Op> ops{Op{OpType::kRemove, "ghost", {}, {}, {}, {}}};
  Status s = ApplyOps(t, ops, {}, ApplyMode::kReplay);
  EXPECT_EQ(s.code(), Code::kCorruption);
}

}  // namespace
}  // namespace hoering::agreements
