// The server's in-memory read models (projections), folded from the log.
//
// Kept current from the store's commit path: every committed batch is applied
// before its appends are acknowledged, so a client that got an answer to a
// write reads it back from any connection (read-your-writes). At start the
// models catch up from position 1.
//
// Thread safety: Apply() and CatchUp() take the writer lock; Read() runs its
// function under a shared lock.
#pragma once

#include <atomic>
#include <shared_mutex>

#include "domain/access/access.h"
#include "domain/agreements/agreements_view.h"
#include "domain/consultations/consultations_view.h"
#include "domain/decisions/decisions_view.h"
#include "domain/parties/parties_view.h"
#include "storage/event_store.h"

namespace hoering::app {

struct Views {
  parties::PartiesView parties;
  access::AccessView access;
  agreements::AgreementsView agreements;
  consultations::ConsultationsView consultations;
  decisions::DecisionsView decisions;
};

class ReadModels {
 public:
  explicit ReadModels(const EventStore& store) : store_(store) {}

  // Applies events in position order; events at or below position() are
  // skipped, so replays and live batches may overlap. A batch that starts
  // past position() + 1 first reads the missing events from the store.
  void Apply(const std::vector<RecordedEvent>& batch);

  // Reads everything after position() from the store, in pages.
  Status CatchUp();

  template <typename Fn>
  auto Read(Fn&& fn) const {
    std::shared_lock lock(mu_);
    return fn(static_cast<const Views&>(views_));
  }

  std::uint64_t position() const { return position_.load(std::memory_order_acquire); }
  bool ready() const { return ready_.load(std::memory_order_acquire); }
  void set_ready() { ready_.store(true, std::memory_order_release); }

 private:
  void ApplyLocked(const RecordedEvent& e);
  Status FillGapLocked(std::uint64_t up_to);

  const EventStore& store_;
  mutable std::shared_mutex mu_;
  Views views_;  // GUARDED_BY(mu_)
  std::atomic<std::uint64_t> position_{0};
  std::atomic<bool> ready_{false};
};

}  // namespace hoering::app
