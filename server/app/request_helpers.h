// Small pieces routes use: query numbers, headers, preconditions, ETags.
#pragma once

#include <optional>
#include <string>

#include "domain/status.h"
#include "server/http/router.h"
#include "storage/event_store.h"

namespace hoering::app {

// ?limit= (default 100, 1..1000). 400 "invalid-query" otherwise.
Result<std::size_t> ParseLimit(const http::RouteMatch& match);
// A non-negative integer query parameter; nullopt when absent.
Result<std::optional<std::uint64_t>> ParseUintQuery(const http::RouteMatch& match,
                                                    std::string_view name);

std::optional<std::string> Header(const http::Request& req, std::string_view name);

// If-Match: "<n>" (or W/"<n>", or *) as a stream version; nullopt when absent.
Result<std::optional<std::uint64_t>> ParseIfMatch(const http::Request& req);

// 412 "precondition-failed" when the request's If-Match (`if_match`) names
// another version than `version` of `what` ("the consultation"); OK without one.
Status CheckIfMatch(std::optional<std::uint64_t> if_match, std::uint64_t version,
                    std::string_view what);

// The ETag value for a stream version: "\"<n>\"".
std::string ETagFor(std::uint64_t stream_version);
// `res` with an ETag for `stream_version`.
http::Response WithETag(http::Response res, std::uint64_t stream_version);

// Adds X-Log-Position (and, for new writes, nothing else) to a response.
void SetPositionHeader(http::Response& res, std::uint64_t position);

}  // namespace hoering::app
