// Audit traces: GET /v1/trace/decisions/{id}, GET /v1/trace/responses/{rid}.
// Auditors, the secretariat and admin; a stakeholder may trace its own
// party's responses. The traces come from trace_queries.h.
#include "server/app/routes.h"
#include "server/app/trace_queries.h"

namespace hoering::app {
namespace {

using access::Role;
using boost::beast::http::status;
using boost::beast::http::verb;

Result<Reply> TraceDecision(const Call& call) {
  auto trace = DecisionTrace(call.ctx, call.Param("id"));
  if (!trace.ok()) return trace.status();
  return call.Json(status::ok, *trace);
}

Result<Reply> TraceResponse(const Call& call) {
  auto trace = ResponseTrace(call.ctx, call.who, call.Param("rid"));
  if (!trace.ok()) return trace.status();
  return call.Json(status::ok, *trace);
}

}  // namespace

void AddTraceRoutes(Routes& routes) {
  routes.Add(verb::get, "/v1/trace/decisions/{id}",
             Only({Role::kAuditor, Role::kSecretariat, Role::kAdmin}), TraceDecision);
  routes.Add(verb::get, "/v1/trace/responses/{rid}",
             OwnPartyOr({Role::kAuditor, Role::kSecretariat, Role::kAdmin}), TraceResponse);
}

}  // namespace hoering::app
