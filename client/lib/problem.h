// What the client reports when a call did not succeed: an RFC 9457 problem
// sent by the server, or a transport failure on the way there.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "client/lib/http_types.h"
#include "domain/status.h"

namespace hoering::client {

struct ApiError {
  // The HTTP status, or 0 when no answer arrived (connection refused,
  // timeout, malformed answer).
  int status = 0;
  // The problem type: the server's `type` ("urn:hoering:consultation-closed"),
  // or "urn:hoering:client:<kind>" for failures found by the client
  // (connection-failed, timeout, bad-response, bad-url).
  std::string type;
  std::string title;
  std::string detail;
  nlohmann::json body;  // the whole problem document as sent (null if none)

  bool transport() const { return status == 0; }
  bool client_error() const { return status >= 400 && status < 500; }
};

// Interprets a non-2xx answer. A problem+json (or any JSON object) body
// supplies type/title/detail; otherwise the title is the reason phrase, the
// type "about:blank" (RFC 9457 section 4.2.1) and the detail the first
// 500 bytes of the body.
ApiError ProblemFromResponse(const HttpResponse& response);

// A client-side failure (transport, or an answer the client cannot read).
// The type becomes "urn:hoering:client:" + status.type() ("client" if empty).
ApiError ClientError(const Status& status, int http_status = 0);

// One line for people: "<title>: <detail> (<type>, HTTP <status>)".
std::string Describe(const ApiError& e);

}  // namespace hoering::client
