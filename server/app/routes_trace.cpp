// Audit traces: GET /v1/trace/decisions/{id}, GET /v1/trace/responses/{rid}.
// Auditors, the secretariat and admin; a stakeholder may trace its own
// party's responses. Built under the read models' shared lock (domain/audit).
#include "domain/audit/trace.h"
#include "server/app/auth.h"
#include "server/app/routes.h"
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
  auto trace = ctx.models.Read([&](const Views& v) -> Result<nlohmann::json> {
    auto d = v.decisions.Get(m.Param("id"));
    if (!d.ok()) return d.status();
    auto agreement = v.agreements.Get((*d)->data.subject.agreement);
    if (!agreement.ok()) return agreement.status();
    std::vector<std::string> ids;
    for (const auto& c :
         v.consultations.ListConsultations("", SIZE_MAX, (*d)->data.subject.agreement)) {
      ids.push_back(c->info().id);
    }
    return audit::TraceDecision(**d, **agreement, v.consultations, ids);
  });
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
  auto trace = ctx.models.Read([&](const Views& v) -> Result<nlohmann::json> {
    auto r = v.consultations.GetResponse(m.Param("rid"));
    if (!r.ok()) return r.status();
    if (who->role == Role::kStakeholder && (*r)->party() != who->party) {
      return NotFound("response '" + m.Param("rid") + "' does not exist", "response-not-found");
    }
    auto agreement = v.agreements.Get((*r)->agreement());
    if (!agreement.ok()) return agreement.status();
    return audit::TraceResponse(**r, **agreement, v.consultations, v.decisions);
  });
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
