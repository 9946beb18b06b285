// Fault test for the read views: a child process (tests/support/
// crash_writer.cpp, "history") writes a random consultation history through a
// server App (so the response index and the in-memory
// views follow every commit, and their snapshot is stored every 2,000
// events) and is SIGKILLed at a random moment. After each kill the store
// reopens, the views start from what was stored and fold the tail, stand at
// the log's head, and equal a rebuild from position 1 (views and index).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>
#include <thread>

#include "server/app/app.h"
#include "storage/rocksdb_event_store.h"
#include "tests/support/crash_writer.h"
#include "tests/support/temp_dir.h"

namespace hoering::app {
namespace {

TEST(ViewsCrash, AfterEachKillTheViewsStandAtTheHeadAndEqualARebuild) {
  std::mt19937 rng(std::random_device{}());
  for (int round = 0; round < 4; ++round) {
    testing::TempDir dir;
    const std::string path = dir.str() + "/store";
    const pid_t pid = testing::StartCrashWriter({"history", path, std::to_string(100 + round)});
    ASSERT_GE(pid, 0);
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution<int>(400, 1500)(rng)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "round " << round << ": the writer ended by itself";

    auto store = RocksDbEventStore::Open({.path = path});
    ASSERT_TRUE(store.ok()) << store.status().detail();
    ASSERT_TRUE((*store)->Verify().ok) << "round " << round;
    const std::uint64_t head = (*store)->Head().position;
    ReadViews views(**store);
    auto start = views.Start(true);
    ASSERT_TRUE(start.ok()) << start.status().detail();
    EXPECT_EQ(views.position(), head) << "round " << round;
    EXPECT_LE(start->replayed, head);
    auto rebuild = views.Rebuild();
    ASSERT_TRUE(rebuild.ok()) << rebuild.status().detail();
    EXPECT_TRUE(rebuild->identical) << "round " << round << ": " << rebuild->first_difference;
    EXPECT_EQ(rebuild->position, head);
  }
}

}  // namespace
}  // namespace hoering::app
