// The one conformance suite every EventStore implementation passes
// (architecture.md §9, after Eventuous' Persistence.Base).
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <limits>
#include <set>
#include <thread>

#include "storage/memory_event_store.h"
#include "storage/rocksdb_event_store.h"
#include "tests/support/expect_error.h"
#include "tests/support/temp_dir.h"

namespace hoering {
namespace {

// Owns a store of one kind and whatever it needs (a temp dir).
struct MemoryFactory {
  std::unique_ptr<EventStore> Make() { return std::make_unique<MemoryEventStore>(); }
};
struct RocksDbFactory {
  testing::TempDir dir;
  std::unique_ptr<EventStore> Make() {
    auto store = RocksDbEventStore::Open({.path = dir.str()});
    EXPECT_TRUE(store.ok()) << store.status().detail();
    return std::move(store).value();
  }
};

AppendRequest Req(std::string stream, ExpectedVersion ev, int n = 1, std::string key = {},
                  std::string fingerprint = {}) {
  AppendRequest r;
  r.stream = std::move(stream);
  r.expected = ev;
  for (int i = 0; i < n; ++i) {
    r.events.push_back({"Thing", 1, {{"i", i}, {"text", "æøå"}}});
  }
  r.context.actor = {"tok_1", "admin", ""};
  r.context.correlation_id = "corr";
  r.context.idempotency_key = std::move(key);
  r.idempotency_fingerprint = std::move(fingerprint);
  return r;
}

// `r` is the store's refusal `refusal`, with its code and problem type.
void ExpectRefused(const Result<AppendResult>& r, Code code, const std::string& type,
                   AppendRefusal refusal) {
  testing::ExpectError(r, code, type);
  if (!r.ok()) EXPECT_EQ(RefusalOf(r.status()), refusal);
}

template <typename Factory>
class EventStoreConformance : public ::testing::Test {
 protected:
  void SetUp() override { store_ = factory_.Make(); }
  Factory factory_;
  std::unique_ptr<EventStore> store_;
};

using Implementations = ::testing::Types<MemoryFactory, RocksDbFactory>;
TYPED_TEST_SUITE(EventStoreConformance, Implementations);

TYPED_TEST(EventStoreConformance, EmptyStoreHasNoHead) {
  EXPECT_EQ(this->store_->Head().position, 0u);
  EXPECT_EQ(this->store_->StreamVersion("a"), 0u);
  EXPECT_TRUE(this->store_->ReadAll(1, 10)->empty());
  auto v = this->store_->Verify();
  EXPECT_TRUE(v.ok);
  EXPECT_EQ(v.checked, 0u);
}

TYPED_TEST(EventStoreConformance, VerifyReportsItsProgress) {
  ASSERT_TRUE(this->store_->Append(Req("a", ExpectedVersion::NoStream(), 7)).ok());
  std::vector<std::uint64_t> seen;
  VerifyProgress progress{3, [&](std::uint64_t checked) { seen.push_back(checked); }};
  auto v = this->store_->Verify(progress);
  EXPECT_TRUE(v.ok);
  EXPECT_EQ(v.checked, 7u);
  EXPECT_EQ(seen, (std::vector<std::uint64_t>{3, 6}));
}

TYPED_TEST(EventStoreConformance, AppendAssignsPositionsAndVersions) {
  auto r1 = this->store_->Append(Req("a", ExpectedVersion::NoStream(), 2));
  ASSERT_TRUE(r1.ok()) << r1.status().detail();
  EXPECT_EQ(r1->first_position, 1u);
  EXPECT_EQ(r1->last_position, 2u);
  EXPECT_EQ(r1->stream_version, 2u);
  auto r2 = this->store_->Append(Req("b", ExpectedVersion::Any()));
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->first_position, 3u);
  EXPECT_EQ(r2->stream_version, 1u);

  auto all = this->store_->ReadAll(1, 100);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[2].stream, "b");
  EXPECT_EQ((*all)[0].actor.token_id, "tok_1");
  EXPECT_EQ((*all)[0].data_json()["text"], "æøå");
  EXPECT_EQ((*all)[1].prev_hash, (*all)[0].hash);
  EXPECT_EQ(this->store_->Head().hash, (*all)[2].hash);
  EXPECT_EQ(r2->last_hash, (*all)[2].hash);
}

