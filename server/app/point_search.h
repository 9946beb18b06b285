// The committee's search over the points of a consultation's responses
// (the inbox, issue 15): filters (party, party kind, section, outcome, late,
// withdrawn) and word-prefix search in the point texts, case- and
// accent-insensitive (domain/text/search_words.h), paged.
//
// Where the index lives (docs/web.md "Inbox"): nowhere for good. A
// consultation's index is built on demand from the log and kept in a
// size-bounded LRU of consultations:
//  * Per response: its stream version, party, late, withdrawn and, per point,
//    section, current outcome and the point text's WordList (the distinct
//    folded words), folded from "response-<id>" (response_loader.h).
//  * Freshness: each entry remembers the log position it is known to be
//    current at. A search first reads the log head: when nothing was
//    committed since, the entry is used as it is (no read at all). When a
//    few events were committed since (at most `max_tail`), only those are
//    read: the responses whose streams they touch are folded again, and a
//    response stream new to the entry is folded and added when it belongs
//    to this consultation (new responses come last, in the order of their
//    first event: the order of first submission). After a longer gap, the
//    whole check runs: the consultation's responses are listed from the
//    persistent response index (ReadViews::responses(), in order of first
//    submission) and every response's stream version in the log is compared
//    with the one its entry was built from; only responses that moved are
//    folded again. Its position is the index's position read before the
//    listing, so a response the index had not folded yet is caught by the
//    next search's tail. A search never answers from a state older than
//    the log head it read.
//  * Memory: each consultation's entry is costed at its word lists plus a
//    fixed overhead per point and response; the least recently searched are
//    dropped when the total passes the budget. A consultation costing more
//    than the whole budget is built for the request and not kept.
//  * Cost: a search without new events reads nothing from the store, then
//    scans the kept word lists (every point, for the total); with new events
//    it reads them and folds the responses they touch; a first search of a
//    consultation (or one after more than `max_tail` events) lists the
//    response ids (one RocksDB scan), reads one stream version per response
//    and folds those that moved (all of them the first time).
//
// Thread safety: Search() from any thread; entries are immutable and shared.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "server/app/app_context.h"
#include "server/app/byte_lru.h"

namespace hoering::app {

struct PointFilter {
  std::string party;         // "" any
  std::string party_kind;    // "" any
  std::string section;       // "" any; kWholeText: points on no section
  std::string outcome;       // "" any; kNoDisposition: points without one; else an outcome name
  std::optional<bool> late;  // nullopt: either
  std::optional<bool> withdrawn;  // nullopt: either
  std::string query;              // words; each must begin a word of the point text
};
inline constexpr const char* kWholeText = "-";
inline constexpr const char* kNoDisposition = "none";

struct PointRef {
  std::string response;
  std::uint32_t n = 0;
};

struct PointsFound {
  std::vector<PointRef> items;       // in order of first submission, then point number
  std::optional<std::string> next;   // cursor after the last item, when more match
  std::size_t total = 0;             // points matching the filter
  std::size_t points = 0;            // points of the consultation
  std::vector<std::string> parties;  // the parties that answered, sorted
  // Points of the consultation per section id ("" for the whole text), every
  // point counted whatever the filter: the sections worth filtering by.
  std::map<std::string, std::size_t> sections;
};

class PointSearch {
 public:
  static constexpr std::size_t kMaxTailEvents = 4096;

  PointSearch(AppContext& ctx, std::size_t budget_bytes, std::size_t max_tail = kMaxTailEvents);

  // Up to `limit` points of `consultation` that pass `filter`, after the
  // cursor `after` ("" from the first; "<response>/<n>" as `next` gives). An
  // unknown cursor starts from the first. 404 "consultation-not-found".
  Result<PointsFound> Search(const std::string& consultation, const PointFilter& filter,
                             const std::string& after, std::size_t limit);

  struct Stats {
    std::size_t consultations = 0;
    std::size_t bytes = 0;
    std::uint64_t folds = 0;        // response streams folded since start
    std::uint64_t full_checks = 0;  // searches that compared every response's version
  };
  Stats stats() const;

  static constexpr std::size_t kPointOverhead = 96;
  static constexpr std::size_t kResponseOverhead = 256;

  struct IndexedPoint {
    std::uint32_t n = 0;
    std::string section;
    std::string outcome;  // "" without a disposition
    std::string words;    // text::WordList of the point text
  };
  struct IndexedResponse {
    std::string id;
    std::uint64_t version = 0;
    std::string party;
    std::int64_t submitted_at = 0;  // UTC ms of its first submission (or received_at)
    bool late = false;
    bool withdrawn = false;
    std::vector<IndexedPoint> points;
  };
  using Responses = std::vector<std::shared_ptr<const IndexedResponse>>;

  // The consultation's responses as they are in the log now (the same
  // freshness as Search), in order of first submission: for counts over a
  // whole consultation without folding it again. An unknown consultation
  // has none.
  Result<std::shared_ptr<const Responses>> Current(const std::string& consultation);

 private:
  struct Kept {
    std::shared_ptr<const Responses> responses;  // null: none kept
    std::uint64_t position = 0;                  // the log position `responses` are current at
  };

  // `kept` brought up to `head` by reading the events after its position;
  // nullopt when they are more than max_tail_.
  Result<std::optional<std::shared_ptr<const Responses>>> CatchUp(const std::string& consultation,
                                                                  const Kept& kept,
                                                                  std::uint64_t head);
  // Every response listed and its version compared (see "Freshness").
  Result<std::shared_ptr<const Responses>> FullCheck(const std::string& consultation,
                                                     const Kept& kept, std::uint64_t* position);
  Kept Find(const std::string& consultation);
  void Keep(const std::string& consultation, std::shared_ptr<const Responses> responses,
            std::uint64_t position);

  AppContext& ctx_;
  const std::size_t max_tail_;
  mutable std::mutex mu_;
  ByteBudgetLru<Kept> kept_;  // by consultation id
  std::uint64_t folds_ = 0;
  std::uint64_t full_checks_ = 0;
};

}  // namespace hoering::app
