// random_history_dump: prints the history AppendRandomHistory writes for a
// seed and size, one event a line ("<stream>\t<type>\t<schema>\t<data>", in
// log order, on a MemoryEventStore, which appends in call order), followed by
// the stats. For checking that a change to the generator leaves its output
// byte for byte the same:
//   random_history_dump 1 100000 | sha256sum   (before and after)
// Usage: random_history_dump [seed=1] [events=20000] [damaged=1]
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

#include "storage/memory_event_store.h"
#include "tests/support/random_history.h"

int main(int argc, char** argv) {
  using namespace hoering;
  testdata::HistoryOptions options;
  options.seed = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1;
  options.events = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 20000;
  options.damaged = argc > 3 ? std::string(argv[3]) != "0" : true;
  MemoryEventStore store;
  auto stats = testdata::AppendRandomHistory(store, options);
  if (!stats.ok()) {
    std::cerr << "AppendRandomHistory: " << stats.status().detail() << "\n";
    return 1;
  }
  for (std::uint64_t from = 1;;) {
    auto batch = store.ReadAll(from, 10000);
    if (!batch.ok()) {
      std::cerr << "ReadAll: " << batch.status().detail() << "\n";
      return 1;
    }
    if (batch->empty()) break;
    from = batch->back().position + 1;
    for (const auto& e : *batch) {
      std::cout << e.stream << '\t' << e.type << '\t' << e.schema_version << '\t' << e.data << '\n';
    }
  }
  std::cout << "events " << stats->events << " appends " << stats->appends << '\n';
  for (const auto& [type, n] : stats->by_type) std::cout << type << ' ' << n << '\n';
  return 0;
}
