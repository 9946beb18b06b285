// One-shot wake-ups on new commits, for live tails (SSE). Waiters registered
// with Once() run (on the completion thread, so they must be quick and must not
// block) at the next Notify(). Thread-safe.
#pragma once

#include <functional>
#include <mutex>
#include <vector>

namespace hoering::app {

class CommitNotifier {
 public:
  void Once(std::function<void()> waiter) {
    std::lock_guard lock(mu_);
    waiters_.push_back(std::move(waiter));
  }
  void Notify() {
    std::vector<std::function<void()>> ready;
    {
      std::lock_guard lock(mu_);
      ready.swap(waiters_);
    }
    for (auto& w : ready) w();
  }

 private:
  std::mutex mu_;
  std::vector<std::function<void()>> waiters_;  // GUARDED_BY(mu_)
};

}  // namespace hoering::app
