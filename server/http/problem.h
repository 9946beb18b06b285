// The one place where errors become HTTP: RFC 9457 problem+json responses, and
// the JSON success response used by every handler.
//
// A problem body is `{type, title, status, detail}`:
//   type   "urn:hoering:<short type>"; the short type comes from Status::type()
//          or, when empty, from the code (DefaultProblemType).
//   title  fixed per HTTP status ("Not Found"), never input-dependent.
//   status the HTTP status as a number.
//   detail human-readable, from the Status.
// Content-Type is application/problem+json; version and keep-alive are copied
// from the request.
//
// Thread safety: all functions are pure and may be called from any thread.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "domain/status.h"
#include "server/http/message.h"

namespace hoering::http {

inline constexpr std::string_view kProblemTypePrefix = "urn:hoering:";

// The HTTP status for a code: kInvalidArgument 400, kUnprocessable 422,
// kNotFound 404, kAlreadyExists/kConflict/kWrongExpectedVersion 409,
// kPreconditionFailed 412, kUnauthenticated 401, kPermissionDenied 403,
// kPayloadTooLarge 413, kUnavailable 503, kCorruption/kInternal 500.
// kOk (a caller bug: an ok Status is not a problem) maps to 500.
unsigned HttpStatusFor(Code code);

// Short problem type used when a Status carries none, e.g. "not-found",
// "version-conflict", "unauthenticated".
std::string_view DefaultProblemType(Code code);

// Problem response for a non-ok Status. kUnauthenticated adds
// `WWW-Authenticate: Bearer`. kWrongExpectedVersion answers 412 instead of 409
// when the request carried If-Match (api.md "Concurrency": a write with If-Match
// whose version differs gets 412).
// A status with several validation errors lists them as the extension
// `errors: [{pointer, type, params}]` (domain/status.h FieldProblem).
// REQUIRES: !status.ok() (an ok Status yields a 500 "internal" problem).
Response MakeProblem(const hoering::Status& status, const Request& req);

// Problem response with an explicit HTTP status. `type` is the short type
// ("route-not-found"); a type already starting with "urn:" is kept as is.
Response MakeProblem(unsigned http_status, std::string type, std::string detail,
                     const Request& req);

// JSON response: Content-Type application/json, body = value.dump() where
// invalid UTF-8 in strings is replaced by U+FFFD (never throws on bad bytes).
Response MakeJson(beast_http::status status, const nlohmann::json& value, const Request& req);

// Any other body (text, markdown, an attachment) with its Content-Type.
Response MakeBody(beast_http::status status, std::string body, std::string_view content_type,
                  const Request& req);

// Serializes like MakeJson does: compact, invalid UTF-8 replaced. Never throws
// on invalid UTF-8.
std::string DumpJson(const nlohmann::json& value);

}  // namespace hoering::http
