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

std::string ResponseCache::ListingKey(const std::string& id) {
  return id + "\nlisting";  // ids hold no line breaks
}

std::size_t ResponseCache::CostOf(const Listing& l) {
  std::size_t bytes = kListingOverhead + l.facts.party.size();
  for (const Rendered& r : l.rendered) {
    if (r.text) bytes += r.text->size();
  }
  return bytes;
}

std::shared_ptr<const std::string> ResponseCache::Listing::TextFor(
    cs::Visibility visibility, const std::vector<cs::PointCitation>& citations) const {
  const Rendered& r = rendered.at(static_cast<std::size_t>(visibility));
  return r.text && r.citations == citations ? r.text : nullptr;
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
  kept_.Put(id, Entry{std::move(state), nullptr}, bytes);
}

std::shared_ptr<const ResponseCache::Listing> ResponseCache::Listed(const std::string& id) {
  std::lock_guard lock(mu_);
  const Entry* e = kept_.Touch(ListingKey(id));
  if (e == nullptr) return nullptr;
  ++hits_;
  return e->listing;
}

std::shared_ptr<const std::string> ResponseCache::RenderedJson(
    const std::string& id, const std::shared_ptr<const cs::ResponseState>& state,
    cs::Visibility visibility, const std::vector<cs::PointCitation>& citations,
    const std::function<std::string()>& render) {
  const std::string listing_key = ListingKey(id);
  {
    std::lock_guard lock(mu_);
    // Versions of one stream are never reused: a listing of this version
    // shows this state.
    if (const Entry* e = kept_.Peek(listing_key);
        e != nullptr && e->listing->version == state->version()) {
      if (auto text = e->listing->TextFor(visibility, citations)) return text;
    }
    ++renders_;
  }
  auto text = std::make_shared<const std::string>(render());
  std::lock_guard lock(mu_);
  // Kept only while `state` is the kept head of its stream: the commit path
  // drops the state and the listing together, so a listing never outlives
  // the head it shows.
  if (const Entry* head = kept_.Peek(id); head == nullptr || head->state != state) return text;
  Listing updated{cs::VisibilityFactsOf(*state), state->version(), {}};
  if (const Entry* e = kept_.Peek(listing_key);
      e != nullptr && e->listing->version == state->version()) {
    updated = *e->listing;
  }
  updated.rendered.at(static_cast<std::size_t>(visibility)) = Rendered{text, citations};
  const std::size_t cost = CostOf(updated);
  kept_.Put(listing_key, Entry{nullptr, std::make_shared<const Listing>(std::move(updated))}, cost);
  // The list reads the listing from now on: its state is the first to drop
  // (unless a reader of states uses it again first).
  kept_.Demote(id);
  return text;
}

void ResponseCache::Forget(const std::vector<RecordedEvent>& batch) {
  std::lock_guard lock(mu_);
  for (const RecordedEvent& e : batch) {
    const auto id = cs::ResponseIdOf(e.stream);
    if (!id) continue;
    ++generations_[BucketOf(*id)];
    const std::string key(*id);
    kept_.Erase(key);
    kept_.Erase(ListingKey(key));
  }
}

ResponseCache::Stats ResponseCache::stats() const {
  std::lock_guard lock(mu_);
  return Stats{hits_, misses_, kept_.size(), kept_.bytes(), renders_};
}

}  // namespace hoering::app
