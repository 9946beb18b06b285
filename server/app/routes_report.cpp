// GET /v1/consultations/{id}/report?format=json|md|html|csv: the consultation
// report (report_query.h), built on the blocking pool and rendered.
#include "domain/consultations/report_render.h"
#include "server/app/auth.h"
#include "server/app/report_query.h"
#include "server/app/routes.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
namespace cs = consultations;

http::Response Body(const http::Request& req, std::string body, const std::string& type) {
  http::Response res{status::ok, req.version()};
  res.set(boost::beast::http::field::content_type, type);
  res.keep_alive(req.keep_alive());
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

void Report(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
            http::Responder respond) {
  auto who = Authenticate(req, ctx.models);
  if (!who.ok()) return respond(http::MakeProblem(who.status(), req));
  const std::string format = m.Query("format").value_or("json");
  if (format != "json" && format != "md" && format != "markdown" && format != "html" &&
      format != "csv") {
    return respond(http::MakeProblem(
        InvalidArgument("format must be json, md, html or csv", "invalid-query"), req));
  }
  auto shared = std::make_shared<http::Request>(std::move(req));
  ctx.run_blocking([&ctx, shared, who = *who, id = m.Param("id"), format,
                    respond = std::move(respond)] {
    auto report = ReportFor(ctx, who, id);
    if (!report.ok()) return respond(http::MakeProblem(report.status(), *shared));
    if (format == "md" || format == "markdown") {
      return respond(
          Body(*shared, cs::RenderReportMarkdown(*report), "text/markdown; charset=utf-8"));
    }
    if (format == "html") {
      return respond(Body(*shared, cs::RenderReportHtml(*report), "text/html; charset=utf-8"));
    }
    if (format == "csv") {
      http::Response res = Body(*shared, cs::RenderReportCsv(*report), "text/csv; charset=utf-8");
      res.set(boost::beast::http::field::content_disposition,
              "attachment; filename=\"" + id + "-report.csv\"");
      return respond(std::move(res));
    }
    respond(http::MakeJson(status::ok, *report, *shared));
  });
}

}  // namespace

void AddReportRoutes(http::Router& router, AppContext& ctx) {
  router.Add(
      verb::get, "/v1/consultations/{id}/report",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Report(ctx, std::move(req), m, std::move(respond)); });
}

}  // namespace hoering::app
