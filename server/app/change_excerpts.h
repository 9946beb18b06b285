// The word-diff excerpts of change sets that reports show beside the points
// citing them (consultations::ChangeExcerpts), kept between reports.
//
// An excerpt is the diff of the agreement's text just before and just after
// one ChangeSetRecorded event; the log is immutable, so a change id's excerpt
// never changes once the change is recorded, and nothing kept ever has to be
// dropped when the log moves. Without this, every report read the
// agreement's whole stream and folded it again to diff a handful of changes:
// about 40 % of a report's CPU on the 1M random history (docs/performance.md,
// session 21).
//
// For() answers from what is kept and folds the agreement's stream once for
// the ids it lacks; those found are kept. An id the stream does not record
// (yet) is left out of the answer, as ChangeExcerpts does, and not kept.
//
// Memory: each excerpt is costed at its JSON text's bytes plus its key's plus
// 256 (ByteBudgetLru, least recently used dropped first); one larger than the
// budget is not kept; a budget of 0 keeps nothing.
//
// Thread-safe: For() from any thread; a fold runs outside the lock (two
// reports missing the same id may both fold; both keep equal excerpts).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "domain/event.h"
#include "domain/status.h"
#include "server/app/byte_lru.h"

namespace hoering::app {

class ChangeExcerptCache {
 public:
  static constexpr std::size_t kDefaultBudget = std::size_t{4} << 20;

  explicit ChangeExcerptCache(std::size_t budget_bytes = kDefaultBudget);

  // Reads the agreement's events in stream order.
  using ReadAgreement = std::function<Result<std::vector<RecordedEvent>>()>;

  // The excerpts of `changes` of agreement `agreement` (change id -> the
  // sections, as ChangeExcerpts gives them); `read` is called at most once,
  // only when some id is not kept. A read or fold error is returned and
  // nothing of this call is kept.
  Result<std::map<std::string, nlohmann::json>> For(const std::string& agreement,
                                                    const std::set<std::string>& changes,
                                                    const ReadAgreement& read);

  struct Stats {
    std::size_t bytes = 0;
    std::size_t hits = 0;    // ids answered from memory
    std::size_t misses = 0;  // ids that needed a fold
  };
  Stats stats() const;

 private:
  using Excerpt = std::shared_ptr<const nlohmann::json>;
  static std::string KeyOf(const std::string& agreement, const std::string& change);

  mutable std::mutex mu_;
  ByteBudgetLru<Excerpt> kept_;  // GUARDED_BY(mu_)
  std::size_t hits_ = 0;         // GUARDED_BY(mu_)
  std::size_t misses_ = 0;       // GUARDED_BY(mu_)
};

}  // namespace hoering::app
