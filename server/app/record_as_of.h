// The record as of a point of the log (issue 15): what the responses and
// dispositions reads answered when the log's head stood at a position.
// `?at=position:<n>` or `?at=time:<RFC 3339>` on those reads selects it;
// absent (or `current`) is the live read.
//
// It is a projection of the log, not a second one: the consultation's and
// each response's stream are folded from the log with the same Apply() the
// live views use, stopping at the position (stream_fold.h FoldStreamUpTo).
// Memory: one consultation and the response being shown; the cost is one
// fold of each response stream read (no cache), plus, for a time, a binary
// search of the log (about log2(head) single-event reads).
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/consultations/consultation_state.h"
#include "domain/consultations/response_state.h"
#include "server/app/app_context.h"

namespace hoering::app {

struct AsOf {
  std::uint64_t position = 0;  // the log's head as of then (0: before the first event)
  // The clock as of then, for the consultation's phase (and so visibility):
  // a time selector's own instant, else the recorded-at time of the event
  // at `position`.
  TimeMs now = 0;
  std::string at;  // the selector, canonical: "position:<n>" | "time:<RFC 3339>"
};

// `?at=`: nullopt when absent, empty or "current" (the live read). 400
// "invalid-field" naming `at` for anything but position:<n> / time:<RFC
// 3339> (a version number or label selects agreement texts only); 404
// "position-not-found" for a position past the head of the read views.
// `time:` selects the last event recorded at or before that instant
// (recorded-at times never decrease along the log); before the first event
// it is position 0, where nothing exists yet.
Result<std::optional<AsOf>> ParseAsOf(AppContext& ctx, const std::optional<std::string>& at);

// `body` with `as_of_position` and `at` added when `as_of` is set (a read
// as of a position says which); unchanged for the live read.
nlohmann::json WithAsOf(nlohmann::json body, const std::optional<AsOf>& as_of);

// The consultation folded up to `as_of.position`; 404
// "consultation-not-found" when it was not opened by then.
Result<std::shared_ptr<const consultations::ConsultationState>> ConsultationAsOf(
    AppContext& ctx, const std::string& id, const AsOf& as_of);

// The response folded up to `as_of.position`; 404 "response-not-found"
// when it was not submitted by then.
Result<std::shared_ptr<const consultations::ResponseState>> ResponseAsOf(AppContext& ctx,
                                                                         const std::string& id,
                                                                         const AsOf& as_of);

}  // namespace hoering::app
