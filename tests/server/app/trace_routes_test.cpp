// Audit traces through the real client: decision -> version -> change sets
// -> cited response points -> receipts and dispositions, and back.
#include <gtest/gtest.h>

#include "tests/server/app/consultation_fixture.h"

namespace hoering {
namespace {

using client::Verb;
using testing::ConsultationTest;

class TraceTest : public ConsultationTest {
 protected:
  void SetUp() override {
    ConsultationTest::SetUp();
    receipt_ = SubmitThenChangeCitingIt();
    ASSERT_TRUE(receipt_.is_object());
    rid_ = receipt_["response"];
    ASSERT_TRUE(admin_
                    ->Call(Verb::put,
                           "/v1/consultations/h1/responses/" + rid_ + "/points/1/disposition",
                           {{"outcome", "accepted"}, {"rationale", "Yes"}, {"changes", {"c-2"}}})
                    .ok());
    PublishFinalAndDecide("ssu-2023-09-29", rid_);
  }
  nlohmann::json receipt_;
  std::string rid_;
};

TEST_F(TraceTest, FromTheDecisionBackToTheReceipt) {
  auto trace = As(auditor_).Call(Verb::get, "/v1/trace/decisions/ssu-2023-09-29");
  ASSERT_TRUE(trace.ok()) << trace.error().detail;
  const auto& t = trace->body;
  EXPECT_EQ(t["version"]["number"], 2);
  EXPECT_EQ(t["version"]["hash_matches"], true);
  EXPECT_EQ(t["since"], 1);
  ASSERT_EQ(t["changes"].size(), 1u);  // c-1 (the import) came before the consulted version
  EXPECT_EQ(t["changes"][0]["change"], "c-2");
  const auto& cite = t["changes"][0]["cites"][0];
  EXPECT_EQ(cite["response"], rid_);
  EXPECT_EQ(cite["party"], "aarhus");
  EXPECT_EQ(cite["receipt"]["position"], receipt_["position"]);
  EXPECT_EQ(cite["receipt"]["hash"], receipt_["hash"]);
  EXPECT_EQ(cite["disposition"]["outcome"], "accepted");
  EXPECT_EQ(cite["point_text"], "Point one");
  ASSERT_EQ(t["consultations"].size(), 1u);
  EXPECT_EQ(Anonymous().Call(Verb::get, "/v1/trace/decisions/ssu-2023-09-29").error().status, 401);
  EXPECT_EQ(As(aarhus_).Call(Verb::get, "/v1/trace/decisions/ssu-2023-09-29").error().status, 403);
  EXPECT_EQ(admin_->Call(Verb::get, "/v1/trace/decisions/nope").error().status, 404);
}

TEST_F(TraceTest, FromTheResponseForwardToTheDecision) {
  auto trace = As(aarhus_).Call(Verb::get, "/v1/trace/responses/" + rid_);
  ASSERT_TRUE(trace.ok()) << trace.error().detail;
  const auto& t = trace->body;
  ASSERT_EQ(t["revisions"].size(), 1u);
  EXPECT_EQ(t["revisions"][0]["receipt"]["hash"], receipt_["hash"]);
  EXPECT_EQ(t["points"][0]["cited_by"], nlohmann::json({"c-2"}));
  EXPECT_EQ(t["points"][0]["dispositions"].size(), 1u);
  ASSERT_EQ(t["changes"].size(), 1u);
  EXPECT_EQ(t["changes"][0]["versions"], nlohmann::json({2}));
  ASSERT_EQ(t["decisions"].size(), 1u);
  EXPECT_EQ(t["decisions"][0]["id"], "ssu-2023-09-29");
  EXPECT_EQ(As(plo_).Call(Verb::get, "/v1/trace/responses/" + rid_).error().status, 404);
}

TEST_F(TraceTest, AnyoneHoldingAReceiptCanCheckIt) {
  const std::string target = "/v1/receipts/verify?position=" + receipt_["position"].dump() +
                             "&hash=" + receipt_["hash"].get<std::string>();
  auto ok = Anonymous().Call(Verb::get, target);
  ASSERT_TRUE(ok.ok()) << ok.error().detail;
  EXPECT_EQ(ok->body["ok"], true);
  EXPECT_EQ(ok->body["event"]["type"], "ResponseSubmitted");
  EXPECT_GT(ok->body["chain"]["checked"].get<int>(), 3);
  std::string wrong = receipt_["hash"];
  wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
  auto bad = Anonymous().Call(
      Verb::get, "/v1/receipts/verify?position=" + receipt_["position"].dump() + "&hash=" + wrong);
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ(bad->body["matches"], false);
  EXPECT_EQ(bad->body["ok"], false);
  EXPECT_EQ(Anonymous()
                .Call(Verb::get, "/v1/receipts/verify?position=999999&hash=" + wrong)
                .error()
                .status,
            404);
  EXPECT_EQ(Anonymous().Call(Verb::get, "/v1/receipts/verify?position=1").error().status, 400);
  // An event altered after the receipt breaks the chain from it to the head.
  const std::uint64_t later = receipt_["position"].get<std::uint64_t>() + 1;
  ASSERT_TRUE(server_->store()
                  .TamperForTest(later, [](std::string& bytes) { bytes[bytes.size() / 2] ^= 1; })
                  .ok());
  auto broken = Anonymous().Call(Verb::get, target);
  ASSERT_TRUE(broken.ok()) << broken.error().detail;
  EXPECT_EQ(broken->body["ok"], false);
  EXPECT_EQ(broken->body["chain"]["ok"], false);
}

}  // namespace
}  // namespace hoering