TYPED_TEST(EventStoreConformance, ReadStreamFromVersionWithLimit) {
  ASSERT_TRUE(this->store_->Append(Req("a", ExpectedVersion::Any(), 3)).ok());
  ASSERT_TRUE(this->store_->Append(Req("ab", ExpectedVersion::Any(), 1)).ok());
  ASSERT_TRUE(this->store_->Append(Req("a", ExpectedVersion::Any(), 2)).ok());
  auto s = this->store_->ReadStream("a", 2, 3);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->size(), 3u);
  EXPECT_EQ((*s)[0].stream_version, 2u);
  EXPECT_EQ((*s)[2].stream_version, 4u);
  EXPECT_EQ((*s)[2].position, 5u);  // the "ab" event took position 4
  EXPECT_EQ(this->store_->ReadStream("ab", 1, 10)->size(), 1u);
  EXPECT_TRUE(this->store_->ReadStream("missing", 1, 10)->empty());
  EXPECT_EQ(this->store_->StreamVersion("a"), 5u);
}

TYPED_TEST(EventStoreConformance, OptimisticConcurrencyConflictsWriteNothing) {
  ASSERT_TRUE(this->store_->Append(Req("a", ExpectedVersion::NoStream())).ok());
  auto again = this->store_->Append(Req("a", ExpectedVersion::NoStream()));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), Code::kWrongExpectedVersion);
  auto stale = this->store_->Append(Req("a", ExpectedVersion::Exact(0)));
  EXPECT_EQ(stale.status().code(), Code::kWrongExpectedVersion);
  auto ahead = this->store_->Append(Req("a", ExpectedVersion::Exact(7)));
  EXPECT_EQ(ahead.status().code(), Code::kWrongExpectedVersion);
  auto exact = this->store_->Append(Req("a", ExpectedVersion::Exact(1)));
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->stream_version, 2u);
  EXPECT_EQ(this->store_->Head().position, 2u);
}

TYPED_TEST(EventStoreConformance, IdempotentRetryReturnsFirstResult) {
  auto first = this->store_->Append(Req("a", ExpectedVersion::NoStream(), 2, "k1", "f"));
  ASSERT_TRUE(first.ok());
  // The retry would fail its expectation if it were written again.
  auto retry = this->store_->Append(Req("a", ExpectedVersion::NoStream(), 2, "k1", "f"));
  ASSERT_TRUE(retry.ok()) << retry.status().detail();
  EXPECT_TRUE(retry->duplicate);
  EXPECT_EQ(retry->first_position, first->first_position);
  EXPECT_EQ(retry->last_hash, first->last_hash);
  EXPECT_EQ(this->store_->Head().position, 2u);

  ExpectRefused(this->store_->Append(Req("a", ExpectedVersion::Any(), 1, "k1", "different")),
                Code::kUnprocessable, "idempotency-key-reused",
                AppendRefusal::kIdempotencyKeyReused);
  EXPECT_EQ(this->store_->Head().position, 2u);
}

TYPED_TEST(EventStoreConformance, AppendsPastTheirDeadlineWriteNothing) {
  auto first = Req("a", ExpectedVersion::NoStream(), 1, "k-deadline", "f");
  first.commit_before = std::numeric_limits<std::int64_t>::max();
  auto ok = this->store_->Append(first);
  ASSERT_TRUE(ok.ok()) << ok.status().detail();
  auto late = Req("b", ExpectedVersion::Any());
  late.commit_before = 1;  // long past
  ExpectRefused(this->store_->Append(late), Code::kConflict, "deadline-passed",
                AppendRefusal::kDeadlinePassed);
  EXPECT_EQ(this->store_->StreamVersion("b"), 0u);
  EXPECT_EQ(this->store_->Head().position, 1u);
  // A retry of the committed append after its deadline still gets its result.
  first.commit_before = 1;
  auto retry = this->store_->Append(first);
  ASSERT_TRUE(retry.ok());
  EXPECT_TRUE(retry->duplicate);
  EXPECT_EQ(retry->last_position, ok->last_position);
}

