#include "server/app/read_models.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <limits>

#include "server/app/checkpoint.h"
#include "server/app/sharded_fold.h"

namespace hoering::app {
namespace {

constexpr std::size_t kPage = 4096;

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Folds events from position from..up_to (inclusive) of `store` into `views`;
// returns the last position folded.
Result<std::uint64_t> Fold(const EventStore& store, Views& views, std::uint64_t from,
                           std::uint64_t up_to) {
  std::uint64_t at = from - 1;
  while (at < up_to) {
    auto page = store.ReadAll(at + 1, kPage);
    if (!page.ok()) return page.status();
    if (page->empty()) break;
    for (const auto& e : *page) {
      if (e.position > up_to) return at;
      views.Apply(e);
      at = e.position;
    }
  }
  return at;
}

// The first top-level view whose snapshot differs, or "".
std::string FirstDifference(const nlohmann::json& a, const nlohmann::json& b) {
  for (const auto& [key, value] : a.items()) {
    if (!b.contains(key) || b.at(key) != value) return key;
  }
  return a.size() == b.size() ? "" : "(view set)";
}

}  // namespace

void ReadModels::ApplyLocked(const RecordedEvent& e) {
  if (e.position <= position_.load(std::memory_order_relaxed)) return;
  views_.Apply(e);
  position_.store(e.position, std::memory_order_release);
}

Status ReadModels::FillGapLocked(std::uint64_t up_to) {
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

std::pair<Views, std::uint64_t> ReadModels::Copy() const {
  std::shared_lock lock(mu_);
  return {views_, position_.load(std::memory_order_relaxed)};
}

std::string ReadModels::SnapshotText() const {
  return Copy().first.Snapshot().dump();
}

Result<ProjectionStart> ReadModels::Start(bool use_checkpoint) {
  const auto start = std::chrono::steady_clock::now();
  ProjectionStart report;
  if (use_checkpoint) {
    auto stored = store_.GetProjection(kCheckpointKey);
    if (!stored.ok()) return stored.status();
    if (stored->has_value()) {
      CheckpointHeader header;
      auto views = DecodeCheckpoint(**stored, store_, &header);
      if (views.ok()) {
        std::unique_lock lock(mu_);
        views_ = std::move(views).value();
        position_.store(header.position, std::memory_order_release);
        report.from_checkpoint = true;
        report.checkpoint_position = header.position;
        std::lock_guard cp(checkpoint_mu_);
        checkpoint_position_.store(header.position, std::memory_order_release);
        checkpoint_bytes_ = (*stored)->size();
      } else {
        report.checkpoint_problem = views.status().detail();
      }
    }
  }
  const std::uint64_t before = position();
  if (before == 0) {
    // Nothing restored: fold the log on two cores first (sharded_fold.h).
    std::unique_lock lock(mu_);
    auto folded = FoldFromScratch(store_, views_, store_.Head().position);
    if (!folded.ok()) return folded.status();
    position_.store(*folded, std::memory_order_release);
  }
  if (Status s = CatchUp(); !s.ok()) return s;
  report.replayed = position() - before;
  report.seconds = SecondsSince(start);
  start_report_ = report;
  return report;
}

Result<ProjectionRebuild> ReadModels::Rebuild() {
  std::unique_lock running(rebuild_mu_, std::try_to_lock);
  if (!running.owns_lock()) {
    return Conflict("a projection rebuild is already running", "rebuild-running");
  }
  const auto start = std::chrono::steady_clock::now();
  Views fresh;
  // Most of the log is folded without any lock; the store is append-only.
  auto folded = FoldFromScratch(store_, fresh, position());
  if (!folded.ok()) return folded.status();
  ProjectionRebuild report;
  Views replaced, rebuilt;
  {
    std::unique_lock lock(mu_);
    const std::uint64_t at = position_.load(std::memory_order_relaxed);
    auto rest = Fold(store_, fresh, *folded + 1, at);
    if (!rest.ok()) return rest.status();
    report.position = at;
    rebuilt = fresh;  // shares the states: compared below, outside the lock
    replaced = std::move(views_);
    views_ = std::move(fresh);
  }
  report.events = report.position;
  report.seconds = SecondsSince(start);
  const nlohmann::json old_snapshot = replaced.Snapshot();
  const nlohmann::json new_snapshot = rebuilt.Snapshot();
  const std::string new_text = new_snapshot.dump();
  report.snapshot_bytes = new_text.size();
  report.identical = old_snapshot.dump() == new_text;
  if (!report.identical) {
    report.first_difference = FirstDifference(old_snapshot, new_snapshot);
    spdlog::error(
        "projection rebuild at position {} differs from the incremental read models "
        "in '{}'; the rebuilt set is now served",
        report.position, report.first_difference);
  }
  std::lock_guard last(last_rebuild_mu_);
  last_rebuild_ = report;
  return report;
}

std::optional<ProjectionRebuild> ReadModels::last_rebuild() const {
  std::lock_guard last(last_rebuild_mu_);
  return last_rebuild_;
}

Result<ProjectionCheckpoint> ReadModels::WriteCheckpoint() {
  std::lock_guard one_at_a_time(checkpoint_mu_);
  const auto start = std::chrono::steady_clock::now();
  auto [views, at] = Copy();
  if (at == 0 || at == checkpoint_position_.load(std::memory_order_relaxed)) {
    return ProjectionCheckpoint{at, checkpoint_bytes_, 0, false};
  }
  auto event = store_.ReadAll(at, 1);
  if (!event.ok()) return event.status();
  if (event->empty() || event->front().position != at) {
    return Status(Code::kInternal, "the event at position " + std::to_string(at) + " is missing");
  }
  const std::string bytes = EncodeCheckpoint(std::move(views), at, event->front().hash);
  if (Status s = store_.PutProjection(kCheckpointKey, bytes); !s.ok()) return s;
  checkpoint_position_.store(at, std::memory_order_release);
  checkpoint_bytes_ = bytes.size();
  return ProjectionCheckpoint{at, bytes.size(), SecondsSince(start), true};
}

}  // namespace hoering::app
