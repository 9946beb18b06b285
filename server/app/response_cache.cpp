#include "server/app/response_cache.h"

#include "domain/consultations/response_events.h"
#include "server/app/response_loader.h"

namespace hoering::app {

namespace cs = consultations;

ResponseCache::ResponseCache(const EventLog& log, std::size_t budget_bytes)
    : log_(log), budget_(budget_bytes) {}

Result<std::shared_ptr<const cs::ResponseState>> ResponseCache::Load(const std::string& id) {
  const std::uint64_t head = log_.StreamVersion(cs::ResponseStream(id));
  {
    std::lock_guard lock(mu_);
    if (auto it = by_id_.find(id); it != by_id_.end() && it->second->version == head) {
      order_.splice(order_.begin(), order_, it->second);
      ++hits_;
      return it->second->state;
    }
    ++misses_;
  }
  std::size_t bytes = 0;
  auto state = LoadResponse(log_, id, &bytes);
  if (state.ok()) Keep(id, *state, bytes + kEntryOverhead);
  return state;
}

void ResponseCache::Keep(const std::string& id, std::shared_ptr<const cs::ResponseState> state,
                         std::size_t bytes) {
  if (bytes > budget_ / 8) return;
  std::lock_guard lock(mu_);
  if (auto it = by_id_.find(id); it != by_id_.end()) {
    // Another reader may have folded a later version meanwhile: keep the later.
    if (it->second->version >= state->version()) return;
    bytes_ -= it->second->bytes;
    order_.erase(it->second);
    by_id_.erase(it);
  }
  const std::uint64_t version = state->version();
  order_.push_front(Entry{id, version, bytes, std::move(state)});
  by_id_.emplace(order_.front().id, order_.begin());
  bytes_ += bytes;
  while (bytes_ > budget_ && !order_.empty()) {
    bytes_ -= order_.back().bytes;
    by_id_.erase(order_.back().id);
    order_.pop_back();
  }
}

ResponseCache::Stats ResponseCache::stats() const {
  std::lock_guard lock(mu_);
  return Stats{hits_, misses_, order_.size(), bytes_};
}

}  // namespace hoering::app
