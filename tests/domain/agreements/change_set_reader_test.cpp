#include "domain/agreements/change_set_reader.h"

#include <gtest/gtest.h>

#include "agreement_fixture.h"

namespace hoering::agreements {
namespace {

using nlohmann::json;

void ExpectSameAsDom(const std::string& data) {
  auto fast = ReadChangeSetRecorded(data);
  auto dom = ChangeSetRecordedFromJson(json::parse(data));
  ASSERT_TRUE(fast.ok()) << fast.status().detail();
  ASSERT_TRUE(dom.ok()) << dom.status().detail();
  EXPECT_EQ(*fast, *dom) << data;
}

TEST(ChangeSetReader, ReadsWhatTheDomReaderReads) {
  ChangeSetRecorded e{"sa",
                      "c-7",
                      "Høringssvar \"citat\"",
                      {{"r-1", "p-1"}, {"r-2", "3"}},
                      *ParseOps(json::parse(R"([
    {"op":"add","section":{"id":"a","kind":"text","heading":"A","body":"x\ny"},"parent":"p","after":""},
    {"op":"add","section":{"id":"b","kind":"vision","heading":"B"}},
    {"op":"edit","id":"a","heading":"H","kind":"objective"},
    {"op":"edit","id":"a","body":""},
    {"op":"move","id":"a","parent":"q","after":"z"},
    {"op":"move","id":"a"},
    {"op":"remove","id":"a"}])")),
                      "markdown-import"};
  ExpectSameAsDom(ToEvent(e).data.dump());
  ExpectSameAsDom(R"({"agreement":"a","change":"c-1","rationale":"r","ops":[],"cites":[]})");
  // Unknown keys, also nested ones, are skipped.
  ExpectSameAsDom(R"({"future":{"x":[1,{"y":2}]},"ops":[{"op":"remove","id":"a","extra":[{"z":1}]}],
                      "agreement":"a","change":"c-1","rationale":"r"})");
}

TEST(ChangeSetReader, BadDataIsCorruption) {
  for (const char* bad :
       {"", "[]", "not json", R"({"rationale":"r"})", R"({"ops":[1]})",
        R"({"ops":[{"op":"rename","id":"a"}]})", R"({"ops":[{"op":"edit"}]})",
        R"({"ops":[{"op":"add","section":{"kind":"text"}}]})", R"({"ops":[{"op":"add"}]})"}) {
    auto r = ReadChangeSetRecorded(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), Code::kCorruption) << bad;
  }
}

TEST(ChangeSetReader, FoldOfAnImportedAgreementMatchesTheDomReader) {
  testing::History h;
  h.Create();
  h.Apply(DecideImport(h.State(), {testing::ReadFixture("agreement-2024-2027.md"), "", {}}));
  for (const auto& e : h.events()) {
    if (e.type == kChangeSetRecorded) ExpectSameAsDom(e.data);
  }
}

}  // namespace
}  // namespace hoering::agreements
