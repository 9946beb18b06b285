#include "server/app/response_cache.h"

#include "domain/consultations/response_events.h"
#include "server/app/response_loader.h"

namespace hoering::app {

namespace cs = consultations;

ResponseCache::ResponseCache(const EventLog& log, std::size_t budget_bytes)
    : log_(log), kept_(budget_bytes) {}

Result<std::shared_ptr<const cs::ResponseState>> ResponseCache::Load(const std::string& id) {
  const std::uint64_t head = log_.StreamVersion(cs::ResponseStream(id));
  {
    std::lock_guard lock(mu_);
    if (const Entry* e = kept_.Peek(id); e != nullptr && e->version == head) {
      ++hits_;
      return kept_.Touch(id)->state;
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
  if (bytes > kept_.budget() / 8) return;
  std::lock_guard lock(mu_);
  // Another reader may have folded a later version meanwhile: keep the later.
  if (const Entry* e = kept_.Peek(id); e != nullptr && e->version >= state->version()) return;
  const std::uint64_t version = state->version();
  kept_.Put(id, Entry{version, std::move(state)}, bytes);
}

ResponseCache::Stats ResponseCache::stats() const {
  std::lock_guard lock(mu_);
  return Stats{hits_, misses_, kept_.size(), kept_.bytes()};
}

}  // namespace hoering::app
