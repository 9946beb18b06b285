// RocksDB-specific behaviour: persistence across reopen, tamper detection.
#include "storage/rocksdb_event_store.h"

#include <gtest/gtest.h>

#include <functional>

#include "domain/event_codec.h"
#include "tests/support/temp_dir.h"

namespace hoering {
namespace {

AppendRequest Req(std::string stream, std::string key = {}) {
  AppendRequest r;
  r.stream = std::move(stream);
  r.events.push_back({"Thing", 1, {{"payload", std::string(100, 'x')}}});
  r.context.idempotency_key = std::move(key);
  r.idempotency_fingerprint = "fp";
  return r;
}

TEST(RocksDbEventStore, ReopenKeepsEventsHeadVersionsAndIdempotencyKeys) {
  testing::TempDir dir;
  HeadInfo head;
  {
    auto store = RocksDbEventStore::Open({.path = dir.str()});
    ASSERT_TRUE(store.ok());
    for (int i = 0; i < 10; ++i)
      ASSERT_TRUE((*store)->Append(Req("s" + std::to_string(i % 3))).ok());
    ASSERT_TRUE((*store)->Append(Req("k", "key-1")).ok());
    head = (*store)->Head();
  }
  auto store = RocksDbEventStore::Open({.path = dir.str()});
  ASSERT_TRUE(store.ok()) << store.status().detail();
  EXPECT_EQ((*store)->Head().position, 11u);
  EXPECT_EQ((*store)->Head().hash, head.hash);
  EXPECT_EQ((*store)->StreamVersion("s0"), 4u);
  auto retry = (*store)->Append(Req("k", "key-1"));
  ASSERT_TRUE(retry.ok());
  EXPECT_TRUE(retry->duplicate);
  EXPECT_EQ(retry->first_position, 11u);
  auto next = (*store)->Append(Req("s0"));
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->first_position, 12u);
  EXPECT_EQ(next->stream_version, 5u);
  auto all = (*store)->ReadAll(11, 5);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].prev_hash, head.hash);
  EXPECT_TRUE((*store)->Verify().ok);
}

// Verify()'s report on a store of `events` appends (verified intact first)
// after `change` rewrote the stored value at `position`.
VerifyReport VerifyTampered(int events, std::uint64_t position,
                            const std::function<void(std::string&)>& change) {
  testing::TempDir dir;
  auto store = RocksDbEventStore::Open({.path = dir.str()});
  if (!store.ok()) {
    ADD_FAILURE() << store.status().detail();
    return {};
  }
  for (int i = 0; i < events; ++i) EXPECT_TRUE((*store)->Append(Req("a")).ok());
  EXPECT_TRUE((*store)->Verify().ok);
  EXPECT_TRUE((*store)->TamperForTest(position, change).ok());
  return (*store)->Verify();
}

TEST(RocksDbEventStore, VerifyReportsAFlippedByteAtItsPosition) {
  // Flip one byte inside the JSON payload of event 13 (the last bytes of the value).
  auto report = VerifyTampered(20, 13, [](std::string& v) { v[v.size() - 5] ^= 0x01; });
  EXPECT_FALSE(report.ok);
  ASSERT_TRUE(report.first_bad.has_value());
  EXPECT_EQ(*report.first_bad, 13u);
  EXPECT_EQ(report.checked, 12u);
}

TEST(RocksDbEventStore, VerifyReportsAnUndecodableEvent) {
  auto report = VerifyTampered(5, 2, [](std::string& v) { v.resize(v.size() - 3); });
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad.value_or(0), 2u);
}

TEST(RocksDbEventStore, VerifyReportsAChangedHashLink) {
  // Re-seal event 4 with a different payload: its own hash is consistent,
  // but event 5's prev_hash no longer matches.
  auto report = VerifyTampered(5, 4, [](std::string& v) {
    auto e = DecodeStored(v).value();
    e.data = R"({"payload":"forged"})";
    SealEvent(e, e.prev_hash);
    v = EncodeStored(e);
  });
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad.value_or(0), 5u);
}

TEST(RocksDbEventStore, ProjectionValuesPersist) {
  testing::TempDir dir;
  {
    auto store = RocksDbEventStore::Open({.path = dir.str()});
    ASSERT_TRUE((*store)->PutProjection("p/checkpoint", "42").ok());
  }
  auto store = RocksDbEventStore::Open({.path = dir.str()});
  auto v = (*store)->GetProjection("p/checkpoint");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->value_or(""), "42");
  EXPECT_FALSE((*store)->GetProjection("other")->has_value());
}

TEST(RocksDbEventStore, LocalStatePersists) {
  testing::TempDir dir;
  {
    auto store = RocksDbEventStore::Open({.path = dir.str()});
    ASSERT_TRUE((*store)->PutLocal("session/s1", "v").ok());
  }
  auto store = RocksDbEventStore::Open({.path = dir.str()});
  EXPECT_EQ((*store)->GetLocal("session/s1")->value_or(""), "v");
}

}  // namespace
}  // namespace hoering
