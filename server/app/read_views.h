// The server's read views, folded from the log: the in-memory views
// (projections::Views, bounded by the number of agreements, consultations,
// decisions, parties and tokens) and the persistent response index
// (server/app/response_index.h, in the store's projections column family).
// Responses themselves are read from the log on demand
// (server/app/response_loader.h).
//
// Kept current from the store's commit path: every committed batch is applied
// before its appends are acknowledged, so a client that got an answer to a
// write reads it back from any connection (read-your-writes).
//
// Start() restores the snapshot of the in-memory views
// (server/app/checkpoint.h) when it is usable, reads the index's position,
// and folds the log after the lower of the two into both (each skips what it
// already holds). After a clean shutdown both stand at the head and nothing
// is folded. WriteCheckpoint() stores the in-memory views' snapshot, or only
// the snapshot's "unchanged through" marker while no view changed since it;
// Rebuild() folds the whole log into fresh views and a fresh index
// generation while serving, swaps them in and reports whether they equal the
// ones they replace.
//
// The index is folded in the store's own write where the store can
// (FoldIntoBatch(), set as its BatchFolder by the App): the batch's index
// entries are written with its events, atomically, and Apply() finds the
// index already there. Where the folder did not fold a batch (before Start(),
// after an error, a store without it), Apply() folds and writes it.
//
// Thread safety: Apply(), CatchUp() and the swap in Rebuild() take the writer
// lock, and the index lock (index_mu_) to change the index; FoldIntoBatch()
// takes the index lock only. Read() runs its function under a shared lock. Rebuild() and
// WriteCheckpoint() may run on any thread, one of each at a time.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <shared_mutex>

#include "domain/projections/views.h"
#include "server/app/checkpoint.h"
#include "server/app/response_index.h"
#include "storage/event_store.h"

namespace hoering::app {

using projections::Views;

struct ProjectionStart {
  bool from_checkpoint = false;
  // Where the restored views stood: the snapshot's position, or later when
  // its marker says they were unchanged through there. 0 without a checkpoint.
  std::uint64_t checkpoint_position = 0;
  std::uint64_t snapshot_position = 0;  // where the restored snapshot was taken
  std::string checkpoint_problem;       // why a stored checkpoint was not used
  std::uint64_t index_position = 0;     // where the stored response index stood
  std::uint64_t replayed = 0;           // events read from the log to catch up
  double seconds = 0;                   // in all
  double restore_seconds = 0;           // of which reading and decoding the snapshot
};

struct ProjectionRebuild {
  std::uint64_t position = 0;  // the rebuilt views stand at this position
  std::uint64_t events = 0;    // events folded
  double seconds = 0;          // fold and swap, without the comparison
  bool identical = false;      // views' Snapshot().dump() and the index equal the replaced ones
  std::uint64_t snapshot_bytes = 0;
  // The first differing view when not identical; "responses/<key>" for the
  // first differing key of the response index.
  std::string first_difference;
};

struct ProjectionCheckpoint {
  std::uint64_t position = 0;
  std::uint64_t bytes = 0;  // the stored snapshot's
  double seconds = 0;
  bool written = false;   // false: the stored one was already at this position
  bool snapshot = false;  // a new snapshot was written (else at most the marker)
};

class ReadViews {
 public:
  // Until Start(), the index is a new one under "ri0/" at position 0.
  explicit ReadViews(EventStore& store);

  // Applies events in position order; events at or below position() are
  // skipped, so replays and live batches may overlap. A batch that starts
  // past position() + 1 first reads the missing events from the store.
  void Apply(const std::vector<RecordedEvent>& batch);

  // Reads everything after position() from the store, in pages.
  Status CatchUp();

  // The store's BatchFolder: the index writes of a planned batch that starts
  // right after the index's position, marked stored once written; nullopt
  // before Start() and for a batch the index cannot fold now (Apply() folds
  // it). Errors are logged.
  std::optional<FoldedWrites> FoldIntoBatch(const std::vector<RecordedEvent>& events);

  // Restores the stored snapshot when `use_checkpoint` is set and it is
  // usable, and keeps the stored response index (else clears it), then
  // catches up. Call once, before serving.
  Result<ProjectionStart> Start(bool use_checkpoint);

  // Folds the log from position 1 into a fresh set while serving, then swaps
  // it in. kConflict "rebuild-running" while another rebuild runs.
  Result<ProjectionRebuild> Rebuild();

