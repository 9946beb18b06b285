// Receipt checks: does the log still hold an event with a receipt's hash at
// its position, and is the hash chain intact from there to the head? What GET
// /v1/receipts/verify answers and what the /receipts/verify page shows. It
// re-hashes every event from the position to the head: run it off the I/O
// threads.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "domain/status.h"
#include "server/app/app_context.h"

namespace hoering::app {

// {position, hash, matches, event_intact, event: {stream, type, recorded_at},
//  chain: {ok, checked, head | first_bad, problem}, ok}. 404
// "position-not-found" when the log has no event at `position`.
// REQUIRES: position >= 1, `hash` is 64 hex digits.
Result<nlohmann::json> VerifyReceipt(AppContext& ctx, std::uint64_t position,
                                     const std::string& hash);

}  // namespace hoering::app
