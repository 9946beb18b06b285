// Submitting, amending and withdrawing a response: the one write path of a
// response, free of HTTP, run by the JSON routes (routes_responses.cpp) and
// the response form (server/web/pages_respond.cpp) alike.
//
//  * Who: stakeholders for their own party, editors (secretariat, admin) for
//    any (domain/consultations/response_decide.h); any other role is 403
//    "forbidden" here, whatever route or page calls.
//  * Deadline: each append carries the consultation's deadline to the store
//    (commit_before), so a response is either committed before the deadline
//    with a receipt or refused with 409 "consultation-closed".
//  * Attachments are stored once per content ("attachment-<sha256>") before
//    the response that names them; a decision that refuses is reported before
//    anything is stored, and an idempotency key already committed is answered
//    from its first write without storing anything.
//  * Amend and withdraw decide on the response's stream version; `if_match`
//    (the version the caller saw) refuses any other version with 412
//    "precondition-failed". Another party's response is 404 to a stakeholder.
//  * `done` runs exactly once, on the caller's thread or the store's commit
//    thread (command_service.h).
// Thread safety: callable from any thread; `ctx` must outlive `done`.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/access.h"
#include "domain/consultations/response_decide.h"
#include "server/app/app_context.h"
#include "server/commands/command_service.h"

namespace hoering::app {

void SubmitResponse(AppContext& ctx, commands::CommandMeta meta, const access::Principal& who,
                    std::string consultation, std::string response,
                    consultations::Submission submission, commands::Completion done);

void AmendResponse(AppContext& ctx, commands::CommandMeta meta, const access::Principal& who,
                   std::string consultation, std::string response,
                   std::optional<std::uint64_t> if_match, consultations::Submission submission,
                   commands::Completion done);

void WithdrawResponse(AppContext& ctx, commands::CommandMeta meta, const access::Principal& who,
                      std::string consultation, std::string response,
                      std::optional<std::uint64_t> if_match, std::optional<std::string> reason,
                      commands::Completion done);

// The receipt of a response write: {response, consultation, party?,
// revision, submitted_at?, late?, received_at?, withdrawn?, withdrawn_at?,
// position, hash (hex), stream_version}; the form `hoering receipt check` and
// /receipts/verify accept.
nlohmann::json ResponseReceipt(const AppendResult& appended, const std::vector<NewEvent>& events);

}  // namespace hoering::app
