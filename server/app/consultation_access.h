// Shared steps of the consultation, response and report routes: who reads,
// loading a consultation, a response as the caller may see it, and walking
// a consultation's responses one at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "domain/agreements/section_tree.h"
#include "domain/consultations/consultation_json.h"
#include "domain/consultations/consultation_state.h"
#include "domain/consultations/response_decide.h"
#include "domain/consultations/response_state.h"
#include "domain/consultations/visibility.h"
#include "server/app/app_context.h"
#include "server/app/record_as_of.h"
#include "server/http/message.h"

namespace hoering::app {

consultations::Reader ReaderOf(const access::Principal& who);
consultations::Submitter SubmitterOf(const access::Principal& who);

Result<std::shared_ptr<const consultations::ConsultationState>> LoadConsultation(
    AppContext& ctx, const std::string& id);

struct VisibleResponse {
  std::shared_ptr<const consultations::ConsultationState> consultation;
  std::shared_ptr<const consultations::ResponseState> response;
  consultations::Visibility visibility = consultations::Visibility::kHidden;
};
// 404 "consultation-not-found"; 404 "response-not-found" when the response
// is missing, answers another consultation, or is hidden from `who`. With
// `as_of` (record_as_of.h), all of it as it stood then: the consultation and
// the response folded up to that position, and visibility judged by the
// phase at that time.
Result<VisibleResponse> LoadVisibleResponse(AppContext& ctx, const access::Principal& who,
                                            const std::string& consultation,
                                            const std::string& response,
                                            const AsOf* as_of = nullptr);

// Each response of a consultation that the response index lists, in order
// of first submission, folded from the log as of position `as_of`: events
// after it are not applied, and a response whose first event is after it is
// skipped, so that passes over the same consultation see the same responses
// in the same state while new events arrive. A response whose stream no
// longer folds is skipped (the verify routes report the log). Holds one page
// of ids (kPage) and the response last returned, never the whole set.
// Thread safety: none; one cursor per pass.
class ResponseCursor {
 public:
  static constexpr std::size_t kPage = 1024;
  // REQUIRES: `ctx` outlives the cursor. A response the response cache
  // keeps whose last event is at or before `as_of` is taken from it instead
  // of folded (when `as_of` is at or before the read views' position, so
  // that every commit up to it has reached the cache).
  ResponseCursor(AppContext& ctx, std::string consultation, std::uint64_t as_of);
  // The next response, nullptr after the last; a read error.
  Result<std::shared_ptr<const consultations::ResponseState>> Next();

 private:
  const EventLog& log_;
  const ResponseCache& cache_;
  const std::shared_ptr<const ResponseIndex> index_;  // the one of the cursor's start
  const std::string consultation_;
  const std::uint64_t as_of_;
  const bool use_kept_;
  std::vector<std::string> page_;
  std::size_t next_ = 0;
  bool last_page_ = false;
};

// Calls `visit` with each response a ResponseCursor gives; stops at the
// first error of `visit` or of the cursor and returns it.
Status ForEachResponseOf(AppContext& ctx, const std::string& consultation, std::uint64_t as_of,
                         const std::function<Status(const consultations::ResponseState&)>& visit);

// The counts the consultation's JSON shows, from the response index.
Result<consultations::ResponseCounts> ResponseCountsOf(AppContext& ctx,
                                                       const std::string& consultation);

// The text of the version a consultation is on (server/app/version_texts.h).
Result<std::shared_ptr<const agreements::SectionTree>> ConsultedText(
    AppContext& ctx, const consultations::ConsultationState& consultation);

// The change sets citing the points of `response`, read from the read view
// once; with `as_of`, only those recorded at or before its position.
std::vector<consultations::PointCitation> CitationsFor(AppContext& ctx, const std::string& response,
                                                       const AsOf* as_of = nullptr);
// Change ids citing the points of `response` (CitationsFor as a CitedBy).
consultations::CitedBy CitedByFor(AppContext& ctx, const std::string& response,
                                  const AsOf* as_of = nullptr);

}  // namespace hoering::app
