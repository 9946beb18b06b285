// Recording a disposition of one response point (outcome, rationale, change
// sets) as a command for the command service
// (server/commands/command_service.h): the JSON route
// PUT /v1/consultations/{id}/responses/{rid}/points/{n}/disposition returns it
// as a Write (routes_dispositions.cpp); the committee's inbox
// (server/web/pages_inbox*.cpp) runs the same one for each point it sets.
//
//  * Decided on the response's stream, folded from the log
//    (decision_states.h): 404 "consultation-not-found" for an unknown
//    consultation, 404 "response-not-found" for a response that does not
//    exist in it, then domain/consultations/response_decide.h
//    DecideDisposition (404 "point-not-found", 422 "unknown-change").
//  * `if_match` (the stream version the caller saw) refuses any other
//    version with 412 "precondition-failed"; nullopt decides on the current.
//  * Appended to "response-<rid>" at the version it was decided on.
// Thread safety: the Decide may run on any thread; `ctx` must outlive it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/consultations/response_decide.h"
#include "server/app/command_http.h"

namespace hoering::app {

Decide DecideRecordDisposition(AppContext& ctx, std::string consultation, std::string response,
                               std::uint32_t point, consultations::RecordDisposition command,
                               std::optional<std::uint64_t> if_match);

}  // namespace hoering::app
