#include "server/app/verify_job.h"

namespace hoering::app {

bool VerifyJob::Start(AppContext& ctx) {
  {
    std::lock_guard lock(shared_->mu);
    VerifyJobState& s = shared_->state;
    if (s.running) return false;
    s.running = true;
    ++s.runs;
    s.target = ctx.log.Head().position;
    s.checked = 0;
    s.started_at = ctx.clock();
    s.finished_at = 0;
  }
  ctx.run_blocking([&ctx, shared = shared_] {
    VerifyProgress progress{kProgressEvery, [&shared](std::uint64_t checked) {
                              std::lock_guard lock(shared->mu);
                              shared->state.checked = checked;
                            }};
    VerifyReport report = ctx.log.Verify(progress);
    std::lock_guard lock(shared->mu);
    shared->state.checked = report.checked;
    shared->state.report = std::move(report);
    shared->state.finished_at = ctx.clock();
    shared->state.running = false;
  });
  return true;
}

VerifyJobState VerifyJob::Snapshot() const {
  std::lock_guard lock(shared_->mu);
  return shared_->state;
}

}  // namespace hoering::app
