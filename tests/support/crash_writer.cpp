// crash_writer: the process the crash tests SIGKILL (tests/storage/
// crash_test.cpp, tests/server/app/views_crash_test.cpp), started by
// StartCrashWriter (crash_writer.h) with fork and exec. A forked copy of the
// test process would inherit its RocksDB thread pools without their threads,
// and a lock one of those threads held at the fork stays held in the copy for
// ever (a CI run hung in DB::Open that way); a fresh process image has none.
//
//   crash_writer append <store> <fd> <name>
//     Four threads append "Tick" events (512-byte blob) to the streams
//     crash-<name>-<thread>; each acknowledged position is written to file
//     descriptor <fd> as 8 bytes in host order.
//   crash_writer history <store> <seed>
//     A random consultation history (tests/support/random_history.h) through
//     a server App whose views are stored every 2,000 events.
//
// Both write until they are killed. Exit codes: 2 bad arguments, 3 the store
// did not open, 4 an append or the App's start failed, 5 the pipe closed.
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "server/app/app.h"
#include "storage/rocksdb_event_store.h"
#include "storage/system_clock.h"
#include "tests/support/random_history.h"

namespace hoering {
namespace {

[[noreturn]] void AppendUntilKilled(const std::string& path, int fd, const std::string& name) {
  auto store = RocksDbEventStore::Open({.path = path});
  if (!store.ok()) _exit(3);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (std::uint64_t i = 0;; ++i) {
        AppendRequest r;
        r.stream = "crash-" + name + "-" + std::to_string(t);
        r.events.push_back({"Tick", 1, {{"i", i}, {"blob", std::string(512, 'c')}}});
        auto res = (*store)->Append(std::move(r));
        if (!res.ok()) _exit(4);
        std::uint64_t p = res->last_position;
        if (write(fd, &p, sizeof p) != sizeof p) _exit(5);
      }
    });
  }
  for (auto& t : threads) t.join();
  _exit(0);
}

[[noreturn]] void WriteHistoryUntilKilled(const std::string& path, std::uint64_t seed) {
  auto store = RocksDbEventStore::Open({.path = path});
  if (!store.ok()) _exit(3);
  http::MetricsRegistry metrics;
  app::App app(**store, metrics, SystemClockMs, app::AppOptions{.checkpoint_every = 2000});
  if (!app.Start().ok()) _exit(4);
  testdata::HistoryOptions options;
  options.events = 10'000'000;  // more than it can write before the kill
  options.seed = seed;
  (void)testdata::AppendRandomHistory(**store, options);
  _exit(0);
}

}  // namespace
}  // namespace hoering

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 4 && args[0] == "append")
    hoering::AppendUntilKilled(args[1], std::atoi(args[2].c_str()), args[3]);
  if (args.size() == 3 && args[0] == "history")
    hoering::WriteHistoryUntilKilled(args[1], std::strtoull(args[2].c_str(), nullptr, 10));
  return 2;
}
