// The secretariat's pages that count a consultation's responses (issue 15)
// over the world of bench/inbox/world.h (10,000 responses, 50,000 points),
// over HTTP with the admin session: BM_ManagePage/<case> whole answer
// p50/p99 in ms and the page size.
//   start          /manage: every consultation with responses received and
//                  points still without a disposition
//   consultation   /manage/consultations/big: the counts, invited parties
//                  and the two charts
#include "bench/inbox/world.h"

namespace hoering::testing {
namespace {

void BM_ManagePage(benchmark::State& state, std::string target) {
  TimePage(state, target, true);
}

BENCHMARK_CAPTURE(BM_ManagePage, start, std::string("/manage"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ManagePage, consultation, std::string("/manage/consultations/big"))
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hoering::testing