TYPED_TEST(EventStoreConformance, AnAppendDecidedOnAStreamThatMovedOnWritesNothing) {
  ASSERT_TRUE(this->store_->Append(Req("consultation", ExpectedVersion::NoStream())).ok());
  auto decided = Req("response", ExpectedVersion::NoStream());
  decided.decided_on = StreamAt{"consultation", 1};
  auto ok = this->store_->Append(decided);
  ASSERT_TRUE(ok.ok()) << ok.status().detail();

  ASSERT_TRUE(this->store_->Append(Req("consultation", ExpectedVersion::Exact(1))).ok());
  auto stale = Req("response-2", ExpectedVersion::NoStream());
  stale.decided_on = StreamAt{"consultation", 1};
  ExpectRefused(this->store_->Append(stale), Code::kWrongExpectedVersion, "decided-on-changed",
                AppendRefusal::kDecidedOnChanged);
  EXPECT_EQ(this->store_->StreamVersion("response-2"), 0u);
  EXPECT_EQ(this->store_->Head().position, 3u);

  // In commit order: a move queued first refuses the append queued after it.
  std::atomic<int> done{0};
  Result<AppendResult> moved = Status::Ok(), after = Status::Ok();
  auto again = Req("response-3", ExpectedVersion::NoStream());
  again.decided_on = StreamAt{"consultation", 2};
  this->store_->AppendAsync(Req("consultation", ExpectedVersion::Exact(2)),
                            [&](Result<AppendResult> r) {
                              moved = std::move(r);
                              ++done;
                            });
  this->store_->AppendAsync(again, [&](Result<AppendResult> r) {
    after = std::move(r);
    ++done;
  });
  while (done.load() < 2) std::this_thread::yield();
  ASSERT_TRUE(moved.ok());
  ExpectRefused(after, Code::kWrongExpectedVersion, "decided-on-changed",
                AppendRefusal::kDecidedOnChanged);
}

TYPED_TEST(EventStoreConformance, RejectsMalformedAppends) {
  EXPECT_EQ(this->store_->Append(Req("", ExpectedVersion::Any())).status().code(),
            Code::kInvalidArgument);
  EXPECT_EQ(this->store_->Append(Req("a", ExpectedVersion::Any(), 0)).status().code(),
            Code::kInvalidArgument);
  EXPECT_EQ(this->store_->Head().position, 0u);
}

TYPED_TEST(EventStoreConformance, GaplessUnderSixteenConcurrentWriters) {
  constexpr int kWriters = 16, kPerWriter = 40;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  std::mutex mu;
  std::set<std::uint64_t> acknowledged;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < kPerWriter; ++i) {
        // Half the writers share one stream with retries on conflict.
        std::string stream = w % 2 ? "shared" : "w" + std::to_string(w);
        for (;;) {
          auto expected = ExpectedVersion::Exact(this->store_->StreamVersion(stream));
          auto r = this->store_->Append(Req(stream, expected));
          if (r.ok()) {
            std::lock_guard lock(mu);
            acknowledged.insert(r->first_position);
            break;
          }
          if (r.status().code() != Code::kWrongExpectedVersion) {
            ++failures;
            break;
          }
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, 0);
  const std::uint64_t total = kWriters * kPerWriter;
  EXPECT_EQ(acknowledged.size(), total);
  EXPECT_EQ(*acknowledged.rbegin(), total);
  EXPECT_EQ(this->store_->Head().position, total);
  auto shared = this->store_->ReadStream("shared", 1, 10000);
  ASSERT_EQ(shared->size(), total / 2);
  for (std::size_t i = 0; i < shared->size(); ++i) EXPECT_EQ((*shared)[i].stream_version, i + 1);
  auto v = this->store_->Verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.checked, total);
}

TYPED_TEST(EventStoreConformance, ReadYourWritesFromCallback) {
  std::promise<bool> seen;
  this->store_->AppendAsync(Req("a", ExpectedVersion::Any()), [&](Result<AppendResult> r) {
    auto events = this->store_->ReadAll(r->first_position, 1);
    seen.set_value(r.ok() && events.ok() && events->size() == 1 &&
                   this->store_->Head().position >= r->last_position);
  });
  EXPECT_TRUE(seen.get_future().get());
}

TYPED_TEST(EventStoreConformance, CommitListenersSeeEveryEventInOrderBeforeAck) {
  std::mutex mu;
  std::vector<std::uint64_t> seen;
  this->store_->AddCommitListener([&](const std::vector<RecordedEvent>& batch) {
    std::lock_guard lock(mu);
    for (const auto& e : batch) seen.push_back(e.position);
  });
  for (int i = 0; i < 5; ++i) {
    auto r = this->store_->Append(Req("a", ExpectedVersion::Any(), 2));
    std::lock_guard lock(mu);
    ASSERT_FALSE(seen.empty());
    EXPECT_GE(seen.back(), r->last_position);
  }
  std::lock_guard lock(mu);
  ASSERT_EQ(seen.size(), 10u);
  for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], i + 1);
}

