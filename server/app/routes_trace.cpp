// Audit traces: GET /v1/trace/decisions/{id}, GET /v1/trace/responses/{rid}.
// Auditors, the secretariat and admin; a stakeholder may trace its own
// party's responses. The traces come from trace_queries.h.
#include "server/app/auth.h"
#include "server/app/routes.h"
#include "server/app/trace_queries.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using access::Role;
using boost::beast::http::status;
using boost::beast::http::verb;

void TraceDecision(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
                   http::Responder respond) {
  auto who = Authenticate(req, ctx.models);
  if (!who.ok()) return respond(http::MakeProblem(who.status(), req));
  if (Status s = RequireRole(*who, {Role::kAuditor, Role::kSecretariat, Role::kAdmin}); !s.ok()) {
    return respond(http::MakeProblem(s, req));
  }
  auto trace = DecisionTrace(ctx, m.Param("id"));
  if (!trace.ok()) return respond(http::MakeProblem(trace.status(), req));
  respond(http::MakeJson(status::ok, *trace, req));
}

void TraceResponse(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
                   http::Responder respond) {
  auto who = Authenticate(req, ctx.models);
  if (!who.ok()) return respond(http::MakeProblem(who.status(), req));
  if (Status s =
          RequireRole(*who, {Role::kAuditor, Role::kSecretariat, Role::kAdmin, Role::kStakeholder});
      !s.ok()) {
    return respond(http::MakeProblem(s, req));
  }
  auto trace = ResponseTrace(ctx, *who, m.Param("rid"));
  if (!trace.ok()) return respond(http::MakeProblem(trace.status(), req));
  respond(http::MakeJson(status::ok, *trace, req));
}

}  // namespace

void AddTraceRoutes(http::Router& router, AppContext& ctx) {
  router.Add(verb::get, "/v1/trace/decisions/{id}",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) {
               TraceDecision(ctx, std::move(req), m, std::move(respond));
             });
  router.Add(verb::get, "/v1/trace/responses/{rid}",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) {
               TraceResponse(ctx, std::move(req), m, std::move(respond));
             });
}

}  // namespace hoering::app
