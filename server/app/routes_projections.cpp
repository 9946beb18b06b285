// The read views as an operator sees them (docs/api.md "Projections"):
//   GET  /v1/admin/projections             (admin, auditor) positions, how
//                                          the server started, the last rebuild
//   POST /v1/admin/projections/rebuild     (admin) fold the log from position
//                                          1, swap, report byte-identity
//   POST /v1/admin/projections/checkpoint  (admin) store a checkpoint now
// Rebuild and checkpoint run off the I/O threads.
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

Result<Reply> Show(const Call& call) {
  AppContext& ctx = call.ctx;
  const ProjectionStart& s = ctx.views.start_report();
  nlohmann::json start = {{"from_checkpoint", s.from_checkpoint},
                          {"checkpoint_position", s.checkpoint_position},
                          {"snapshot_position", s.snapshot_position},
                          {"index_position", s.index_position},
                          {"replayed", s.replayed},
                          {"seconds", s.seconds},
                          {"restore_seconds", s.restore_seconds}};
  if (!s.checkpoint_problem.empty()) start["checkpoint_problem"] = s.checkpoint_problem;
  auto rebuild = ctx.views.last_rebuild();
  return call.Json(status::ok,
                   {{"head_position", ctx.log.Head().position},
                    {"position", ctx.views.position()},
                    {"ready", ctx.views.ready()},
                    {"checkpoint_position", ctx.views.checkpoint_position()},
                    {"snapshot_position", ctx.views.snapshot_position()},
                    {"index_position", ctx.views.responses()->position()},
                    {"start", std::move(start)},
                    {"last_rebuild", rebuild ? RebuildJson(*rebuild) : nlohmann::json(nullptr)}});
}

Result<Reply> Rebuild(const Call& call) {
  return Blocking{[&ctx = call.ctx](const http::Request& req) -> Result<http::Response> {
    auto r = ctx.views.Rebuild();
    if (!r.ok()) return r.status();
    return http::MakeJson(status::ok, RebuildJson(*r), req);
  }};
}

Result<Reply> Checkpoint(const Call& call) {
  return Blocking{[&ctx = call.ctx](const http::Request& req) -> Result<http::Response> {
    auto c = ctx.views.WriteCheckpoint();
    if (!c.ok()) return c.status();
    return http::MakeJson(status::ok,
                          {{"position", c->position},
                           {"bytes", c->bytes},
                           {"seconds", c->seconds},
                           {"written", c->written},
                           {"snapshot", c->snapshot}},
                          req);
  }};
}

}  // namespace

void AddProjectionRoutes(Routes& routes) {
  routes.Add(verb::get, "/v1/admin/projections", Only({Role::kAdmin, Role::kAuditor}), Show);
  routes.Add(verb::post, "/v1/admin/projections/rebuild", Only({Role::kAdmin}), Rebuild);
  routes.Add(verb::post, "/v1/admin/projections/checkpoint", Only({Role::kAdmin}), Checkpoint);
}

}  // namespace hoering::app
