#include "server/app/read_views.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <limits>

#include "server/app/checkpoint.h"

namespace hoering::app {
namespace {

constexpr std::size_t kPage = 4096;

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Hands `e` to `views` when it is the one after `views_at` (else they hold
// it already, or it lies after a gap); `changed_at` becomes its position when
// a view folds it.
void ApplyNext(const RecordedEvent& e, Views& views, std::uint64_t& views_at,
               std::atomic<std::uint64_t>& changed_at) {
  if (e.position != views_at + 1) return;
  if (Views::Folds(e)) {
    views.Apply(e);
    changed_at.store(e.position, std::memory_order_release);
  }
  views_at = e.position;
}

// Folds the events after min(views_at, index.position()) up to `up_to`
// (inclusive) of `log` into `views` (those after views_at, which follows
// what the views hold even when the fold stops on an error, so that nothing
// is applied to them twice) and `index`; returns the last position read
// (less than up_to when the log ends first). The index folds each page on a
// second thread while this one folds the views and reads the next page.
Result<std::uint64_t> Fold(const EventLog& log, Views& views, std::uint64_t& views_at,
                           std::atomic<std::uint64_t>& changed_at, ResponseIndex& index,
                           std::uint64_t up_to) {
  std::uint64_t at = std::min(views_at, index.position());
  std::future<Status> index_done;
  auto wait_index = [&index_done]() -> Status {
    return index_done.valid() ? index_done.get() : Status::Ok();
  };
  while (at < up_to) {
    auto read =
        log.ReadAll(at + 1, static_cast<std::size_t>(std::min<std::uint64_t>(kPage, up_to - at)));
    if (!read.ok()) {
      (void)wait_index();
      return read.status();
    }
    if (read->empty()) break;
    auto page = std::make_shared<const std::vector<RecordedEvent>>(std::move(read).value());
    if (Status s = wait_index(); !s.ok()) return s;
    index_done = std::async(std::launch::async, [&index, page] { return index.Apply(*page); });
    for (const auto& e : *page) ApplyNext(e, views, views_at, changed_at);
    at = page->back().position;
  }
  if (Status s = wait_index(); !s.ok()) return s;
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

ReadViews::ReadViews(EventStore& store)
    : store_(store), index_(std::make_shared<ResponseIndex>(store, "ri0/")) {}

Status ReadViews::FillGapLocked(std::uint64_t up_to) {
  auto folded = Fold(store_, views_, views_position_, views_changed_at_, *index_, up_to);
  position_.store(std::min(views_position_, index_->position()), std::memory_order_release);
  return folded.ok() ? Status::Ok() : folded.status();
}

Status ReadViews::ApplyLocked(const std::vector<RecordedEvent>& events) {
  for (const auto& e : events) ApplyNext(e, views_, views_position_, views_changed_at_);
  Status s = Status::Ok();
  if (events.front().position <= index_->position() + 1) s = index_->Apply(events);
  position_.store(std::min(views_position_, index_->position()), std::memory_order_release);
  return s;
}

std::optional<FoldedWrites> ReadViews::FoldIntoBatch(const std::vector<RecordedEvent>& events) {
  std::lock_guard lock(index_mu_);
  if (!started_ || events.empty() || events.front().position != index_->position() + 1) {
    return std::nullopt;
  }
  auto folded = index_->Fold(events);
  if (!folded.ok()) {
    spdlog::warn("read views: the response index did not fold positions {}-{} into their write: {}",
                 events.front().position, events.back().position, folded.status().detail());
    return std::nullopt;
  }
  if (!*folded) return std::nullopt;
  return FoldedWrites{std::move((*folded)->writes),
                      [this, index = index_, at = (*folded)->position] {
                        std::lock_guard stored(index_mu_);
                        index->MarkStored(at);
                      }};
}

void ReadViews::Apply(const std::vector<RecordedEvent>& batch) {
  if (batch.empty()) return;
  std::unique_lock lock(mu_);
  std::lock_guard index_lock(index_mu_);
  if (batch.front().position > position_.load(std::memory_order_relaxed) + 1) {
    // Events committed before this reader existed, or an index write that
    // failed before: they are durable in the log. Whatever of them the
    // views or the index could not fold now, they fold with a later batch.
    if (Status s = FillGapLocked(batch.front().position - 1); !s.ok()) {
      spdlog::error("read views: catching up before position {}: {}", batch.front().position,
                    s.detail());
    }
  }
  if (Status s = ApplyLocked(batch); !s.ok()) {
    spdlog::error("read views: the response index did not store positions {}-{}: {}",
                  batch.front().position, batch.back().position, s.detail());
  }
}

Status ReadViews::CatchUp() {
  std::unique_lock lock(mu_);
  std::lock_guard index_lock(index_mu_);
  return FillGapLocked(std::numeric_limits<std::uint64_t>::max());
}

std::shared_ptr<const ResponseIndex> ReadViews::responses() const {
  std::shared_lock lock(mu_);
  return index_;
}

std::pair<Views, std::uint64_t> ReadViews::Copy() const {
  std::shared_lock lock(mu_);
  return {views_, views_position_};
}

std::string ReadViews::SnapshotText() const {
  return Copy().first.Snapshot().dump();
}

Result<std::uint64_t> ReadViews::RestoredThrough(const CheckpointHeader& snapshot) const {
  auto marker = store_.GetProjection(kCheckpointThroughKey);
  if (!marker.ok()) return marker.status();
  if (!marker->has_value()) return snapshot.position;
  auto through = DecodeCheckpointThrough(**marker, snapshot, store_);
  if (through.ok()) return *through;
  // A marker of an older snapshot is left over whenever a new snapshot was
  // written after it: that is expected, and silent.
  if (through.status().code() != Code::kConflict) {
    spdlog::warn("{}; folding the log after the snapshot's position {}", through.status().detail(),
                 snapshot.position);
  }
  return snapshot.position;
}

Result<ProjectionStart> ReadViews::Start(bool use_checkpoint) {
  const auto start = std::chrono::steady_clock::now();
  ProjectionStart report;
  auto prefix = ResponseIndex::LivePrefix(store_);
  if (!prefix.ok()) return prefix.status();
  auto index = std::make_shared<ResponseIndex>(store_, *prefix);
  if (Status s = use_checkpoint ? index->Load() : index->Clear(); !s.ok()) return s;
  report.index_position = index->position();
  if (index->position() > store_.Head().position) {
    // The log was replaced or restored from an older copy: the index is not its.
    spdlog::warn("the response index stands at position {}, past the log's head {}; rebuilding it",
                 index->position(), store_.Head().position);
    if (Status s = index->Clear(); !s.ok()) return s;
  }
  std::lock_guard cp(checkpoint_mu_);  // lock order: checkpoint_mu_, then mu_
  std::unique_lock lock(mu_);
  std::lock_guard index_lock(index_mu_);
  index_ = std::move(index);
  if (use_checkpoint) {
    // Its body's SHA-256 is checked as it is decoded.
    auto stored = store_.GetSelfCheckedProjection(kCheckpointKey);
    if (!stored.ok()) return stored.status();
    if (stored->has_value()) {
      CheckpointHeader header;
      auto views = DecodeCheckpoint((*stored)->bytes, store_, &header);
      if (views.ok()) {
        auto through = RestoredThrough(header);
        if (!through.ok()) return through.status();
        views_ = std::move(views).value();
        views_position_ = *through;
        views_changed_at_.store(header.position, std::memory_order_release);
        report.from_checkpoint = true;
        report.checkpoint_position = *through;
        report.snapshot_position = header.position;
        snapshot_ = header;
        snapshot_position_.store(header.position, std::memory_order_release);
        checkpoint_position_.store(*through, std::memory_order_release);
        checkpoint_bytes_ = (*stored)->bytes.size();
      } else {
        report.checkpoint_problem = views.status().detail();
      }
    }
  }
  report.restore_seconds = SecondsSince(start);
  // The tail is folded with compactions running: after a crash or for a
  // rebuild it may be long, and its writes should not pile up in level 0.
  if (Status s = store_.ResumeCompactions(); !s.ok()) return s;
  const std::uint64_t before = std::min(views_position_, index_->position());
  if (Status s = FillGapLocked(std::numeric_limits<std::uint64_t>::max()); !s.ok()) {
    if (s.code() != Code::kCorruption) return s;
    // A damaged index entry: the index is derived data, so fold it again.
    spdlog::warn("the response index cannot be folded on ({}); rebuilding it", s.detail());
    if (Status c = index_->Clear(); !c.ok()) return c;
    if (Status again = FillGapLocked(std::numeric_limits<std::uint64_t>::max()); !again.ok()) {
      return again;
    }
  }
  report.replayed = position() - before;
  report.seconds = SecondsSince(start);
  start_report_ = report;
  started_ = true;
  return report;
}

Result<ProjectionRebuild> ReadViews::Rebuild() {
  std::unique_lock running(rebuild_mu_, std::try_to_lock);
  if (!running.owns_lock()) {
    return Conflict("a projection rebuild is already running", "rebuild-running");
  }
  const auto start = std::chrono::steady_clock::now();
  Views fresh;
  auto fresh_index =
      std::make_shared<ResponseIndex>(store_, ResponseIndex::OtherPrefix(responses()->prefix()));
  if (Status s = fresh_index->Clear(); !s.ok()) return s;
  // Most of the log is folded without any lock; the store is append-only.
  std::uint64_t fresh_at = 0;
  std::atomic<std::uint64_t> fresh_changed_at{0};  // not used: see the swap below
  auto folded = Fold(store_, fresh, fresh_at, fresh_changed_at, *fresh_index, position());
  if (!folded.ok()) return folded.status();
  ProjectionRebuild report;
  Views replaced, rebuilt;
  std::shared_ptr<ResponseIndex> replaced_index;
  std::optional<std::string> index_difference;
  {
    std::unique_lock lock(mu_);
    std::lock_guard index_lock(index_mu_);
    // The live index may stand a batch ahead of the views (folded into the
    // batch's write, not yet applied to the views): the views catch up to
    // it first, so the two sets are compared at one position.
    if (Status s = FillGapLocked(index_->position()); !s.ok()) return s;
    const std::uint64_t at = position_.load(std::memory_order_relaxed);
    auto rest = Fold(store_, fresh, fresh_at, fresh_changed_at, *fresh_index, at);
    if (!rest.ok()) return rest.status();
    // Compared under the lock: the live index changes with every commit.
    auto differs = ResponseIndex::FirstDifference(store_, index_->prefix(), fresh_index->prefix());
    if (!differs.ok()) return differs.status();
    index_difference = *differs;
    if (Status s = fresh_index->MakeLive(); !s.ok()) return s;
    report.position = at;
    rebuilt = fresh;  // shares the states: compared below, outside the lock
    replaced = std::move(views_);
    views_ = std::move(fresh);
    views_position_ = at;
    // Not compared yet with the stored snapshot: the next checkpoint stores one.
    views_changed_at_.store(at, std::memory_order_release);
    replaced_index = std::move(index_);
    index_ = std::move(fresh_index);
  }
  if (Status s = replaced_index->Clear(); !s.ok()) {
    spdlog::warn("projection rebuild: the replaced response index was not removed: {}", s.detail());
  }
  report.events = report.position;
  report.seconds = SecondsSince(start);
  const nlohmann::json old_snapshot = replaced.Snapshot();
  const nlohmann::json new_snapshot = rebuilt.Snapshot();
  const std::string new_text = new_snapshot.dump();
  report.snapshot_bytes = new_text.size();
  report.first_difference = FirstDifference(old_snapshot, new_snapshot);
  if (report.first_difference.empty() && index_difference) {
    report.first_difference = "responses/" + *index_difference;
  }
  report.identical = report.first_difference.empty();
  if (!report.identical) {
    spdlog::error(
        "projection rebuild at position {} differs from the incremental read views "
        "in '{}'; the rebuilt set is now served",
        report.position, report.first_difference);
  }
  std::lock_guard last(last_rebuild_mu_);
  last_rebuild_ = report;
  return report;
}

std::optional<ProjectionRebuild> ReadViews::last_rebuild() const {
  std::lock_guard last(last_rebuild_mu_);
  return last_rebuild_;
}

Result<ProjectionCheckpoint> ReadViews::WriteCheckpoint() {
  std::lock_guard one_at_a_time(checkpoint_mu_);
  const auto start = std::chrono::steady_clock::now();
  Views views;
  std::uint64_t at = 0, changed_at = 0;
  {
    std::shared_lock lock(mu_);
    at = views_position_;
    changed_at = views_changed_at_.load(std::memory_order_relaxed);
    if (at == 0 || at == checkpoint_position_.load(std::memory_order_relaxed)) {
      return ProjectionCheckpoint{at, checkpoint_bytes_, 0, false, false};
    }
    if (snapshot_.position == 0 || changed_at > snapshot_.position) views = views_;
  }
  auto event = store_.ReadAll(at, 1);
  if (!event.ok()) return event.status();
  if (event->empty() || event->front().position != at) {
    return Status(Code::kInternal, "the event at position " + std::to_string(at) + " is missing");
  }
  const bool marker_only = snapshot_.position != 0 && changed_at <= snapshot_.position;
  if (marker_only) {
    // A hundred bytes, written every thousand events while responses stream
    // in: through the WAL like the views' own writes, durable with the next
    // synced commit. (As a PutProjection it forced a flush of the projections
    // column family each time: 300 tiny tables and 800 MB of compaction in
    // 30 s of submissions, docs/performance.md, session 20.)
    const std::string marker = EncodeCheckpointThrough(snapshot_, at, event->front().hash);
    if (Status s = store_.WriteProjections({{kCheckpointThroughKey, marker}}); !s.ok()) return s;
  } else {
    const std::string bytes = EncodeCheckpoint(views, at, event->front().hash);
    auto header = DecodeCheckpointHeader(bytes);
    if (!header.ok()) return header.status();
    if (Status s = store_.PutProjection(kCheckpointKey, bytes); !s.ok()) return s;
    snapshot_ = std::move(header).value();
    snapshot_position_.store(at, std::memory_order_release);
    checkpoint_bytes_ = bytes.size();
  }
  checkpoint_position_.store(at, std::memory_order_release);
  return ProjectionCheckpoint{at, checkpoint_bytes_, SecondsSince(start), true, !marker_only};
}

std::function<bool(const std::string&)> PartyExists(const ReadViews& views) {
  return [&views](const std::string& party) {
    return views.Read([&](const Views& v) { return v.parties.Find(party) != nullptr; });
  };
}

std::optional<std::string> PartyName(const ReadViews& views, const std::string& party) {
  return views.Read([&](const Views& v) -> std::optional<std::string> {
    const parties::Party* p = v.parties.Find(party);
    return p ? std::optional<std::string>(p->name) : std::nullopt;
  });
}

}  // namespace hoering::app
