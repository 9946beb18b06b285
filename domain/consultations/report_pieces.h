// The consultation report in pieces, so that it can be written while the
// responses are visited one at a time instead of collected. Pure: no I/O,
// no clock (ReportFacts::now is the time of the report).
//
// A report (report.h) is one JSON object, in nlohmann's sorted key order:
//   {as_of_position, consultation, generated_at, parties,   <- ReportHead
//    responses: [entry, ...],                                 <- ReportBody::Add
//    totals, withheld}                                        <- ReportBody::Tail
// The parties table needs, per party, the ids and flags of the responses the
// reader may see, and the points show excerpts of the changes they cite, so
// the responses are passed twice, in the same order (submission order):
//   1. ReportTally::Add(r) for every response: keeps the party rows and the
//      change ids (ChangeExcerpts in report.h turns them into excerpts), then
//      drops the response.
//   2. ReportHead(facts, tally); then ReportBody::Add(r) for every response
//      again, giving its entry (nullopt when the reader may not see it); then
//      ReportBody::Tail(): the totals and the withheld count.
// Both passes must see the same responses in the same state, or the parties
// table and the entries disagree; BuildReport (report.h) is these pieces run
// over a vector. report_writer.h turns the pieces into text.
//
// Memory: the tally holds one row per party (with its visible response ids)
// and the change ids; the body holds the totals. Neither keeps a response.
// Thread safety: none; one report per object. The facts must outlive both.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "domain/agreements/agreement_state.h"
#include "domain/consultations/consultation_state.h"
#include "domain/consultations/response_state.h"
#include "domain/consultations/visibility.h"

namespace hoering::consultations {

struct PartyFacts {
  std::string name;
  std::string kind;
};

// Everything a report needs besides its responses.
struct ReportFacts {
  const ConsultationState* consultation = nullptr;  // REQUIRED
  const agreements::AgreementState* agreement = nullptr;
  // The text of the consulted version (section headings); may be null.
  const agreements::SectionTree* consulted_text = nullptr;
  std::function<std::optional<PartyFacts>(const std::string& party)> party;
  // Change ids citing point `point` of `response`; may be empty.
  std::function<std::vector<std::string>(const std::string& response, std::uint32_t point)>
      cited_by;
  // change id -> [{id, heading, status, excerpt}] (ChangeExcerpts)
  std::map<std::string, nlohmann::json> excerpts;
  Reader reader;
  TimeMs now = 0;
  std::uint64_t as_of_position = 0;
};

// The first pass.
class ReportTally {
 public:
  // REQUIRES: facts.consultation is set; `facts` outlives the tally.
  explicit ReportTally(const ReportFacts& facts);

  void Add(const ResponseState& response);

  // The change ids the points of the added responses show (every response's,
  // the hidden ones' too): current dispositions' changes and citing changes.
  const std::set<std::string>& changes() const { return changes_; }
  // [{party, name, kind, invited, responded, responses, late, withdrawn}]: the
  // invited parties (in invitation order), then the other parties of
  // responses the reader may see (a hidden response does not reveal its party).
  nlohmann::json PartiesJson() const;
  // The party's name (its id when the party is unknown).
  std::string PartyName(const std::string& party) const;
  bool closed() const { return closed_; }

 private:
  struct Row {
    std::string name, kind;
    bool invited = false, responded = false, late = false, withdrawn = false;
    std::vector<std::string> responses;
  };
  Row& RowOf(const std::string& party);

  const ReportFacts& facts_;
  bool closed_ = false;
  std::vector<std::string> order_;
  std::unordered_set<std::string> listed_;
  std::unordered_map<std::string, Row> rows_;
  std::set<std::string> changes_;
};

// {as_of_position, consultation, generated_at, parties}.
nlohmann::json ReportHead(const ReportFacts& facts, const ReportTally& tally);

// The second pass.
class ReportBody {
 public:
  // REQUIRES: `facts` and `tally` (complete) outlive the body.
  ReportBody(const ReportFacts& facts, const ReportTally& tally);

  // The response's entry in "responses", or nullopt when the reader may not
  // see it (it is counted as withheld). Counts it in the totals.
  std::optional<nlohmann::json> Add(const ResponseState& response);
  // {totals: {responses, withdrawn, late, points, outcomes}, withheld} of
  // the responses added; withdrawn responses' points are not counted.
  nlohmann::json Tail() const;
  // Entries returned so far.
  std::size_t shown() const { return shown_; }

 private:
  const ReportFacts& facts_;
  const ReportTally& tally_;
  std::map<std::string, std::int64_t> outcomes_;
  std::size_t shown_ = 0, withdrawn_ = 0, late_ = 0, points_ = 0, withheld_ = 0;
};

}  // namespace hoering::consultations
