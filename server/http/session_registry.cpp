#include "server/http/session_registry.h"

#include "server/http/session.h"

namespace hoering::http {

void SessionRegistry::Add(std::shared_ptr<Session> session) {
  std::lock_guard lock(mu_);
  const Session* key = session.get();
  sessions_.emplace(key, std::move(session));
}

void SessionRegistry::Remove(const Session* session) {
  std::shared_ptr<Session> dropped;  // destroyed outside the lock
  {
    std::lock_guard lock(mu_);
    auto it = sessions_.find(session);
    if (it == sessions_.end()) return;
    dropped = std::move(it->second);
    sessions_.erase(it);
  }
  empty_cv_.notify_all();
}

std::vector<std::shared_ptr<Session>> SessionRegistry::Snapshot() const {
  std::lock_guard lock(mu_);
  std::vector<std::shared_ptr<Session>> out;
  out.reserve(sessions_.size());
  for (const auto& [key, s] : sessions_) out.push_back(s);
  return out;
}

std::size_t SessionRegistry::size() const {
  std::lock_guard lock(mu_);
  return sessions_.size();
}

bool SessionRegistry::WaitEmpty(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mu_);
  return empty_cv_.wait_until(lock, deadline, [this] { return sessions_.empty(); });
}

void SessionRegistry::Clear() {
  std::unordered_map<const Session*, std::shared_ptr<Session>> dropped;
  {
    std::lock_guard lock(mu_);
    dropped.swap(sessions_);
  }
  empty_cv_.notify_all();
}

}  // namespace hoering::http
