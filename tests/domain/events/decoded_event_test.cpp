// The typed event codec: one decode per stored event, failures as values.
#include "domain/events/decoded_event.h"

#include <gtest/gtest.h>

namespace hoering::events {
namespace {

RecordedEvent Stored(std::string type, std::string data, std::uint64_t position = 7) {
  RecordedEvent e;
  e.position = position;
  e.stream = "s";
  e.type = std::move(type);
  e.data = std::move(data);
  e.recorded_at_ms = 1234;
  return e;
}

TEST(DecodedEvent, KnownTypesBecomeTheirTypedValues) {
  auto party =
      Stored("PartyRegistered", R"({"id":"aarhus","kind":"municipality","name":"Aarhus"})");
  const DecodedEvent d = DecodeEvent(party);
  ASSERT_TRUE(d.payload.ok());
  const auto* p = d.As<parties::Party>();
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->id, "aarhus");
  EXPECT_EQ(p->registered_at_ms, 1234);
  EXPECT_EQ(p->position, 7u);
  EXPECT_EQ(d.As<access::TokenIssued>(), nullptr);

  auto revoked = Stored("TokenRevoked", R"({"id":"t1"})");
  ASSERT_NE(DecodeEvent(revoked).As<access::TokenRevoked>(), nullptr);
  EXPECT_EQ(DecodeEvent(revoked).As<access::TokenRevoked>()->id, "t1");

  auto closed = Stored("ConsultationClosed", R"({"consultation":"h1","reason":"done"})");
  auto c = Decode(closed);
  ASSERT_TRUE(c.ok()) << c.status().detail();
  EXPECT_TRUE(std::holds_alternative<consultations::ConsultationClosed>(*c));

  auto issued = Stored("InvitationIssued",
                       R"({"code_sha256":"ab","consultation":"h1","id":"inv-1","party":"plo"})");
  const auto* i = DecodeEvent(issued).As<invitations::InvitationIssued>();
  ASSERT_NE(i, nullptr);
  EXPECT_EQ(*i, (invitations::InvitationIssued{"inv-1", "h1", "plo", "ab"}));
  auto withdrawn = Stored("InvitationRevoked", R"({"consultation":"h1","id":"inv-1"})");
  const auto* w = DecodeEvent(withdrawn).As<invitations::InvitationRevoked>();
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->id, "inv-1");
  EXPECT_EQ(w->reason, std::nullopt);
}

TEST(DecodedEvent, AttachmentsAreDecodedWithoutTheirContent) {
  auto e = Stored(
      "AttachmentStored",
      R"({"content_base64":"iVBORw0KGgo=","media_type":"image/png","sha256":"ab","size":8})");
  const auto* a = DecodeEvent(e).As<consultations::AttachmentStored>();
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->sha256, "ab");
  EXPECT_EQ(a->size, 8u);
  EXPECT_TRUE(a->content_base64.empty());
}

TEST(DecodedEvent, ChangeSetsUseTheSaxReaderAndMatchTheDocumentReader) {
  const std::string data =
      R"({"agreement":"sa","change":"c-1","cites":[{"point":"1","response":"r-1"}],)"
      R"("ops":[{"id":"kap-1","op":"edit","body":"New"}],"rationale":"why","source":"api"})";
  auto decoded = Decode(Stored("ChangeSetRecorded", data));
  ASSERT_TRUE(decoded.ok()) << decoded.status().detail();
  auto dom = agreements::ChangeSetRecordedFromJson(nlohmann::json::parse(data));
  ASSERT_TRUE(dom.ok());
  EXPECT_EQ(std::get<agreements::ChangeSetRecorded>(*decoded), *dom);
}

TEST(DecodedEvent, FailuresAreValuesNamingThePosition) {
  auto not_json = Decode(Stored("ResponseWithdrawn", "{not json", 42));
  ASSERT_FALSE(not_json.ok());
  EXPECT_EQ(not_json.status().code(), Code::kCorruption);
  EXPECT_NE(not_json.status().detail().find("event 42"), std::string::npos);
  auto bad_shape = Decode(Stored("DecisionRecorded", R"({"id":3})"));
  ASSERT_FALSE(bad_shape.ok());
  EXPECT_EQ(bad_shape.status().code(), Code::kCorruption);
  auto bad_change = Decode(Stored("ChangeSetRecorded", "[1,2"));
  EXPECT_FALSE(bad_change.ok());
}

TEST(DecodedEvent, UnknownTypesAreSkippedWhateverTheirData) {
  for (const std::string data : {"{}", "garbage", ""}) {
    auto d = Decode(Stored("SomethingNewer", data));
    ASSERT_TRUE(d.ok());
    EXPECT_TRUE(std::holds_alternative<UnknownType>(*d));
  }
}

}  // namespace
}  // namespace hoering::events
