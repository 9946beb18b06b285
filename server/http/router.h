// Routing: maps (method, path) to a route handler. Pure: no sockets, so it is
// tested by calling Handle() directly.
//
// Patterns are absolute paths whose segments are literals or `{name}`
// parameters: "/v1/agreements/{id}/versions/{number}". A path matches when it
// has as many segments and every literal equals the percent-decoded segment;
// among several matches the most specific wins (the first differing segment
// is a literal), so "/v1/events/live" beats "/v1/events/{id}". A last segment
// `{name...}` matches one or more remaining segments and holds them joined by
// '/' ("/static/{path...}"); it is less specific than a plain parameter.
//
// Answers of its own (RFC 9457 problems):
//   400 "invalid-target"      the request target is not origin-form
//   404 "route-not-found"     no pattern matches the path
//   405 "method-not-allowed"  a pattern matches the path but not the method
//                             (with an `Allow` header); HEAD is not special
//   500 "internal"            a route handler threw (a bug; logged)
// Every answer, including those of the route handlers, is counted in the
// metrics (see RequestMetrics) under the pattern as its `route` label, or
// "unmatched" when no route matched.
//
// Thread safety: Add() must complete before the first Handle(); Handle() may
// then be called concurrently from any thread.
#pragma once

#include <boost/beast/http/verb.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "server/http/handler.h"
#include "server/http/message.h"
#include "server/http/request_metrics.h"

namespace hoering::http {

struct RouteMatch {
  std::string route;  // the matched pattern, e.g. "/v1/parties/{id}"
  std::unordered_map<std::string, std::string> path_params;  // percent-decoded
  // Query parameters in order, percent-decoded ('+' is a space); a key without
  // '=' has an empty value.
  std::vector<std::pair<std::string, std::string>> query_params;

  // The first value of a query parameter, or nullopt.
  std::optional<std::string> Query(std::string_view name) const;
  // A path parameter. REQUIRES: `name` appears in the pattern (else "" is returned).
  const std::string& Param(std::string_view name) const;
};

// Called with the request (moved), the match, the transport's info and the
// responder. Same contract as Handler::Handle: respond exactly once, from any
// thread, do not block. Throwing is a bug (answered with a 500).
using RouteHandler =
    std::function<void(Request&&, const RouteMatch&, const RequestInfo&, Responder)>;

class Router : public Handler {
 public:
  // `metrics` may be null (nothing recorded); otherwise it must outlive the
  // router and every response it produces.
  explicit Router(RequestMetrics* metrics = nullptr);

  // REQUIRES: `pattern` starts with '/', parameter names are unique and
  // non-empty, (method, pattern) not yet added. Throws std::invalid_argument
  // otherwise (a programming error).
  void Add(beast_http::verb method, std::string pattern, RouteHandler handler);

  // Answers requests whose path matches no pattern and starts with
  // `path_prefix` ("/" for all) with `handler` instead of the 404 problem,
  // e.g. an HTML "page not found" for browsers. The first prefix added that
  // matches wins; a null handler keeps the 404 problem for its prefix
  // ("/v1/" before "/").
  void SetNotFound(std::string path_prefix, RouteHandler handler);

  void Handle(Request request, const RequestInfo& info, Responder respond) override;

 private:
  struct Segment {
    std::string text;  // literal text, or the parameter name
    bool param = false;
    bool tail = false;  // `{name...}`: the rest of the path
  };
  struct Route {
    beast_http::verb method;
    std::string pattern;
    std::vector<Segment> segments;
    RouteHandler handler;
  };

  // Wraps `respond` so the response is counted once; a second call is dropped.
  Responder Instrument(Responder respond, std::string route, beast_http::verb method);

  RequestMetrics* metrics_;
  std::vector<Route> routes_;
  std::vector<std::pair<std::string, RouteHandler>> not_found_;  // prefix, handler
};

}  // namespace hoering::http
