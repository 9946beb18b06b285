// JSON views of consultations and responses as the API answers them
// (docs/api.md). Pure; "now" decides the consultation's state.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "domain/consultations/consultation_state.h"
#include "domain/consultations/consultations_view.h"
#include "domain/consultations/response_state.h"
#include "domain/consultations/visibility.h"

namespace hoering::consultations {

// How many responses a consultation received, withdrawn and late included.
struct ResponseCounts {
  std::uint64_t submitted = 0;
  std::uint64_t withdrawn = 0;
  std::uint64_t late = 0;
  bool operator==(const ResponseCounts&) const = default;
};

// {id, agreement, version, title, opens_at, closes_at, original_closes_at, time_zone, state,
//  closed_at, close_reason, invited, extensions, responses: {submitted, withdrawn, late},
//  created_at, position}
nlohmann::json ConsultationJson(const ConsultationState& c, TimeMs now,
                                const ResponseCounts& responses);

// Change ids citing a point (from 1).
using CitedBy = std::function<std::vector<std::string>(std::uint32_t point)>;
// CitedBy over a response's citations read once (ConsultationsView::CitationsOfResponse).
CitedBy CitedByOf(std::vector<PointCitation> citations);

// The current revision with dispositions and citations; REQUIRES v != kHidden.
nlohmann::json ResponseJson(const ResponseState& r, Visibility v, const CitedBy& cited_by);
// One revision as submitted, with its receipt; REQUIRES v != kHidden.
nlohmann::json RevisionJson(const ResponseState& r, const RevisionInfo& rev, Visibility v);
// {outcome, rationale, changes, recorded_at, position, actor}
nlohmann::json DispositionJson(const DispositionInfo& d);
// The author as the visibility allows: {name, email?} or null.
nlohmann::json VisibleAuthor(const Author& a, Visibility v);

}  // namespace hoering::consultations
