// The command service against both stores: deciding again on a conflict,
// refusing it under If-Match semantics, deadlines, cross-stream conditions,
// idempotent replays (also of concurrent duplicates) and nothing to write.
#include "server/commands/command_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <set>
#include <thread>

#include "storage/memory_event_store.h"
#include "storage/rocksdb_event_store.h"
#include "tests/support/temp_dir.h"

namespace hoering::commands {
namespace {

struct MemoryFactory {
  std::unique_ptr<EventStore> Make(std::function<std::int64_t()> clock) {
    return std::make_unique<MemoryEventStore>(std::move(clock));
  }
};
struct RocksDbFactory {
  testing::TempDir dir;
  std::unique_ptr<EventStore> Make(std::function<std::int64_t()> clock) {
    auto store = RocksDbEventStore::Open({.path = dir.str(), .clock = std::move(clock)});
    if (!store.ok()) throw std::runtime_error(store.status().detail());
    return std::move(store).value();
  }
};

NewEvent Event(const std::string& type, nlohmann::json data = nlohmann::json::object()) {
  return {type, 1, std::move(data), {}};
}

template <typename Factory>
class CommandServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = factory_.Make([this] { return now_.load(); });
    service_ = std::make_unique<CommandService>(*store_);
  }
  Result<Written> Run(Decide decide, CommandMeta meta = {}) {
    return service_->ExecuteAndWait(std::move(meta), std::move(decide));
  }
  // Runs `decide` under OnConflict::kRefuse (If-Match semantics).
  Result<Written> RunRefusing(Decide decide) {
    CommandMeta meta;
    meta.on_conflict = OnConflict::kRefuse;
    return Run(std::move(decide), std::move(meta));
  }
  // Appends one event to `stream` whatever its version.
  void Touch(const std::string& stream) {
    ASSERT_TRUE(Run([stream] {
                  return Result<Command>(Command{stream, ExpectedVersion::Any(), {Event("T")}});
                }).ok());
  }

  std::atomic<std::int64_t> now_{1000};
  Factory factory_;
  std::unique_ptr<EventStore> store_;
  std::unique_ptr<CommandService> service_;
};

using Stores = ::testing::Types<MemoryFactory, RocksDbFactory>;
TYPED_TEST_SUITE(CommandServiceTest, Stores);

TYPED_TEST(CommandServiceTest, AppendsWhatWasDecidedWithTheMeta) {
  CommandMeta meta;
  meta.actor = {"t1", "secretariat", ""};
  meta.correlation_id = "c-1";
  auto w = this->Run(
      [] {
        return Result<Command>(
            Command{"s", ExpectedVersion::NoStream(), {Event("A", {{"n", 1}}), Event("B")}});
      },
      meta);
  ASSERT_TRUE(w.ok()) << w.status().detail();
  EXPECT_EQ(w->result.first_position, 1u);
  EXPECT_EQ(w->result.last_position, 2u);
  EXPECT_EQ(w->events.size(), 2u);
  EXPECT_FALSE(w->replayed);
  auto stored = this->store_->ReadAll(1, 10);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ((*stored)[0].actor, meta.actor);
  EXPECT_EQ((*stored)[1].correlation_id, "c-1");
}

TYPED_TEST(CommandServiceTest, AConflictIsDecidedAgainOnTheFresherState) {
  this->Touch("s");
  int decisions = 0;
  // The first decision reads version 0 (stale), the second the real one.
  auto w = this->Run([&]() -> Result<Command> {
    const std::uint64_t seen = decisions++ == 0 ? 0 : this->store_->StreamVersion("s");
    return Command{"s", ExpectedVersion::Exact(seen), {Event("E")}};
  });
  ASSERT_TRUE(w.ok()) << w.status().detail();
  EXPECT_EQ(decisions, 2);
  EXPECT_EQ(w->result.stream_version, 2u);
}

TYPED_TEST(CommandServiceTest, UnderRefuseTheConflictIsTheAnswer) {
  this->Touch("s");
  int decisions = 0;
  auto w = this->RunRefusing([&]() -> Result<Command> {
    ++decisions;
    Command c{"s", ExpectedVersion::Exact(0), {Event("E")}};
    c.on_conflict = AlreadyExists("not this one");  // only when deciding again ran out
    return c;
  });
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(decisions, 1);
  EXPECT_EQ(w.status().code(), Code::kWrongExpectedVersion);
  EXPECT_EQ(this->store_->Head().position, 1u);
}

TYPED_TEST(CommandServiceTest, AttemptsRunOutIntoTheCommandsConflictAnswer) {
  this->Touch("s");
  int decisions = 0;
  auto w = this->Run([&]() -> Result<Command> {
    ++decisions;
    Command c{"s", ExpectedVersion::NoStream(), {Event("E")}};
    c.on_conflict = AlreadyExists("s exists", "s-exists");
    return c;
  });
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().type(), "s-exists");
  EXPECT_EQ(decisions, CommandService::kMaxAttempts);
}

