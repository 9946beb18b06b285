// Opening, extending and closing a consultation as commands for the command
// service (server/commands/command_service.h): the JSON routes
// (routes_consultations.cpp) return them as a Write and the secretariat's
// pages (server/web/pages_manage*.cpp) run the same ones, so each rule is
// decided in one place (domain/consultations/consultation_decide.h).
//
//  * Open: decided on the agreement and parties in the read views; appended
//    to "consultation-<id>" only when the stream does not exist (a conflict
//    is 409 "consultation-exists").
//  * Extend, Close: decided on the consultation's state, appended with the
//    version it was decided on. `if_match` (the version the caller saw) is
//    412 "precondition-failed" when the consultation moved on.
// Thread safety: the Decide functions read the read views under their lock
// and may run on any thread; `ctx` must outlive them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/consultations/consultation_decide.h"
#include "server/app/command_http.h"

namespace hoering::app {

Decide DecideOpenConsultation(AppContext& ctx, consultations::OpenConsultation command);

Decide DecideExtendConsultation(AppContext& ctx, std::string id,
                                consultations::ExtendDeadline command,
                                std::optional<std::uint64_t> if_match);

Decide DecideCloseConsultation(AppContext& ctx, std::string id, std::optional<std::string> reason,
                               std::optional<std::uint64_t> if_match);

}  // namespace hoering::app
