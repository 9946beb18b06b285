#include "domain/event_codec.h"

#include <gtest/gtest.h>

#include "domain/sha256.h"

namespace hoering {
namespace {

RecordedEvent Sample() {
  RecordedEvent e;
  e.position = 7;
  e.stream = "party-aarhus";
  e.stream_version = 1;
  e.type = "PartyRegistered";
  e.recorded_at_ms = 1'692'999'999'123;
  e.actor = {"tok_a", "admin", ""};
  e.correlation_id = "c-1";
  e.data = R"({"id":"aarhus","name":"Aarhus Kommune"})";
  return e;
}

TEST(Sha256, KnownVector) {
  EXPECT_EQ(ToHex(Sha256("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256("ab", "c"), Sha256("abc"));
  auto parsed = HashFromHex(ToHex(Sha256("abc")));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, Sha256("abc"));
  EXPECT_FALSE(HashFromHex("zz"));
}

TEST(EventCodec, StoredRoundTripIsExact) {
  RecordedEvent e = Sample();
  SealEvent(e, Sha256("previous"));
  auto back = DecodeStored(EncodeStored(e));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, e);
  EXPECT_TRUE(HashMatches(*back));
}

TEST(EventCodec, EveryFieldIsCoveredByTheHash) {
  RecordedEvent base = Sample();
  SealEvent(base, Hash{});
  std::vector<std::function<void(RecordedEvent&)>> changes = {
      [](auto& e) { e.position++; },         [](auto& e) { e.stream += "x"; },
      [](auto& e) { e.stream_version++; },   [](auto& e) { e.type += "x"; },
      [](auto& e) { e.schema_version++; },   [](auto& e) { e.recorded_at_ms++; },
      [](auto& e) { e.actor.token_id += "x"; }, [](auto& e) { e.actor.role += "x"; },
      [](auto& e) { e.actor.party += "x"; },  [](auto& e) { e.correlation_id += "x"; },
      [](auto& e) { e.idempotency_key += "x"; }, [](auto& e) { e.data += " "; },
      [](auto& e) { e.prev_hash[0] ^= 1; },
  };
  for (std::size_t i = 0; i < changes.size(); ++i) {
    RecordedEvent e = base;
    changes[i](e);
    EXPECT_FALSE(HashMatches(e)) << "change " << i << " not detected";
  }
}

TEST(EventCodec, TruncatedOrForeignBytesAreCorruption) {
  RecordedEvent e = Sample();
  SealEvent(e, Hash{});
  std::string bytes = EncodeStored(e);
  EXPECT_EQ(DecodeStored(bytes.substr(0, bytes.size() - 1)).status().code(), Code::kCorruption);
  EXPECT_EQ(DecodeStored(bytes + "x").status().code(), Code::kCorruption);
  EXPECT_EQ(DecodeStored("").status().code(), Code::kCorruption);
  bytes[0] = 9;
  EXPECT_FALSE(DecodeStored(bytes).ok());
}

TEST(EventCodec, JsonRoundTripLetsClientsRehash) {
  RecordedEvent e = Sample();
  SealEvent(e, Sha256("p"));
  auto j = EventToJson(e);
  EXPECT_EQ(j["data"]["name"], "Aarhus Kommune");
  EXPECT_EQ(j["recorded_at"], "2023-08-25T21:46:39.123Z");
  auto back = EventFromJson(nlohmann::json::parse(j.dump()));
  ASSERT_TRUE(back.ok()) << back.status().detail();
  EXPECT_EQ(*back, e);
  EXPECT_TRUE(HashMatches(*back));
  EXPECT_FALSE(EventFromJson(nlohmann::json::object()).ok());
}

}  // namespace
}  // namespace hoering
