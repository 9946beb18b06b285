// The one command pipeline (architecture.md §3): a handler has decided the
// events; this appends them with the expected version and answers.
//
//  * Idempotency-Key: scoped to the caller's token; the fingerprint is the
//    SHA-256 of method, target and body, so the same key with another body
//    is 422 "idempotency-key-reused" and the same request returns the first
//    answer (rebuilt from the first append's result) and writes nothing.
//  * A failed expectation becomes 409 (412 when the request had If-Match),
//    mapped in http/problem.cpp.
//  * Success: `answer(result)` builds the body; the pipeline adds
//    X-Log-Position and ETag (the stream version).
#pragma once

#include <functional>
#include <optional>

#include "domain/access/access.h"
#include "server/app/app_context.h"
#include "server/http/message.h"

namespace hoering::app {

struct WriteCommand {
  std::string stream;
  ExpectedVersion expected;
  std::vector<NewEvent> events;
  // Builds the success response (status and body) from the append result;
  // the request is passed back for its version and keep-alive.
  std::function<http::Response(const AppendResult&, const http::Request&)> answer;
  // Used instead of the generic 409 "version-conflict" when the expectation
  // fails (e.g. "party-exists" for a NoStream registration).
  std::optional<Status> on_conflict;
  // The store commits the append only before this instant (UTC ms); past it
  // the answer is `on_deadline` (e.g. 409 "consultation-closed").
  std::optional<std::int64_t> commit_before_ms;
  std::optional<Status> on_deadline;
  // Another stream the decision read, and its version then (AppendRequest::
  // decided_on). When it moved on, DecideAndAppend decides again, also for
  // requests with If-Match (their own stream did not change).
  std::optional<std::pair<std::string, std::uint64_t>> decided_on;
};

void AppendAndRespond(AppContext& ctx, const http::Request& request, const access::Principal& who,
                      WriteCommand command, http::Responder respond);

// Decides on the current read model and appends with the version it decided
// on. When another write to the same stream got in first and the request
// carried no If-Match, decides again on the fresher state (at most 32 times),
// so two secretaries editing different sections both succeed. With If-Match
// the conflict is the caller's answer (412).
//
// A retry with an Idempotency-Key already committed is answered before
// deciding (the first attempt changed the state the decision would see):
// `replay` rebuilds the first answer from the events the first attempt wrote.
using Decider = std::function<Result<WriteCommand>()>;
using ReplayAnswer = std::function<http::Response(const AppendResult&, const http::Request&,
                                                  const std::vector<NewEvent>&)>;
void DecideAndAppend(AppContext& ctx, const http::Request& request, const access::Principal& who,
                     Decider decide, ReplayAnswer replay, http::Responder respond);

// The usual answer of a write: the first event's data plus `position`, `hash`
// (of the last event) and `stream_version`, with status `code`.
ReplayAnswer EventDataAnswer(boost::beast::http::status code);

// A command appending `events` to `stream` whose success answer is
// `answer(result, request, events)`.
WriteCommand CommandFor(std::string stream, ExpectedVersion expected, std::vector<NewEvent> events,
                        const ReplayAnswer& answer);

}  // namespace hoering::app
