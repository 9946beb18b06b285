// The read models as an operator sees them (docs/api.md "Projections"):
//   GET  /v1/admin/projections             (admin, auditor) positions, how
//                                          the server started, the last rebuild
//   POST /v1/admin/projections/rebuild     (admin) fold the log from position
//                                          1, swap, report byte-identity
//   POST /v1/admin/projections/checkpoint  (admin) store a checkpoint now
// Rebuild and checkpoint run off the I/O threads.
#include "server/app/auth.h"
#include "server/app/routes.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using access::Role;
using boost::beast::http::status;
using boost::beast::http::verb;

nlohmann::json RebuildJson(const ProjectionRebuild& r) {
  nlohmann::json j = {
      {"position", r.position},
      {"events", r.events},
      {"seconds", r.seconds},
      {"events_per_second", r.seconds > 0 ? static_cast<double>(r.events) / r.seconds : 0.0},
      {"identical", r.identical},
      {"snapshot_bytes", r.snapshot_bytes}};
  if (!r.identical) j["first_difference"] = r.first_difference;
  return j;
}

nlohmann::json StatusJson(AppContext& ctx) {
  const ProjectionStart& s = ctx.models.start_report();
  nlohmann::json start = {{"from_checkpoint", s.from_checkpoint},
                          {"checkpoint_position", s.checkpoint_position},
                          {"index_position", s.index_position},
                          {"replayed", s.replayed},
                          {"seconds", s.seconds}};
  if (!s.checkpoint_problem.empty()) start["checkpoint_problem"] = s.checkpoint_problem;
  auto rebuild = ctx.models.last_rebuild();
  return {{"head_position", ctx.log.Head().position},
          {"position", ctx.models.position()},
          {"ready", ctx.models.ready()},
          {"checkpoint_position", ctx.models.checkpoint_position()},
          {"index_position", ctx.models.responses()->position()},
          {"start", std::move(start)},
          {"last_rebuild", rebuild ? RebuildJson(*rebuild) : nlohmann::json(nullptr)}};
}

// Runs `job` on the blocking pool and answers 200 with its JSON.
template <typename Job>
void RunAdminJob(AppContext& ctx, http::Request&& req, http::Responder respond, Job job) {
  if (Status s = Authorize(req, ctx.models, {Role::kAdmin}); !s.ok()) {
    return respond(http::MakeProblem(s, req));
  }
  auto shared = std::make_shared<http::Request>(std::move(req));
  ctx.run_blocking([shared, respond = std::move(respond), job = std::move(job)] {
    auto result = job();
    if (!result.ok()) return respond(http::MakeProblem(result.status(), *shared));
    respond(http::MakeJson(status::ok, *result, *shared));
  });
}

}  // namespace

void AddProjectionRoutes(http::Router& router, AppContext& ctx) {
  router.Add(verb::get, "/v1/admin/projections",
             [&ctx](http::Request&& req, const http::RouteMatch&, const http::RequestInfo&,
                    http::Responder respond) {
               if (Status s = Authorize(req, ctx.models, {Role::kAdmin, Role::kAuditor}); !s.ok()) {
                 return respond(http::MakeProblem(s, req));
               }
               respond(http::MakeJson(status::ok, StatusJson(ctx), req));
             });
  router.Add(verb::post, "/v1/admin/projections/rebuild",
             [&ctx](http::Request&& req, const http::RouteMatch&, const http::RequestInfo&,
                    http::Responder respond) {
               RunAdminJob(ctx, std::move(req), std::move(respond),
                           [&ctx]() -> Result<nlohmann::json> {
                             auto r = ctx.models.Rebuild();
                             if (!r.ok()) return r.status();
                             return RebuildJson(*r);
                           });
             });
  router.Add(verb::post, "/v1/admin/projections/checkpoint",
             [&ctx](http::Request&& req, const http::RouteMatch&, const http::RequestInfo&,
                    http::Responder respond) {
               RunAdminJob(ctx, std::move(req), std::move(respond),
                           [&ctx]() -> Result<nlohmann::json> {
                             auto c = ctx.models.WriteCheckpoint();
                             if (!c.ok()) return c.status();
                             return nlohmann::json{{"position", c->position},
                                                   {"bytes", c->bytes},
                                                   {"seconds", c->seconds},
                                                   {"written", c->written}};
                           });
             });
}

}  // namespace hoering::app
