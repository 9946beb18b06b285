#include "client/lib/chain_verify.h"

#include <gtest/gtest.h>

#include "domain/event_codec.h"

namespace hoering::client {
namespace {

// A valid chain of `n` events over two streams, sealed like the server does.
std::vector<RecordedEvent> Chain(int n) {
  std::vector<RecordedEvent> out;
  Hash prev{};
  std::map<std::string, std::uint64_t> versions;
  for (int i = 1; i <= n; ++i) {
    RecordedEvent e;
    e.position = i;
    e.stream = i % 2 ? "party-a" : "access";
    e.stream_version = ++versions[e.stream];
    e.type = i % 2 ? "PartyRegistered" : "TokenIssued";
    e.recorded_at_ms = 1692999599123 + i;
    e.actor = {"tok-1", "admin", ""};
    e.correlation_id = "c" + std::to_string(i);
    e.data = nlohmann::json{{"n", i}, {"name", "Samsø"}}.dump();
    SealEvent(e, prev);
    prev = e.hash;
    out.push_back(e);
  }
  return out;
}

std::vector<nlohmann::json> AsJson(const std::vector<RecordedEvent>& events) {
  std::vector<nlohmann::json> out;
  for (const auto& e : events) out.push_back(EventToJson(e));
  return out;
}

TEST(ChainVerifyTest, AValidChainVerifies) {
  auto events = Chain(6);
  ChainReport r = VerifyChainLocally(events);
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.checked, 6u);
  EXPECT_EQ(r.head_position, 6u);
  EXPECT_EQ(r.head_hash, events.back().hash);
  EXPECT_FALSE(r.first_bad.has_value());
  EXPECT_TRUE(VerifyChainLocally(AsJson(events)).ok);
}

TEST(ChainVerifyTest, OneChangedByteIsReportedAtItsPosition) {
  auto events = Chain(6);
  events[3].data[5] ^= 0x01;  // position 4: "n":4 becomes "n":5
  ChainReport r = VerifyChainLocally(events);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad, 4u);
  EXPECT_EQ(r.head_position, 3u);
  EXPECT_EQ(r.checked, 4u);
  EXPECT_NE(r.problem.find("does not match"), std::string::npos) << r.problem;
}

TEST(ChainVerifyTest, ResealedTamperingBreaksTheNextLink) {
  auto events = Chain(5);
  events[1].type = "Forged";
  SealEvent(events[1], events[0].hash);  // a forger recomputes position 2's hash...
  ChainReport r = VerifyChainLocally(events);
  EXPECT_EQ(r.first_bad, 3u);  // ...but position 3 still links to the old one
  EXPECT_NE(r.problem.find("does not link"), std::string::npos) << r.problem;
}

TEST(ChainVerifyTest, GapsAndRemovalsAreReported) {
  auto events = Chain(5);
  events.erase(events.begin() + 2);  // drop position 3
  ChainReport r = VerifyChainLocally(events);
  EXPECT_EQ(r.first_bad, 4u);
  EXPECT_NE(r.problem.find("gap"), std::string::npos) << r.problem;
}

TEST(ChainVerifyTest, TheFirstEventMustStartFromZerosOrTheAnchor) {
  auto events = Chain(4);
  events[0].prev_hash[0] = 1;
  SealEvent(events[0], events[0].prev_hash);
  EXPECT_EQ(VerifyChainLocally(events).first_bad, 1u);

  auto tail = Chain(4);
  std::vector<RecordedEvent> from3(tail.begin() + 2, tail.end());
  EXPECT_TRUE(VerifyChainLocally(from3).ok);                // trusted start
  EXPECT_TRUE(VerifyChainLocally(from3, tail[1].hash).ok);  // anchored
  EXPECT_EQ(VerifyChainLocally(from3, tail[0].hash).first_bad, 3u);
}

TEST(ChainVerifyTest, StreamVersionGapsAreReported) {
  auto events = Chain(4);
  events[2].stream_version = 5;  // party-a: 1, then 5
  Hash prev = events[1].hash;
  for (size_t i = 2; i < events.size(); ++i) {
    SealEvent(events[i], prev);
    prev = events[i].hash;
  }
  ChainReport r = VerifyChainLocally(events);
  EXPECT_EQ(r.first_bad, 3u);
  EXPECT_NE(r.problem.find("party-a"), std::string::npos) << r.problem;
}

TEST(ChainVerifyTest, JsonViewsMustAgreeWithTheHashedFields) {
  auto json = AsJson(Chain(4));
  auto data_lie = json;
  data_lie[2]["data"]["name"] = "Aarhus";  // data_canonical still says Samsø
  EXPECT_EQ(VerifyChainLocally(data_lie).first_bad, 3u);

  auto canonical_lie = json;
  canonical_lie[1]["data_canonical"] = R"({"n":2,"name":"Aarhus"})";
  canonical_lie[1]["data"] = {{"n", 2}, {"name", "Aarhus"}};
  ChainReport r = VerifyChainLocally(canonical_lie);
  EXPECT_EQ(r.first_bad, 2u);
  EXPECT_NE(r.problem.find("does not match"), std::string::npos) << r.problem;

  auto time_lie = json;
  time_lie[3]["recorded_at"] = "2020-01-01T00:00:00.000Z";
  EXPECT_EQ(VerifyChainLocally(time_lie).first_bad, 4u);

  auto unreadable = json;
  unreadable[1]["hash"] = "xyz";
  EXPECT_EQ(VerifyChainLocally(unreadable).first_bad, 2u);
}

TEST(ChainVerifyTest, VerifierStopsAtTheFirstBadEvent) {
  auto events = Chain(5);
  events[1].hash[0] ^= 0xff;
  ChainVerifier v;
  EXPECT_TRUE(v.Add(events[0]));
  EXPECT_FALSE(v.Add(events[1]));
  EXPECT_FALSE(v.Add(events[2]));
  EXPECT_EQ(v.report().checked, 2u);
  EXPECT_EQ(v.report().first_bad, 2u);
}

}  // namespace
}  // namespace hoering::client
