// Fault test: a child process (tests/support/crash_writer.cpp, "append")
// appends from four threads and reports every acknowledged position through a
// pipe; it is SIGKILLed at a random moment.
// After each kill the store reopens with every acknowledged event present,
// gapless positions, and a chain that verifies. 20 rounds on one store.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>
#include <thread>

#include "storage/rocksdb_event_store.h"
#include "tests/support/crash_writer.h"
#include "tests/support/temp_dir.h"

namespace hoering {
namespace {

TEST(CrashRecovery, KilledWritersLoseNoAcknowledgedEvent) {
  testing::TempDir dir;
  std::mt19937 rng(std::random_device{}());
  std::uint64_t total_acknowledged = 0;
  for (int round = 0; round < 20; ++round) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);  // the writer keeps only the write end
    const pid_t pid = testing::StartCrashWriter(
        {"append", dir.str(), std::to_string(fds[1]), std::to_string(round)});
    ASSERT_GE(pid, 0);
    close(fds[1]);
    // The kill comes 30-250 ms after the first acknowledgement, not after the
    // start: on a loaded machine opening the store alone can take that long.
    std::vector<std::uint64_t> acked;
    std::uint64_t p;
    if (read(fds[0], &p, sizeof p) == sizeof p) acked.push_back(p);
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution<int>(30, 250)(rng)));
    kill(pid, SIGKILL);
    while (read(fds[0], &p, sizeof p) == sizeof p) acked.push_back(p);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer exited early with " << WEXITSTATUS(status);

    auto store = RocksDbEventStore::Open({.path = dir.str()});
    ASSERT_TRUE(store.ok()) << store.status().detail();
    const std::uint64_t head = (*store)->Head().position;
    for (std::uint64_t a : acked)
      ASSERT_LE(a, head) << "acknowledged position lost, round " << round;
    auto report = (*store)->Verify();
    ASSERT_TRUE(report.ok) << "round " << round << ": " << report.problem;
    ASSERT_EQ(report.checked, head);
    total_acknowledged += acked.size();
  }
  EXPECT_GE(total_acknowledged, 20u);  // at least one per round
}

}  // namespace
}  // namespace hoering
