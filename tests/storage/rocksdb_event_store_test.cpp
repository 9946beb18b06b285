// RocksDB-specific behaviour: persistence across reopen, tamper detection.
#include "storage/rocksdb_event_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

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

// The commit thread writes the next batches while a batch's listeners run
// (storage/rocksdb_event_store.h): they are durable and readable, but Head()
// and the acknowledgements wait, in order, for the listener.
TEST(RocksDbEventStore, BatchesWrittenBehindASlowListenerWaitForItInOrder) {
  testing::TempDir dir;
  auto opened = RocksDbEventStore::Open({.path = dir.str()});
  ASSERT_TRUE(opened.ok());
  RocksDbEventStore& store = **opened;
  std::promise<void> listening, release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> batches{0};
  store.AddCommitListener([&](const std::vector<RecordedEvent>&) {
    if (batches.fetch_add(1) == 0) {
      listening.set_value();
      released.wait();
    }
  });
  std::mutex mu;
  std::vector<std::uint64_t> acked;
  auto append = [&](std::string stream) {
    store.AppendAsync(Req(std::move(stream)), [&](Result<AppendResult> r) {
      ASSERT_TRUE(r.ok());
      std::lock_guard lock(mu);
      acked.push_back(r->last_position);
    });
  };
  append("first");
  listening.get_future().wait();  // the first batch's listener holds on
  append("second");
  append("third");
  // The later appends are written meanwhile...
  for (int i = 0; i < 500 && store.StreamVersion("third") == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(store.StreamVersion("third"), 1u);
  EXPECT_EQ(store.ReadStream("second", 1, 10)->size(), 1u);
  // ...but not acknowledged, and the head stays at the first batch.
  EXPECT_EQ(store.Head().position, 1u);
  {
    std::lock_guard lock(mu);
    EXPECT_TRUE(acked.empty());
  }
  release.set_value();
  EXPECT_EQ(store.WaitForPosition(2, std::chrono::seconds(10)), 3u);
  for (int i = 0; i < 500; ++i) {
    {
      std::lock_guard lock(mu);
      if (acked.size() == 3) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::lock_guard lock(mu);
  EXPECT_EQ(acked, (std::vector<std::uint64_t>{1, 2, 3}));
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
  // The same value lent without a copy (a blob file's, past 64 KiB).
  const std::string large(200000, 's');
  ASSERT_TRUE((*store)->PutProjection("p/large", large).ok());
  for (const auto& [key, want] :
       {std::pair<std::string, std::string>{"p/checkpoint", "42"}, {"p/large", large}}) {
    auto lent = (*store)->GetSelfCheckedProjection(key);
    ASSERT_TRUE(lent.ok() && lent->has_value()) << key;
    EXPECT_EQ((*lent)->bytes, want) << key;
  }
  EXPECT_FALSE((*store)->GetSelfCheckedProjection("other")->has_value());
}

std::size_t TableFiles(const std::string& dir) {
  std::size_t n = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir))
    n += f.path().extension() == ".sst";
  return n;
}

// Deferred compactions leave flushed tables alone until resumed; then the
// level-0 tables (RocksDB compacts from four on) are merged. Every table
// holds the same keys, so the compaction cannot just move them down.
TEST(RocksDbEventStore, DeferredCompactionsWaitForResume) {
  testing::TempDir dir;
  auto store = RocksDbEventStore::Open({.path = dir.str(), .defer_compactions = true});
  ASSERT_TRUE(store.ok());
  for (int round = 0; round < 6; ++round) {
    std::vector<ProjectionWrite> writes;
    for (char key = 'a'; key <= 'z'; ++key) {
      writes.push_back({std::string("p/") + key, "value " + std::to_string(round)});
    }
    ASSERT_TRUE((*store)->WriteProjections(writes).ok());
    // PutProjection flushes the memtable: one table per round.
    ASSERT_TRUE((*store)->PutProjection("p/round", std::to_string(round)).ok());
  }
  const std::size_t flushed = TableFiles(dir.str());
  ASSERT_GE(flushed, 6u);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(TableFiles(dir.str()), flushed) << "a compaction ran before ResumeCompactions()";
  ASSERT_TRUE((*store)->ResumeCompactions().ok());
  ASSERT_TRUE((*store)->ResumeCompactions().ok());  // idempotent
  for (int waited = 0; waited < 200 && TableFiles(dir.str()) >= flushed; ++waited) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_LT(TableFiles(dir.str()), flushed);
  EXPECT_EQ((*store)->GetProjection("p/q")->value_or(""), "value 5");
  EXPECT_EQ((*store)->GetProjection("p/round")->value_or(""), "5");
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
