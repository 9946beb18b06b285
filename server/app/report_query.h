// The consultation report as the caller may read it (the report's own rules
// decide what an anonymous reader or a stakeholder sees): what GET
// .../report answers in every format and what the report page shows.
//
// A report is made in two passes over the consultation's responses
// (domain/consultations/report_pieces.h), each response folded from the log
// as of the read views' position when the report was opened (so both passes
// see the same responses in the same state, whatever arrives meanwhile; that
// position is the report's as_of_position):
//   ReportPasses::Open   the first pass (party rows, change ids), then the
//                        word-diff excerpts of those changes (kept between
//                        reports, change_excerpts.h; one fold of the agreement's
//                        stream for those not kept). Nothing is written before
//                        it ends.
//   Head(), Next()...    the second pass, one response at a time, then Tail().
// Memory: one response at a time, the party rows (with the visible response
// ids) and the excerpts; never the whole set of responses of a large
// consultation. A consultation of up to kKeptBetweenPasses responses (most
// are: tens to hundreds) has the states its first pass folded kept for the
// second, which then folds nothing again. Each step reads the log: run it
// off the I/O threads.
//
// Thread safety: a ReportPasses is used by one thread at a time (it may move
// between pool threads); it keeps `ctx` by reference (REQUIRES: ctx outlives
// it).
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/access.h"
#include "domain/consultations/report_pieces.h"
#include "server/app/app_context.h"
#include "server/app/consultation_access.h"

namespace hoering::app {

class ReportPasses {
 public:
  // The most responses whose folded states the first pass keeps for the
  // second (a few KB each).
  static constexpr std::size_t kKeptBetweenPasses = 512;

  // The first pass. 404 "consultation-not-found" for an unknown
  // consultation; a read error of the log.
  static Result<std::unique_ptr<ReportPasses>> Open(AppContext& ctx, const access::Principal& who,
                                                    const std::string& id);

  // {as_of_position, consultation, generated_at, parties}.
  nlohmann::json Head() const;
  // The next entry of "responses" (responses the reader may not see are
  // passed over and counted), nullopt after the last; a read error.
  Result<std::optional<nlohmann::json>> Next();
  // {totals, withheld}. REQUIRES: Next() gave nullopt.
  nlohmann::json Tail() const { return body_.Tail(); }

  ReportPasses(const ReportPasses&) = delete;
  ReportPasses& operator=(const ReportPasses&) = delete;

 private:
  struct Loaded;  // what Open reads before the first pass
  ReportPasses(AppContext& ctx, const std::string& id, Loaded loaded);

  std::shared_ptr<const consultations::ConsultationState> consultation_;
  std::shared_ptr<const agreements::AgreementState> agreement_;
  std::shared_ptr<const agreements::SectionTree> consulted_;
  consultations::ReportFacts facts_;  // points into the three above
  consultations::ReportTally tally_{facts_};
  consultations::ReportBody body_{facts_, tally_};
  ResponseCursor cursor_;  // the second pass, unless it has kept_
  // The first pass's states, in its order, when there were at most
  // kKeptBetweenPasses; then the second pass reads them instead of cursor_.
  std::optional<std::vector<std::shared_ptr<const consultations::ResponseState>>> kept_;
  std::size_t next_kept_ = 0;
};

// The whole report as one JSON document (every entry in memory: for the
// report page and small callers; the route streams ReportPasses instead).
// 404 "consultation-not-found" for an unknown consultation.
Result<nlohmann::json> ReportFor(AppContext& ctx, const access::Principal& who,
                                 const std::string& id);

}  // namespace hoering::app
