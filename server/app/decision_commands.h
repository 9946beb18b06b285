// Recording a decision, fulfilling one of its conditions and marking an
// agreement's duty done, as commands for the command service
// (server/commands/command_service.h): the JSON routes return them as a
// Write (routes_decisions.cpp) and the decision pages (server/web/
// pages_decisions*.cpp, pages_ratification*.cpp) run the same ones.
//
//  * Record: decided on the agreement (a published version must match the
//    selector; its hash is stored), the parties, consultations and responses
//    it names (domain/decisions/decision_decide.h); appended to a new stream
//    "decision-<id>": an id already taken is 409 "decision-exists".
//  * Fulfil: condition `n` (from 1) of the decision in the read views,
//    appended at the stream version it was decided on.
//  * Obligation done: a duty of the agreement's term not yet done, appended
//    to "obligations-<agreement>" at the version it was decided on.
// Thread safety: the Decide functions read the read views under their lock
// and may run on any thread; `ctx` must outlive them.
#pragma once

#include <cstdint>
#include <string>

#include "domain/decisions/decision_decide.h"
#include "server/app/command_http.h"

namespace hoering::app {

Decide DecideRecordDecision(AppContext& ctx, decisions::RecordDecision command);
Decide DecideFulfilCondition(AppContext& ctx, std::string decision, std::uint32_t condition,
                             std::string evidence);
Decide DecideObligationDone(AppContext& ctx, std::string agreement, std::string key,
                            std::string evidence);

}  // namespace hoering::app
