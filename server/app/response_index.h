// The response index: a persistent view (storage/projection_store.h) that
// lets a consultation list, page and count its responses without any
// response being held in memory. Response contents stay in the log; one
// response is folded from its stream when a request needs it
// (server/app/response_loader.h).
//
// Keys, under the index's prefix P ("ri0/" or "ri1/": a rebuild folds a new
// generation beside the live one, compares the two and switches; the live
// prefix is the value of kLiveIndexKey):
//   P "at"                               the position folded up to (decimal)
//   P "r/" response                      consultation "\t" seq "\t" flags
//                                        (flags: "l" late, "w" withdrawn)
//   P "c/" consultation "/" seq          the response id; seq is 16 hex
//                                        digits from 0, so a consultation's
//                                        keys sort in order of first submission
//   P "n/" consultation                  submitted "\t" withdrawn "\t" late
//
// What is indexed (the same as folding each response stream would show):
//  * a "response-" stream's first event, when it is a ResponseSubmitted whose
//    "consultation" is a valid id: the response is listed and counted, late
//    when its "late" is true;
//  * a ResponseWithdrawn of a listed response: counted once as withdrawn.
// Only these two fields of ResponseSubmitted are read (simdjson on-demand),
// so folding the index costs little more than reading the log. Everything
// else about a response is read from its stream.
//
// Thread safety: Apply(), Fold(), MarkStored() and Clear() from one writer at
// a time; the readers
// from any thread, concurrently with the writer (each reads a consistent
// RocksDB state; a page may straddle two writes).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/consultations/consultation_json.h"
#include "domain/event.h"
#include "storage/projection_store.h"

namespace hoering::app {

inline constexpr const char* kLiveIndexKey = "response-index";

using consultations::ResponseCounts;

struct IndexedResponse {
  std::string consultation;
  std::uint64_t seq = 0;  // place in the consultation's order of first submission
  bool late = false;
  bool withdrawn = false;
};

// A fold's changes to the index and the position they bring it to.
struct IndexWrites {
  std::vector<ProjectionWrite> writes;
  std::uint64_t position = 0;
};

class ResponseIndex {
 public:
  // An index under `prefix`; Load() before use.
  ResponseIndex(ProjectionStore& store, std::string prefix);
  ~ResponseIndex();

  // The live generation's prefix (kLiveIndexKey), "ri0/" when none is named.
  static Result<std::string> LivePrefix(const ProjectionStore& store);
  // The other generation's prefix.
  static std::string OtherPrefix(const std::string& prefix);
  // Names this index the live one.
  Status MakeLive();

  const std::string& prefix() const { return prefix_; }

  // Reads the stored position (0 for an index never written).
  Status Load();
  std::uint64_t position() const { return position_.load(std::memory_order_acquire); }

  // Folds `events` (in position order; those at or below position() are
  // skipped) and stores every change with the new position in one
  // WriteProjections(). On an error nothing of the call is stored.
  // Apply() = Fold(), WriteProjections(), MarkStored().
  Status Apply(const std::vector<RecordedEvent>& events);

  // What Apply() would store, without storing it: the changes and the
  // position after `events`, nullopt when none of them is after position().
  // Reads the stored entries, so the writes of an earlier Fold() must be
  // stored (and marked) before the next one.
  Result<std::optional<IndexWrites>> Fold(const std::vector<RecordedEvent>& events);
  // The writes of a Fold() up to `position` are stored: position() is it.
  void MarkStored(std::uint64_t position);

  // Removes every key of this generation; position() is 0 after.
  Status Clear();

  Result<std::optional<IndexedResponse>> Find(const std::string& response) const;
  Result<ResponseCounts> CountsOf(const std::string& consultation) const;
  // Up to `limit` response ids of `consultation` in order of first
  // submission, after the response `after` ("" from the first). An `after`
  // that is no response of the consultation gives an empty list.
  Result<std::vector<std::string>> ResponsesOf(const std::string& consultation,
                                               const std::string& after, std::size_t limit) const;

  // Compares the entries of two generations: nullopt when they are the same
  // (positions aside), else the first key (without prefix) that differs.
  static Result<std::optional<std::string>> FirstDifference(const ProjectionStore& store,
                                                            const std::string& a,
                                                            const std::string& b);

 private:
  class Batch;

  ProjectionStore& store_;
  std::string prefix_;
  std::atomic<std::uint64_t> position_{0};
  struct Parser;
  std::unique_ptr<Parser> parser_;  // used by Apply() only
};

}  // namespace hoering::app
