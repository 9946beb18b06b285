// Commands from HTTP requests: the one place where a request becomes a
// command's meta and a command's outcome becomes an HTTP answer
// (server/commands/command_service.h runs it).
//
//  * Meta: the caller's actor; X-Correlation-Id (else X-Request-Id) as the
//    correlation id; Idempotency-Key (1-200 characters, else 400
//    "invalid-idempotency-key") scoped to the caller's token, fingerprinted
//    from method, target and body; a request with If-Match refuses a
//    conflict (412) instead of deciding again.
//  * Success: `answer` builds status and body from what was written; this
//    adds X-Log-Position and ETag (the stream version), and
//    `Idempotent-Replayed: true` for a replay.
//  * Refusal: problem+json (server/http/problem.h).
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "domain/access/access.h"
#include "server/app/app_context.h"
#include "server/commands/command_service.h"
#include "server/http/message.h"

namespace hoering::app {

using commands::Command;
using commands::Decide;

// Builds a write's answer from what the command wrote (or, for a replay,
// what the first request wrote).
using WriteAnswer = std::function<http::Response(const AppendResult&, const http::Request&,
                                                 const std::vector<NewEvent>&)>;

Result<commands::CommandMeta> CommandMetaFor(const http::Request& request,
                                             const access::Principal& who);

// Runs `decide` through the command service and answers the request.
void ExecuteCommand(AppContext& ctx, std::shared_ptr<const http::Request> request,
                    const access::Principal& who, Decide decide, WriteAnswer answer,
                    http::Responder respond);

// Answers a request from a command's outcome.
void RespondWritten(const Result<commands::Written>& written, const http::Request& request,
                    const WriteAnswer& answer, const http::Responder& respond);

// The usual answer of a write: the first event's data plus `position`, `hash`
// (of the last event) and `stream_version`, with status `code`.
WriteAnswer EventDataAnswer(boost::beast::http::status code);

// A command appending `events` to `stream` with `expected`.
Command CommandFor(std::string stream, ExpectedVersion expected, std::vector<NewEvent> events);

}  // namespace hoering::app
