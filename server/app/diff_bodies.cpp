#include "server/app/diff_bodies.h"

#include <utility>

namespace hoering::app {

DiffBodies::DiffBodies(std::size_t budget_bytes) : kept_(budget_bytes) {}

std::shared_ptr<const std::string> DiffBodies::Find(const std::string& key) {
  std::lock_guard lock(mu_);
  if (const Body* body = kept_.Touch(key)) {
    ++hits_;
    return *body;
  }
  ++misses_;
  return nullptr;
}

void DiffBodies::Keep(const std::string& key, std::shared_ptr<const std::string> body) {
  if (!body) return;
  const std::size_t cost = body->size() + key.size() + 64;
  std::lock_guard lock(mu_);
  kept_.Put(key, std::move(body), cost);
}

DiffBodies::Stats DiffBodies::stats() const {
  std::lock_guard lock(mu_);
  return Stats{kept_.bytes(), hits_, misses_};
}

}  // namespace hoering::app