TYPED_TEST(CommandServiceTest, ADeadlinePassedAtCommitIsTheCommandsDeadlineAnswer) {
  this->now_ = 5000;
  auto w = this->Run([]() -> Result<Command> {
    Command c{"r", ExpectedVersion::NoStream(), {Event("Submitted")}};
    c.commit_before = 5000;
    c.on_deadline = Conflict("closed", "consultation-closed");
    return c;
  });
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().type(), "consultation-closed");
  EXPECT_EQ(this->store_->Head().position, 0u);
  this->now_ = 4999;
  EXPECT_TRUE(this->Run([]() -> Result<Command> {
                    Command c{"r", ExpectedVersion::NoStream(), {Event("Submitted")}};
                    c.commit_before = 5000;
                    return c;
                  })
                  .ok());
}

TYPED_TEST(CommandServiceTest, AStreamReadThatMovedOnIsDecidedAgainEvenUnderRefuse) {
  this->Touch("consultation");
  int decisions = 0;
  auto w = this->RunRefusing([&]() -> Result<Command> {
    // The first decision read the consultation before it moved on.
    const std::uint64_t read = decisions++ == 0 ? 0 : this->store_->StreamVersion("consultation");
    Command c{"r", ExpectedVersion::NoStream(), {Event("Submitted")}};
    c.decided_on = StreamAt{"consultation", read};
    return c;
  });
  ASSERT_TRUE(w.ok()) << w.status().detail();
  EXPECT_EQ(decisions, 2);
}

TYPED_TEST(CommandServiceTest, AKeyAlreadyCommittedIsReplayedWithoutDeciding) {
  CommandMeta meta;
  meta.idempotency = IdempotencyKey::For("token-1", "k", "POST /x", "{}");
  int decisions = 0;
  Decide decide = [&]() -> Result<Command> {
    ++decisions;
    return Command{"s-" + std::to_string(decisions),
                   ExpectedVersion::NoStream(),
                   {Event("E", {{"decision", decisions}})}};
  };
  auto first = this->Run(decide, meta);
  ASSERT_TRUE(first.ok());
  auto again = this->Run(decide, meta);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(decisions, 1);
  EXPECT_TRUE(again->replayed);
  EXPECT_TRUE(again->result.duplicate);
  EXPECT_EQ(again->result.last_position, first->result.last_position);
  ASSERT_EQ(again->events.size(), 1u);
  EXPECT_EQ(again->events[0].data["decision"], 1);
  EXPECT_EQ(this->store_->Head().position, 1u);
  // The same key for another request.
  meta.idempotency = IdempotencyKey::For("token-1", "k", "POST /x", "{\"other\":1}");
  auto reused = this->Run(decide, meta);
  ASSERT_FALSE(reused.ok());
  EXPECT_EQ(reused.status().type(), "idempotency-key-reused");
  // Scoped to the caller: another token's same key is a new request.
  meta.idempotency = IdempotencyKey::For("token-2", "k", "POST /x", "{}");
  auto other = this->Run(decide, meta);
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->replayed);
}

TYPED_TEST(CommandServiceTest, ConcurrentDuplicatesGetTheFirstAnswer) {
  CommandMeta meta;
  meta.idempotency = IdempotencyKey::For("t", "same", "POST /x", "{}");
  std::atomic<int> decisions{0};
  Decide decide = [&]() -> Result<Command> {
    const int n = ++decisions;
    return Command{"stream-" + std::to_string(n),
                   ExpectedVersion::NoStream(),
                   {Event("E", {{"decision", n}})}};
  };
  std::vector<std::future<Result<Written>>> all;
  for (int i = 0; i < 8; ++i) {
    all.push_back(std::async(std::launch::async, [&] { return this->Run(decide, meta); }));
  }
  std::set<std::uint64_t> positions;
  std::set<int> answered;
  for (auto& f : all) {
    auto w = f.get();
    ASSERT_TRUE(w.ok()) << w.status().detail();
    positions.insert(w->result.last_position);
    answered.insert(w->events.at(0).data["decision"].get<int>());
  }
  EXPECT_EQ(positions.size(), 1u);
  EXPECT_EQ(answered.size(), 1u);
  EXPECT_EQ(this->store_->Head().position, 1u);
}

TYPED_TEST(CommandServiceTest, NothingToWriteAndRefusalsWriteNothing) {
  auto nothing = this->Run([] { return Result<Command>(Command{}); });
  ASSERT_TRUE(nothing.ok());
  EXPECT_TRUE(nothing->events.empty());
  auto refused = this->Run([] { return Result<Command>(Unprocessable("no", "rule")); });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().type(), "rule");
  auto threw = this->Run([]() -> Result<Command> { throw std::runtime_error("bug"); });
  ASSERT_FALSE(threw.ok());
  EXPECT_EQ(threw.status().code(), Code::kInternal);
  EXPECT_EQ(this->store_->Head().position, 0u);
}

}  // namespace
}  // namespace hoering::commands
