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
//  * Freshness: each search lists the consultation's responses from the
//    persistent response index (ReadViews::responses(), in order of first
//    submission) and compares every response's stream version in the log
//    with the one its entry was built from; only responses that moved (a new
//    response, an amendment, a withdrawal, a disposition) are folded again.
//    So a search never answers from a state older than the log it saw.
//  * Memory: each consultation's entry is costed at its word lists plus a
//    fixed overhead per point and response; the least recently searched are
//    dropped when the total passes the budget. A consultation costing more
//    than the whole budget is built for the request and not kept.
//  * Cost: a search reads the response ids (one RocksDB scan) and one stream
//    version per response, then scans the kept word lists (every point for
//    a total); a first search of a consultation folds every response stream.
//
// Thread safety: Search() from any thread; entries are immutable and shared.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/app/app_context.h"

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
};

class PointSearch {
 public:
  PointSearch(AppContext& ctx, std::size_t budget_bytes);

  // Up to `limit` points of `consultation` that pass `filter`, after the
  // cursor `after` ("" from the first; "<response>/<n>" as `next` gives). An
  // unknown cursor starts from the first. 404 "consultation-not-found".
  Result<PointsFound> Search(const std::string& consultation, const PointFilter& filter,
                             const std::string& after, std::size_t limit);

  struct Stats {
    std::size_t consultations = 0;
    std::size_t bytes = 0;
    std::uint64_t folds = 0;  // response streams folded since start
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
    bool late = false;
    bool withdrawn = false;
    std::vector<IndexedPoint> points;
  };
  using Responses = std::vector<std::shared_ptr<const IndexedResponse>>;

 private:
  struct Entry {
    std::string consultation;
    std::shared_ptr<const Responses> responses;
    std::size_t bytes = 0;
  };
  using Order = std::list<Entry>;  // most recently used first

  // The consultation's responses as they are in the log now.
  Result<std::shared_ptr<const Responses>> Current(const std::string& consultation);
  void Keep(const std::string& consultation, std::shared_ptr<const Responses> responses,
            std::size_t bytes);

  AppContext& ctx_;
  const std::size_t budget_;
  mutable std::mutex mu_;
  Order order_;
  std::unordered_map<std::string, Order::iterator> by_id_;
  std::size_t bytes_ = 0;
  std::uint64_t folds_ = 0;
};

}  // namespace hoering::app
