// One chain verification at a time, shared by every reader of the audit
// verify page (/audit/verify): Start() begins a job on the blocking pool
// unless one is running; Snapshot() tells where it stands. The check is the
// store's Verify(), the same as GET /v1/verify and hoering-server --verify.
//
// Progress: the head position when the job began (the events it will check,
// `target`), the events checked so far (`checked`, updated by the store's
// Verify() every kProgressEvery events), when it began and how long it has
// run. The finished report (checked, head, first bad position and problem)
// replaces it.
//
// Thread-safe. The job runs on AppContext::run_blocking, never on an I/O
// thread; App::Shutdown() waits for the pool, so a server shutting down
// finishes the running check before the store closes (the job keeps its
// state alive through a shared pointer).
#pragma once

#include <memory>
#include <mutex>
#include <optional>

#include "domain/time.h"
#include "server/app/app_context.h"

namespace hoering::app {

struct VerifyJobState {
  bool running = false;
  std::uint64_t runs = 0;              // jobs started since the server started
  std::uint64_t target = 0;            // head position when the running/last job began
  std::uint64_t checked = 0;           // events checked so far by the running/last job
  TimeMs started_at = 0;               // 0: never started
  TimeMs finished_at = 0;              // 0: running or never run
  std::optional<VerifyReport> report;  // the last finished job's
};

class VerifyJob {
 public:
  static constexpr std::uint64_t kProgressEvery = 4096;

  // Starts a job unless one is running; true when this call started it.
  bool Start(AppContext& ctx);
  VerifyJobState Snapshot() const;

 private:
  struct Shared {
    mutable std::mutex mu;
    VerifyJobState state;  // GUARDED_BY(mu)
  };
  std::shared_ptr<Shared> shared_ = std::make_shared<Shared>();
};

}  // namespace hoering::app
