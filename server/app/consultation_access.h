// Shared steps of the consultation, response and report routes: who reads,
// loading a consultation, and a response as the caller may see it.
#pragma once

#include <memory>
#include <string>

#include "domain/agreements/section_tree.h"
#include "domain/consultations/consultation_json.h"
#include "domain/consultations/consultation_state.h"
#include "domain/consultations/response_decide.h"
#include "domain/consultations/response_state.h"
#include "domain/consultations/visibility.h"
#include "server/app/app_context.h"
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
// is missing, answers another consultation, or is hidden from `who`.
Result<VisibleResponse> LoadVisibleResponse(AppContext& ctx, const access::Principal& who,
                                            const std::string& consultation,
                                            const std::string& response);

// Every response of `consultation` in order of first submission, each folded
// from the log; a response whose stream no longer folds is left out (the
// verify routes report the log). For a report or a page, never a hot path.
Result<std::vector<std::shared_ptr<const consultations::ResponseState>>> AllResponsesOf(
    AppContext& ctx, const std::string& consultation);

// The counts the consultation's JSON shows, from the response index.
Result<consultations::ResponseCounts> ResponseCountsOf(AppContext& ctx,
                                                       const std::string& consultation);

// The text of the version a consultation is on (server/app/version_texts.h).
Result<std::shared_ptr<const agreements::SectionTree>> ConsultedText(
    AppContext& ctx, const consultations::ConsultationState& consultation);

// Change ids citing the points of `response`, from the read view.
consultations::CitedBy CitedByFor(AppContext& ctx, const std::string& response);

}  // namespace hoering::app
