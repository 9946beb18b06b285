#include "storage/memory_event_store.h"

#include "storage/chain_verifier.h"
#include "storage/system_clock.h"

namespace hoering {

MemoryEventStore::MemoryEventStore(std::function<std::int64_t()> clock)
    : clock_(clock ? std::move(clock) : SystemClockMs) {}

void MemoryEventStore::AppendAsync(AppendRequest request, AppendCallback done) {
  Result<AppendResult> result = Status(Code::kInternal, "unset");
  {
    std::lock_guard lock(mu_);
    HeadInfo head;
    std::int64_t head_time = 0;
    if (!events_.empty()) {
      head = {events_.back().position, events_.back().hash};
      head_time = events_.back().recorded_at_ms;
    }
    CommittedState state{[this](const std::string& s) {
                           auto it = streams_.find(s);
                           return it == streams_.end() ? std::uint64_t{0} : it->second.size();
                         },
                         [this](const std::string& k) -> std::optional<IdempotencyRecord> {
                           auto it = idempotency_.find(k);
                           if (it == idempotency_.end()) return std::nullopt;
                           return it->second;
                         }};
    CommitPlan plan = CommitPlanner::Plan({&request}, head, head_time, clock_(), state);
    std::optional<FoldedWrites> folded;
    if (folder_ && !plan.events.empty()) folded = folder_(plan.events);
    if (folded) {
      projections_.Write(folded->writes);
      if (folded->stored) folded->stored();
    }
    for (const auto& e : plan.events) {
      streams_[e.stream].push_back(e.position);
      events_.push_back(e);
    }
    for (auto& [k, rec] : plan.idempotency) idempotency_[k] = rec;
    if (!plan.events.empty()) {
      for (const auto& l : listeners_) l(plan.events);
    }
    result = std::move(plan.appends.front().result);
  }
  cv_.notify_all();
  done(std::move(result));
}

Result<std::vector<RecordedEvent>> MemoryEventStore::ReadStream(const std::string& stream,
                                                                std::uint64_t from_version,
                                                                std::size_t limit) const {
  std::lock_guard lock(mu_);
  std::vector<RecordedEvent> out;
  auto it = streams_.find(stream);
  if (it == streams_.end()) return out;
  for (std::uint64_t v = std::max<std::uint64_t>(from_version, 1);
       v <= it->second.size() && out.size() < limit; ++v) {
    out.push_back(events_[it->second[v - 1] - 1]);
  }
  return out;
}

std::uint64_t MemoryEventStore::StreamVersion(const std::string& stream) const {
  std::lock_guard lock(mu_);
  auto it = streams_.find(stream);
  return it == streams_.end() ? 0 : it->second.size();
}

Result<std::vector<RecordedEvent>> MemoryEventStore::ReadAll(std::uint64_t from_position,
                                                             std::size_t limit) const {
  std::lock_guard lock(mu_);
  std::vector<RecordedEvent> out;
  for (std::uint64_t p = std::max<std::uint64_t>(from_position, 1);
       p <= events_.size() && out.size() < limit; ++p) {
    out.push_back(events_[p - 1]);
  }
  return out;
}

std::optional<IdempotencyRecord> MemoryEventStore::FindIdempotencyKey(
    const std::string& key) const {
  std::lock_guard lock(mu_);
  auto it = idempotency_.find(key);
  if (it == idempotency_.end()) return std::nullopt;
  return it->second;
}

HeadInfo MemoryEventStore::Head() const {
  std::lock_guard lock(mu_);
  if (events_.empty()) return {};
  return {events_.back().position, events_.back().hash};
}

std::uint64_t MemoryEventStore::WaitForPosition(std::uint64_t after,
                                                std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mu_);
  cv_.wait_for(lock, timeout, [&] { return events_.size() > after; });
  return events_.size();
}

void MemoryEventStore::AddCommitListener(CommitListener listener) {
  std::lock_guard lock(mu_);
  listeners_.push_back(std::move(listener));
}

void MemoryEventStore::SetBatchFolder(BatchFolder folder) {
  std::lock_guard lock(mu_);
  folder_ = std::move(folder);
}

VerifyReport MemoryEventStore::Verify(const VerifyProgress& progress) const {
  std::lock_guard lock(mu_);
  ChainVerifier verifier;
  for (const auto& e : events_) {
    if (!verifier.Feed(e)) break;
    verifier.Report(progress);
  }
  return verifier.report();
}

void MemoryEventStore::TamperForTest(std::uint64_t position,
                                     const std::function<void(RecordedEvent&)>& change) {
  std::lock_guard lock(mu_);
  change(events_.at(position - 1));
}

Status MemoryEventStore::PutProjection(const std::string& key, const std::string& value) {
  projections_.Put(key, value);
  return Status::Ok();
}

Result<std::optional<std::string>> MemoryEventStore::GetProjection(const std::string& key) const {
  return projections_.Get(key);
}

Result<std::optional<LentBytes>> MemoryEventStore::GetSelfCheckedProjection(
    const std::string& key) const {
  auto value = projections_.Get(key);
  if (!value) return std::optional<LentBytes>{};
  auto owned = std::make_shared<const std::string>(std::move(*value));
  return std::optional<LentBytes>(LentBytes{*owned, owned});
}

Status MemoryEventStore::WriteProjections(const std::vector<ProjectionWrite>& writes) {
  projections_.Write(writes);
  return Status::Ok();
}

Result<ProjectionEntries> MemoryEventStore::ScanProjections(const std::string& prefix,
                                                            const std::string& after,
                                                            std::size_t limit) const {
  return projections_.Scan(prefix, after, limit);
}

Status MemoryEventStore::DeleteProjections(const std::string& prefix) {
  projections_.DeletePrefix(prefix);
  return Status::Ok();
}

Status MemoryEventStore::PutLocal(const std::string& key, const std::string& value) {
  local_.Put(key, value);
  return Status::Ok();
}

Result<std::optional<std::string>> MemoryEventStore::GetLocal(const std::string& key) const {
  return local_.Get(key);
}

Status MemoryEventStore::DeleteLocal(const std::string& key) {
  local_.Delete(key);
  return Status::Ok();
}

Result<ProjectionEntries> MemoryEventStore::ScanLocal(const std::string& prefix,
                                                      const std::string& after,
                                                      std::size_t limit) const {
  return local_.Scan(prefix, after, limit);
}

}  // namespace hoering
