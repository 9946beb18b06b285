// GET /healthz (liveness), GET /readyz (read views caught up), GET /metrics.
// Probes: they never look at a token.
#include "server/app/routes.h"
#include "server/http/problem.h"
#include "server/version.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;

Result<Reply> Health(const Call& call) {
  return call.Json(status::ok, {{"status", "ok"}, {"version", ServerVersion()}});
}

Result<Reply> Ready(const Call& call) {
  const bool ready = call.ctx.views.ready();
  const auto head = call.ctx.log.Head().position;
  const auto applied = call.ctx.views.position();
  if (!ready) {
    return http::MakeProblem(
        503, "not-ready",
        "read views are catching up: " + std::to_string(applied) + " of " + std::to_string(head),
        call.req);
  }
  return call.Json(status::ok,
                   {{"ready", ready}, {"head_position", head}, {"projected_position", applied}});
}

Result<Reply> Metrics(const Call& call) {
  return http::MakeBody(status::ok, call.ctx.metrics.Render(),
                        "text/plain; version=0.0.4; charset=utf-8", call.req);
}

}  // namespace

void AddOpsRoutes(Routes& routes) {
  routes.Add(verb::get, "/healthz", NoToken(), Health);
  routes.Add(verb::get, "/readyz", NoToken(), Ready);
  routes.Add(verb::get, "/metrics", NoToken(), Metrics);
}

}  // namespace hoering::app
