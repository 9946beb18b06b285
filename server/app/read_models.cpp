#include "server/app/read_models.h"

#include <limits>
#include <mutex>

namespace hoering::app {

void ReadModels::ApplyLocked(const RecordedEvent& e) {
  if (e.position <= position_.load(std::memory_order_relaxed)) return;
  views_.parties.Apply(e);
  views_.access.Apply(e);
  views_.agreements.Apply(e);
  views_.consultations.Apply(e);
  views_.decisions.Apply(e);
  position_.store(e.position, std::memory_order_release);
}

Status ReadModels::FillGapLocked(std::uint64_t up_to) {
  constexpr std::size_t kPage = 4096;
  while (position_.load(std::memory_order_relaxed) < up_to) {
    auto page = store_.ReadAll(position_.load(std::memory_order_relaxed) + 1, kPage);
    if (!page.ok()) return page.status();
    if (page->empty()) break;
    for (const auto& e : *page) {
      if (e.position > up_to) break;
      ApplyLocked(e);
    }
  }
  return Status::Ok();
}

void ReadModels::Apply(const std::vector<RecordedEvent>& batch) {
  if (batch.empty()) return;
  std::unique_lock lock(mu_);
  if (batch.front().position > position_.load(std::memory_order_relaxed) + 1) {
    // Events committed before this reader existed; they are durable.
    (void)FillGapLocked(batch.front().position - 1);
  }
  for (const auto& e : batch) ApplyLocked(e);
}

Status ReadModels::CatchUp() {
  std::unique_lock lock(mu_);
  return FillGapLocked(std::numeric_limits<std::uint64_t>::max());
}

}  // namespace hoering::app
