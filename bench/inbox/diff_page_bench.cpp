// The diff page (/agreements/{id}/diff, issue 15) of the 1,000-section text
// of bench/inbox/world.h between its two versions (200 sections edited by
// 20 change sets citing 100 points of the 10,000 responses), over HTTP:
// BM_DiffPage/<case> whole answer p50/p99 in ms and the page size.
//   public          page 1, as an anonymous reader (no "why" column)
//   why             page 1, with the admin session: change sets, rationale
//                   and cited points per changed section
//   why_side_last   the last page, side by side, with the "why" column
// Target (issue 15): paged, never the whole set in one page; p50/p99 reported.
#include "bench/inbox/world.h"

namespace hoering::testing {
namespace {

void BM_DiffPage(benchmark::State& state, std::string query, bool signed_in) {
  TimePage(state, "/agreements/sa/diff?from=1&to=2" + query, signed_in);
}

BENCHMARK_CAPTURE(BM_DiffPage, public, std::string(), false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DiffPage, why, std::string(), true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DiffPage, why_side_last, std::string("&view=side&page=10"), true)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hoering::testing