TYPED_TEST(EventStoreConformance, ABatchFoldersWritesAreStoredWithTheBatch) {
  std::mutex mu;
  std::vector<std::uint64_t> folded_from, stored_at;
  this->store_->SetBatchFolder(
      [&](const std::vector<RecordedEvent>& batch) -> std::optional<FoldedWrites> {
        std::lock_guard lock(mu);
        folded_from.push_back(batch.front().position);
        if (batch.front().stream == "skipped") return std::nullopt;
        const std::string at = std::to_string(batch.back().position);
        return FoldedWrites{{{"fold/at", at}, {"fold/" + batch.front().stream, at}}, [&, at] {
                              std::lock_guard stored(mu);
                              stored_at.push_back(std::stoull(at));
                            }};
      });
  auto first = this->store_->Append(Req("a", ExpectedVersion::Any(), 3));
  ASSERT_TRUE(first.ok());
  // Stored before the append was acknowledged, with the position it folded.
  EXPECT_EQ(this->store_->GetProjection("fold/at").value(), std::optional<std::string>("3"));
  EXPECT_EQ(this->store_->GetProjection("fold/a").value(), std::optional<std::string>("3"));
  ASSERT_TRUE(this->store_->Append(Req("skipped", ExpectedVersion::Any())).ok());
  EXPECT_EQ(this->store_->GetProjection("fold/at").value(), std::optional<std::string>("3"));
  EXPECT_FALSE(this->store_->GetProjection("fold/skipped").value().has_value());
  // A refused append writes nothing and folds nothing.
  ASSERT_FALSE(this->store_->Append(Req("a", ExpectedVersion::Exact(1))).ok());
  std::lock_guard lock(mu);
  EXPECT_EQ(folded_from, (std::vector<std::uint64_t>{1, 4}));
  EXPECT_EQ(stored_at, (std::vector<std::uint64_t>{3}));
}

TYPED_TEST(EventStoreConformance, WaitForPositionWakesOnCommit) {
  auto before = this->store_->WaitForPosition(0, std::chrono::milliseconds(10));
  EXPECT_EQ(before, 0u);
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ASSERT_TRUE(this->store_->Append(Req("a", ExpectedVersion::Any())).ok());
  });
  auto start = std::chrono::steady_clock::now();
  auto head = this->store_->WaitForPosition(0, std::chrono::seconds(10));
  EXPECT_EQ(head, 1u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  writer.join();
}

TYPED_TEST(EventStoreConformance, RecordedAtNeverGoesBackwards) {
  for (int i = 0; i < 20; ++i)
    ASSERT_TRUE(this->store_->Append(Req("a", ExpectedVersion::Any())).ok());
  auto all = this->store_->ReadAll(1, 100);
  for (std::size_t i = 1; i < all->size(); ++i) {
    EXPECT_LE((*all)[i - 1].recorded_at_ms, (*all)[i].recorded_at_ms);
  }
  EXPECT_GT((*all)[0].recorded_at_ms, 1'600'000'000'000);
}

TYPED_TEST(EventStoreConformance, LocalStateIsAKeyValueSpaceOutsideTheLog) {
  EventStore& store = *this->store_;
  ASSERT_TRUE(store.PutLocal("session/b", "2").ok());
  ASSERT_TRUE(store.PutLocal("session/a", "1").ok());
  ASSERT_TRUE(store.PutLocal("draft/x", "d").ok());
  EXPECT_EQ(store.GetLocal("session/a")->value_or(""), "1");
  EXPECT_FALSE(store.GetLocal("session/c")->has_value());
  auto scan = store.ScanLocal("session/", "", 10);
  ASSERT_TRUE(scan.ok());
  ASSERT_EQ(scan->size(), 2u);
  EXPECT_EQ((*scan)[0].first, "session/a");
  EXPECT_EQ(store.ScanLocal("session/", "session/a", 10)->size(), 1u);
  EXPECT_EQ(store.ScanLocal("session/", "", 1)->size(), 1u);
  ASSERT_TRUE(store.DeleteLocal("session/a").ok());
  ASSERT_TRUE(store.DeleteLocal("session/none").ok());
  EXPECT_FALSE(store.GetLocal("session/a")->has_value());
  // Not events, not projections.
  EXPECT_EQ(store.Head().position, 0u);
  EXPECT_TRUE(store.ScanProjections("", "", 10)->empty());
  EXPECT_TRUE(store.Verify().ok);
}

}  // namespace
}  // namespace hoering
