// Responses read from the log on demand: the read views hold none
// (server/app/response_index.h lists them), so a request that shows a
// response folds its stream, typically a handful of events.
#pragma once

#include <memory>
#include <string>

#include "domain/consultations/consultations_view.h"
#include "storage/event_store.h"

namespace hoering::app {

// The response folded from "response-<id>": 404 "response-not-found" when
// the stream holds no response, kCorruption when an event does not fold.
// `bytes`, when given, gains the size of the event data folded. Reads that
// repeat go through ResponseCache (response_cache.h) instead.
Result<std::shared_ptr<const consultations::ResponseState>> LoadResponse(
    const EventLog& log, const std::string& id, std::size_t* bytes = nullptr);

// LoadResponse() on `log`, as the domain's lookup function.
consultations::ResponseLookup ResponsesIn(const EventLog& log);

}  // namespace hoering::app
