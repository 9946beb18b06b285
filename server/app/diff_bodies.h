// Rendered bodies of GET /v1/agreements/{id}/diff, kept between requests.
// A diff between two texts never changes, and many people ask for the same
// one (everyone who opens a consultation compares its consulted version with
// the latest), while computing it costs milliseconds: a word diff of every
// changed section, then rendering (6-7 ms for a 200 KB diff of the 1M random
// history, docs/performance.md, session 20).
//
// The caller keys each body by everything it depends on: the format and its
// options, the title, and both ends as the body describes them (selector,
// version, position and the SHA-256 of the text, agreement_queries.h
// SnapshotRefJson). Equal keys therefore mean equal bodies, and nothing ever
// has to be dropped when the log moves: a new version is a new key.
//
// Memory: each body is costed at its bytes plus its key's plus 64; the least
// recently used are dropped when the total passes the budget (ByteBudgetLru);
// a body larger than the budget is not kept. A budget of 0 keeps nothing.
//
// Thread-safe: Find() and Keep() may be called from any thread; bodies are
// shared, immutable strings.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include "server/app/byte_lru.h"

namespace hoering::app {

class DiffBodies {
 public:
  static constexpr std::size_t kDefaultBudget = std::size_t{16} << 20;

  explicit DiffBodies(std::size_t budget_bytes = kDefaultBudget);

  // The body kept under `key`, now the most recently used; nullptr when none.
  std::shared_ptr<const std::string> Find(const std::string& key);
  // Keeps `body` under `key` (replacing what was there) if it fits.
  void Keep(const std::string& key, std::shared_ptr<const std::string> body);

  struct Stats {
    std::size_t bytes = 0;
    std::size_t hits = 0;
    std::size_t misses = 0;
  };
  Stats stats() const;

 private:
  using Body = std::shared_ptr<const std::string>;
  mutable std::mutex mu_;
  ByteBudgetLru<Body> kept_;  // GUARDED_BY(mu_)
  std::size_t hits_ = 0;      // GUARDED_BY(mu_)
  std::size_t misses_ = 0;    // GUARDED_BY(mu_)
};

}  // namespace hoering::app
