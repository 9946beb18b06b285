// GET /healthz (liveness), GET /readyz (read models caught up), GET /metrics.
#include "server/app/routes.h"
#include "server/http/problem.h"
#include "server/version.h"

namespace hoering::app {
namespace {
using boost::beast::http::status;
using boost::beast::http::verb;
}  // namespace

void AddOpsRoutes(http::Router& router, AppContext& ctx) {
  router.Add(
      verb::get, "/healthz",
      [](http::Request&& req, const http::RouteMatch&, const http::RequestInfo&,
         http::Responder respond) {
        respond(http::MakeJson(status::ok, {{"status", "ok"}, {"version", ServerVersion()}}, req));
      });
  router.Add(verb::get, "/readyz",
             [&ctx](http::Request&& req, const http::RouteMatch&, const http::RequestInfo&,
                    http::Responder respond) {
               const bool ready = ctx.models.ready();
               const auto head = ctx.log.Head().position;
               const auto applied = ctx.models.position();
               nlohmann::json body = {
                   {"ready", ready}, {"head_position", head}, {"projected_position", applied}};
               if (!ready) {
                 auto res =
                     http::MakeProblem(503, "not-ready",
                                       "read models are catching up: " + std::to_string(applied) +
                                           " of " + std::to_string(head),
                                       req);
                 return respond(std::move(res));
               }
               respond(http::MakeJson(status::ok, body, req));
             });
  router.Add(verb::get, "/metrics",
             [&ctx](http::Request&& req, const http::RouteMatch&, const http::RequestInfo&,
                    http::Responder respond) {
               http::Response res{status::ok, req.version()};
               res.set(boost::beast::http::field::content_type,
                       "text/plain; version=0.0.4; charset=utf-8");
               res.keep_alive(req.keep_alive());
               res.body() = ctx.metrics.Render();
               res.prepare_payload();
               respond(std::move(res));
             });
}

}  // namespace hoering::app
