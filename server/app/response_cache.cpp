#include "server/app/response_cache.h"

#include <string_view>

#include "domain/consultations/response_events.h"
#include "server/app/response_loader.h"

namespace hoering::app {

namespace cs = consultations;

ResponseCache::ResponseCache(const EventLog& log, std::size_t budget_bytes)
    : log_(log), kept_(budget_bytes) {}

std::size_t ResponseCache::BucketOf(std::string_view id) {
  return std::hash<std::string_view>{}(id) % kBuckets;
}

std::size_t ResponseCache::CostOf(const Entry& e) {
  std::size_t bytes = e.state_bytes;
  for (const Rendered& r : e.rendered) {
    if (r.text) bytes += r.text->size();
  }
  return bytes;
}

Result<std::shared_ptr<const cs::ResponseState>> ResponseCache::Load(const std::string& id) {
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(mu_);
    if (const Entry* e = kept_.Touch(id)) {
      ++hits_;
      return e->state;
    }
    ++misses_;
    generation = generations_[BucketOf(id)];
  }
  std::size_t bytes = 0;
  auto state = LoadResponse(log_, id, &bytes);
  if (state.ok()) Keep(id, *state, bytes + kEntryOverhead, generation);
  return state;
}

std::shared_ptr<const cs::ResponseState> ResponseCache::Kept(const std::string& id) const {
  std::lock_guard lock(mu_);
  const Entry* e = kept_.Peek(id);
  return e ? e->state : nullptr;
}

void ResponseCache::Keep(const std::string& id, std::shared_ptr<const cs::ResponseState> state,
                         std::size_t bytes, std::uint64_t generation) {
  if (bytes > kept_.budget() / 8) return;
  std::lock_guard lock(mu_);
  // A commit of this bucket since the fold began may have made it stale.
  if (generations_[BucketOf(id)] != generation) return;
  // Another reader may have folded a later version meanwhile: keep the later.
  if (const Entry* e = kept_.Peek(id); e != nullptr && e->state->version() >= state->version()) {
    return;
  }
  kept_.Put(id, Entry{std::move(state), bytes, {}}, bytes);
}

std::shared_ptr<const std::string> ResponseCache::RenderedJson(
    const std::string& id, const std::shared_ptr<const cs::ResponseState>& state,
    cs::Visibility visibility, const std::vector<cs::PointCitation>& citations,
    const std::function<std::string()>& render) {
  const auto slot = static_cast<std::size_t>(visibility);
  {
    std::lock_guard lock(mu_);
    if (const Entry* e = kept_.Peek(id); e != nullptr && e->state == state) {
      const Rendered& r = e->rendered.at(slot);
      if (r.text && r.citations == citations) return r.text;
    }
    ++renders_;
  }
  auto text = std::make_shared<const std::string>(render());
  std::lock_guard lock(mu_);
  if (const Entry* e = kept_.Peek(id); e != nullptr && e->state == state) {
    Entry updated = *e;
    updated.rendered.at(slot) = Rendered{text, citations};
    const std::size_t cost = CostOf(updated);
    kept_.Put(id, std::move(updated), cost);
  }
  return text;
}

void ResponseCache::Forget(const std::vector<RecordedEvent>& batch) {
  std::lock_guard lock(mu_);
  for (const RecordedEvent& e : batch) {
    const auto id = cs::ResponseIdOf(e.stream);
    if (!id) continue;
    ++generations_[BucketOf(*id)];
    kept_.Erase(std::string(*id));
  }
}

ResponseCache::Stats ResponseCache::stats() const {
  std::lock_guard lock(mu_);
  return Stats{hits_, misses_, kept_.size(), kept_.bytes(), renders_};
}

}  // namespace hoering::app
