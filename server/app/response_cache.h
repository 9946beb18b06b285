// Folded responses kept between requests, so that a page of 100 responses
// read again does not parse 100 streams again, nor render their JSON again
// (docs/operations.md "Memory and recovery"). A bounded LRU by response id
// of the ResponseState and, beside it, the response's JSON text as each
// visibility shows it.
//
// Freshness: the cache follows the log. Forget() is called on the commit
// path with every committed batch, before its appends are acknowledged, and
// drops the entries of the response streams it writes; so a kept entry is
// the stream's head, and no lookup reads the log to check it. A fold that
// raced with a commit of the same stream is not kept: Load() notes a
// generation of the id's bucket before folding and keeps the state only if
// no commit touched that bucket meanwhile (1,024 buckets, so a commit of
// another stream rarely costs a keep). A reader never gets a state older
// than the last acknowledged append of the stream.
//
// Lists keep less than the state: a response's listing (Listed) holds the
// facts that decide who sees it (consultations::VisibilityFacts) and its
// JSON text per visibility, with the citations each was rendered with
// (RenderedJson). A listing is an entry of its own beside the state's, in
// the same LRU order: a list reads only listings, and the state a listing
// was rendered from is made the least recently used, so in a budget that
// holds fewer responses than the lists page through, the states that only a
// list folded are dropped first and the texts stay (a listing is about half a
// state's cost: the 1M benchmark's responses fold from ~3.7 KB of events
// and render to ~2.9 KB). A listing is made only from the state kept as the
// stream's head, and the commit path drops it with the state.
//
// Memory: a state entry is costed at the bytes of event data it was folded
// from plus kEntryOverhead, a listing at its texts plus kListingOverhead
// plus its party's bytes; the least recently used entries are dropped when
// the total passes the budget. A budget of 0 keeps nothing (every Load
// folds, every render renders). Responses larger than an eighth of the
// budget are not kept.
//
// Thread safety: every member from any thread; the stored states and texts
// are immutable and shared.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "domain/consultations/consultations_view.h"
#include "domain/consultations/response_state.h"
#include "domain/consultations/visibility.h"
#include "server/app/byte_lru.h"
#include "storage/event_store.h"

namespace hoering::app {

class ResponseCache {
 public:
  ResponseCache(const EventLog& log, std::size_t budget_bytes);

  // As LoadResponse() (response_loader.h): 404 "response-not-found",
  // kCorruption for a stream that does not fold (never kept).
  Result<std::shared_ptr<const consultations::ResponseState>> Load(const std::string& id);

  // The kept state of `id`, or nullptr; neither folds nor keeps, nor changes
  // what is kept: for a reader that goes once through many responses (the
  // report) and must not push out what the lists keep.
  std::shared_ptr<const consultations::ResponseState> Kept(const std::string& id) const;

  static constexpr std::size_t kVisibilities = 4;  // consultations::Visibility's values
  struct Rendered {
    std::shared_ptr<const std::string> text;
    std::vector<consultations::PointCitation> citations;
  };
  // What a list shows of a response without folding it. Immutable.
  struct Listing {
    consultations::VisibilityFacts facts;
    std::uint64_t version = 0;                     // the stream version the texts show
    std::array<Rendered, kVisibilities> rendered;  // by consultations::Visibility
    // The text kept for `visibility` rendered with `citations`, or nullptr.
    std::shared_ptr<const std::string> TextFor(
        consultations::Visibility visibility,
        const std::vector<consultations::PointCitation>& citations) const;
  };

  // The kept listing of `id`, now the most recently used (a hit), or
  // nullptr; never folds.
  std::shared_ptr<const Listing> Listed(const std::string& id);

  // The JSON text of `state` (a state Load() returned for `id`) as
  // `visibility` shows it with `citations`: the listing's text when it has
  // it for this state, else `render()`, kept in the listing while `state` is
  // the kept head of the stream.
  std::shared_ptr<const std::string> RenderedJson(
      const std::string& id, const std::shared_ptr<const consultations::ResponseState>& state,
      consultations::Visibility visibility,
      const std::vector<consultations::PointCitation>& citations,
      const std::function<std::string()>& render);

  // The commit path: drops what `batch` makes stale (see Freshness).
  void Forget(const std::vector<RecordedEvent>& batch);

  struct Stats {
    std::uint64_t hits = 0;    // Load() and Listed() answered from memory
    std::uint64_t misses = 0;  // Load() folds
    std::size_t entries = 0;   // states and listings
    std::size_t bytes = 0;
    std::uint64_t renders = 0;  // texts rendered (not served from the cache)
  };
  Stats stats() const;

  // Fixed cost added to each entry's event bytes (the state's own objects).
  static constexpr std::size_t kEntryOverhead = 512;
  // Fixed cost added to a listing's texts and party.
  static constexpr std::size_t kListingOverhead = 256;

 private:
  static constexpr std::size_t kBuckets = 1024;

  // A state entry (under the id) or a listing (under ListingKey(id)).
  struct Entry {
    std::shared_ptr<const consultations::ResponseState> state;
    std::shared_ptr<const Listing> listing;
  };

  static std::size_t BucketOf(std::string_view id);
  static std::string ListingKey(const std::string& id);
  static std::size_t CostOf(const Listing& l);
  void Keep(const std::string& id, std::shared_ptr<const consultations::ResponseState> state,
            std::size_t bytes, std::uint64_t generation);

  const EventLog& log_;
  mutable std::mutex mu_;
  ByteBudgetLru<Entry> kept_;
  std::array<std::uint64_t, kBuckets> generations_{};
  std::uint64_t hits_ = 0;
  std::uint64_t misses_ = 0;
  std::uint64_t renders_ = 0;
};

}  // namespace hoering::app
