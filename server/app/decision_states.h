// Decision states loaded from the log, not from the read views: what a
// command decides on is folded from its stream's typed events
// (domain/events/decoded_event.h) at the moment it decides, so deciding does
// not depend on how or where the views are kept.
#pragma once

#include <string>

#include "domain/consultations/response_decision_state.h"
#include "storage/event_store.h"

namespace hoering::app {

// The decision state of "response-<id>" (exists() false when the stream is
// empty). kCorruption when an event of the stream does not decode.
Result<consultations::ResponseDecisionState> LoadResponseDecision(const EventLog& log,
                                                                  const std::string& response_id);

}  // namespace hoering::app