  // Stores the current views as the checkpoint: a new snapshot, or only the
  // stored snapshot's marker (checkpoint.h) when no view changed since it.
  // Skipped (returns the last one's facts) when nothing was applied since it.
  Result<ProjectionCheckpoint> WriteCheckpoint();
  // Where the stored checkpoint stands (snapshot or marker).
  std::uint64_t checkpoint_position() const {
    return checkpoint_position_.load(std::memory_order_acquire);
  }
  std::uint64_t snapshot_position() const {
    return snapshot_position_.load(std::memory_order_acquire);
  }
  // The last position a view folded (0 when none since the start).
  std::uint64_t views_changed_at() const {
    return views_changed_at_.load(std::memory_order_acquire);
  }
  // True while the next checkpoint would be only the marker: the views hold
  // no event folded after the stored snapshot.
  bool views_match_snapshot() const {
    const std::uint64_t snapshot = snapshot_position_.load(std::memory_order_acquire);
    return snapshot != 0 && views_changed_at_.load(std::memory_order_acquire) <= snapshot;
  }
  // How Start() went, and the last rebuild's report (if any).
  const ProjectionStart& start_report() const { return start_report_; }
  std::optional<ProjectionRebuild> last_rebuild() const;

  template <typename Fn>
  auto Read(Fn&& fn) const {
    std::shared_lock lock(mu_);
    return fn(static_cast<const Views&>(views_));
  }
  // The live response index (a rebuild may swap it; keep the pointer for
  // the duration of one request).
  std::shared_ptr<const ResponseIndex> responses() const;

  // A copy of the views and their position (cheap: states are shared).
  std::pair<Views, std::uint64_t> Copy() const;
  // Copy().first.Snapshot().dump(): the canonical bytes a rebuild compares.
  std::string SnapshotText() const;

  // The position both the views and the index have folded up to.
  std::uint64_t position() const { return position_.load(std::memory_order_acquire); }
  bool ready() const { return ready_.load(std::memory_order_acquire); }
  void set_ready() { ready_.store(true, std::memory_order_release); }

 private:
  // Folds the log after position() up to `up_to` into the views and the
  // index. Holds mu_ and index_mu_.
  Status FillGapLocked(std::uint64_t up_to);
  // Where the views restored from `snapshot` stand: its position, or the
  // stored marker's when that is usable (checkpoint.h).
  Result<std::uint64_t> RestoredThrough(const CheckpointHeader& snapshot) const;
  // Folds `events` into the views (those after views_position_) and the
  // index. Holds mu_ and index_mu_.
  Status ApplyLocked(const std::vector<RecordedEvent>& events);

  EventStore& store_;
  mutable std::shared_mutex mu_;
  Views views_;                       // GUARDED_BY(mu_)
  std::uint64_t views_position_ = 0;  // GUARDED_BY(mu_)
  // The last position a view folded (Views::Folds); written under mu_.
  std::atomic<std::uint64_t> views_changed_at_{0};
  // Changing index_ (the pointer or what it folded) takes mu_ and then
  // index_mu_; reading the pointer takes either.
  std::mutex index_mu_;
  std::shared_ptr<ResponseIndex> index_;    // GUARDED_BY(mu_ and index_mu_)
  std::atomic<std::uint64_t> position_{0};  // min(views_position_, index_->position())
  bool started_ = false;                    // GUARDED_BY(index_mu_); FoldIntoBatch folds
  std::atomic<bool> ready_{false};
  std::mutex rebuild_mu_;
  std::mutex checkpoint_mu_;  // taken before mu_ when both are held
  std::atomic<std::uint64_t> checkpoint_position_{0};
  // The stored snapshot's header; position 0 when there is none this server
  // wrote or restored (then the next checkpoint is a snapshot).
  CheckpointHeader snapshot_;                        // GUARDED_BY(checkpoint_mu_)
  std::atomic<std::uint64_t> snapshot_position_{0};  // snapshot_.position
  std::uint64_t checkpoint_bytes_ = 0;               // GUARDED_BY(checkpoint_mu_)
  ProjectionStart start_report_;                     // written by Start() before serving
  mutable std::mutex last_rebuild_mu_;
  std::optional<ProjectionRebuild> last_rebuild_;  // GUARDED_BY(last_rebuild_mu_)
};

// Whether the parties view holds `party`: the lookup deciders take.
std::function<bool(const std::string&)> PartyExists(const ReadViews& views);
// A party's registered name, or nullopt when the view has no such party.
std::optional<std::string> PartyName(const ReadViews& views, const std::string& party);

}  // namespace hoering::app
