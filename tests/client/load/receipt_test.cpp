#include "client/load/receipt.h"

#include <gtest/gtest.h>

namespace hoering::client::load {
namespace {

constexpr const char* kGood =
    R"({"consultation":"h1","hash":"ab12","late":false,"party":"p1","position":17,)"
    R"("received_at":"2026-12-02T10:00:00Z","response":"r-1","revision":1,)"
    R"("stream_version":1,"submitted_at":"2026-12-02T10:00:00Z"})";

TEST(ReceiptTest, AGoodReceiptHasEveryJudgedField) {
  Receipt r = ParseReceipt(kGood);
  EXPECT_TRUE(r.object);
  EXPECT_EQ(r.response, "r-1");
  EXPECT_TRUE(r.revision_is_one);
  EXPECT_TRUE(r.submitted_at);
  EXPECT_EQ(r.position, 17u);
  EXPECT_EQ(r.hash, "ab12");
  EXPECT_EQ(r.late, false);
  EXPECT_EQ(ReceiptProblem(r), "");
}

TEST(ReceiptTest, APositionMayBeADecimalString) {
  EXPECT_EQ(ParseReceipt(R"({"position":"18446744073709551615"})").position,
            18446744073709551615ull);
  EXPECT_EQ(ParseReceipt(R"({"position":-1})").position, std::nullopt);
  EXPECT_EQ(ParseReceipt(R"({"position":1.5})").position, std::nullopt);
  EXPECT_EQ(ParseReceipt(R"({"position":"1x"})").position, std::nullopt);
}

TEST(ReceiptTest, FieldsOfAnotherTypeStayEmpty) {
  Receipt r = ParseReceipt(
      R"({"response":7,"revision":"1","submitted_at":1,"hash":null,"late":"no","x":[1,{"a":2}]})");
  EXPECT_TRUE(r.object);
  EXPECT_EQ(r.response, std::nullopt);
  EXPECT_FALSE(r.revision_is_one);
  EXPECT_FALSE(r.submitted_at);
  EXPECT_EQ(r.hash, std::nullopt);
  EXPECT_EQ(r.late, std::nullopt);
}

TEST(ReceiptTest, TheLastOfARepeatedKeyCounts) {
  EXPECT_EQ(ParseReceipt(R"({"response":"a","response":"b"})").response, "b");
  EXPECT_EQ(ParseReceipt(R"({"response":"a","response":3})").response, std::nullopt);
}

TEST(ReceiptTest, NotAnObject) {
  for (const char* body : {"", "[]", "\"r\"", "{", "{\"response\":", "not json"}) {
    EXPECT_FALSE(ParseReceipt(body).object) << body;
    EXPECT_EQ(ReceiptProblem(ParseReceipt(body)), "the receipt is not a JSON object") << body;
  }
}

TEST(ReceiptTest, ProblemsNameTheFirstMissingField) {
  EXPECT_EQ(ReceiptProblem(ParseReceipt(R"({"response":""})")), "the receipt has no response id");
  EXPECT_EQ(ReceiptProblem(ParseReceipt(R"({"response":"r","revision":2})")),
            "the receipt's revision is not 1");
  Receipt late = ParseReceipt(kGood);
  late.late = true;
  EXPECT_EQ(ReceiptProblem(late), "the receipt says late although the consultation is open");
  late.late.reset();
  EXPECT_EQ(ReceiptProblem(late), "the receipt has no late flag");
}

}  // namespace
}  // namespace hoering::client::load
