// Server-wide state shared by the listener, the sessions and HttpServer: the
// set of live sessions (for graceful drain), the "stopping" flag, and the
// lifeline that lets threads outside the server post work into its
// io_context only while that io_context exists.
//
// Ownership: the registry owns live sessions (strong references) from
// accept until the session closes, so a session waiting for a handler's
// answer stays alive although no I/O is pending. Handlers' responders hold
// only weak references plus a shared_ptr to the registry.
//
// Thread safety: every method may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

namespace hoering::http {

class Session;

class SessionRegistry {
 public:
  void Add(std::shared_ptr<Session> session);
  // Idempotent. Wakes WaitEmpty().
  void Remove(const Session* session);
  std::vector<std::shared_ptr<Session>> Snapshot() const;
  std::size_t size() const;
  // True once no session remains, false if `deadline` passed first.
  bool WaitEmpty(std::chrono::steady_clock::time_point deadline);
  // Drops every remaining session (after the io threads have stopped).
  void Clear();

  void BeginStopping() { stopping_.store(true); }
  bool stopping() const { return stopping_.load(); }

  // Runs post(fn) while the io_context is alive; returns false (and does not
  // call post) once Kill() ran.
  template <typename PostFn>
  bool PostIfAlive(PostFn&& post) {
    std::shared_lock lock(life_mu_);
    if (!alive_) return false;
    post();
    return true;
  }
  // REQUIRES: called before the io_context is destroyed. Waits for posts in flight.
  void Kill() {
    std::unique_lock lock(life_mu_);
    alive_ = false;
  }

 private:
  mutable std::mutex mu_;
  std::condition_variable empty_cv_;
  std::unordered_map<const Session*, std::shared_ptr<Session>> sessions_;  // GUARDED_BY(mu_)
  std::atomic<bool> stopping_{false};
  std::shared_mutex life_mu_;
  bool alive_ = true;  // GUARDED_BY(life_mu_)
};

}  // namespace hoering::http
