// One shape for every route of the API.
//
// A route is registered with its method, path pattern, who may call it and a
// handler; the rules a route enforces about the caller are read at its
// registration:
//
//   routes.Add(verb::post, "/v1/consultations/{id}/close", Editors(), Close);
//
//   Result<Reply> Close(const Call& call) {
//     auto reason = ...;                       // parse; an error value is returned
//     if (!reason.ok()) return reason.status();
//     return Write{decide, EventDataAnswer(status::ok)};
//   }
//
// The binder (Routes::Add) authenticates the caller, checks the declared
// roles, calls the handler and turns an error value into problem+json: that
// is the only place a route's refusal becomes HTTP. A handler answers with
// one of the Reply kinds below; none of them makes a pool thread wait on an
// fsync or on a slow read.
#pragma once

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/access/access.h"
#include "server/app/app_context.h"
#include "server/app/command_http.h"
#include "server/http/message.h"
#include "server/http/problem.h"  // MakeJson, MakeBody for handlers
#include "server/http/router.h"

namespace hoering::app {

// Who may call a route.
struct Access {
  enum class Kind {
    kNoToken,  // not authenticated at all (probes: /healthz, /readyz, /metrics)
    kAnyone,   // anyone; a token that is sent must be valid (else 401)
    kRoles,    // one of `roles` (401 without a token, 403 with another role)
  };
  Kind kind = Kind::kAnyone;
  std::vector<access::Role> roles;
  // Stakeholders may call the route, for their own party only: the handler
  // passes the caller to the query or decision, which shows another party's
  // data as absent (404) and refuses to act for it. Documentation of the rule
  // at the registration; the roles above are what the binder checks.
  bool own_party_only = false;
};

// Probes that never look at the Authorization header.
Access NoToken();
// Public reads: anonymous callers and any role.
Access Anyone();
// Exactly these roles.
Access Only(std::initializer_list<access::Role> roles);
// These roles, and stakeholders for their own party (own_party_only).
Access OwnPartyOr(std::initializer_list<access::Role> roles);
// Admin and the secretariat: the roles that edit agreements, consultations
// and decisions.
Access Editors();

// What a handler gets. Everything is valid for the duration of the handler
// call; a reply that runs later (Write, Blocking, Later) gets what it needs
// passed in or captures copies.
struct Call {
  AppContext& ctx;
  const http::Request& req;
  const http::RouteMatch& match;
  const access::Principal& who;

  // A path parameter of the pattern.
  const std::string& Param(std::string_view name) const { return match.Param(name); }
  // The first value of a query parameter.
  std::optional<std::string> Query(std::string_view name) const { return match.Query(name); }
  // A JSON answer with version and keep-alive of the request.
  http::Response Json(boost::beast::http::status code, const nlohmann::json& body) const;
};

// A command for the command service; answered from what it wrote once it is
// committed (command_http.h: X-Log-Position, ETag, idempotent replays).
struct Write {
  Decide decide;
  WriteAnswer answer;
};

// Slow work (a full-chain read, a report) run on the blocking pool; its error
// value becomes problem+json like a handler's.
struct Blocking {
  std::function<Result<http::Response>(const http::Request&)> work;
};

// An answer the handler completes itself, later, through the responder
// (several commands in a row). REQUIRES: `start` answers exactly once.
struct Later {
  std::function<void(std::shared_ptr<const http::Request>, http::Responder)> start;
};

using Reply = std::variant<http::Response, http::StreamReply, Write, Blocking, Later>;
using RouteHandler = std::function<Result<Reply>(const Call&)>;

// Registers routes on a router, binding each handler to the app context.
class Routes {
 public:
  Routes(http::Router& router, AppContext& ctx) : router_(router), ctx_(ctx) {}

  void Add(boost::beast::http::verb method, std::string pattern, Access access,
           RouteHandler handler);

 private:
  http::Router& router_;
  AppContext& ctx_;
};

}  // namespace hoering::app
