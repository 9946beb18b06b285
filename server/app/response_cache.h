// Folded responses kept between requests, so that a page of 100 responses
// read again does not parse 100 streams again (docs/operations.md "Memory
// and recovery"). A bounded LRU of ResponseState by response id.
//
// Freshness: an entry is used only while its stream's version in the log
// (EventLog::StreamVersion, one point read) equals the version the entry was
// folded at; otherwise the stream is folded again and replaces it. Versions
// only grow, so a reader never gets a state older than the stream head it
// saw when it asked.
//
// Memory: each entry is costed at the bytes of event data it was folded
// from plus a fixed overhead; the least recently used entries are dropped
// when the total passes the budget. A budget of 0 keeps nothing (every Load
// folds). Responses larger than an eighth of the budget are not kept.
//
// Thread safety: Load() and stats() from any thread; the stored states are
// immutable and shared.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "domain/consultations/response_state.h"
#include "server/app/byte_lru.h"
#include "storage/event_store.h"

namespace hoering::app {

class ResponseCache {
 public:
  ResponseCache(const EventLog& log, std::size_t budget_bytes);

  // As LoadResponse() (response_loader.h): 404 "response-not-found",
  // kCorruption for a stream that does not fold (never kept).
  Result<std::shared_ptr<const consultations::ResponseState>> Load(const std::string& id);

  struct Stats {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::size_t entries = 0;
    std::size_t bytes = 0;
  };
  Stats stats() const;

  // Fixed cost added to each entry's event bytes (the state's own objects).
  static constexpr std::size_t kEntryOverhead = 512;

 private:
  struct Entry {
    std::uint64_t version = 0;  // of the stream when folded
    std::shared_ptr<const consultations::ResponseState> state;
  };

  void Keep(const std::string& id, std::shared_ptr<const consultations::ResponseState> state,
            std::size_t bytes);

  const EventLog& log_;
  mutable std::mutex mu_;
  ByteBudgetLru<Entry> kept_;
  std::uint64_t hits_ = 0;
  std::uint64_t misses_ = 0;
};

}  // namespace hoering::app
