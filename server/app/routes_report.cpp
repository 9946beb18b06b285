// GET /v1/consultations/{id}/report?format=json|md|html|csv: the consultation
// report (report_query.h), built on the blocking pool and rendered. Public;
// what it shows of each response follows response visibility.
#include "domain/consultations/report_render.h"
#include "server/app/report_query.h"
#include "server/app/routes.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
namespace cs = consultations;

Result<Reply> Report(const Call& call) {
  const std::string format = call.Query("format").value_or("json");
  if (format != "json" && format != "md" && format != "markdown" && format != "html" &&
      format != "csv") {
    return InvalidArgument("format must be json, md, html or csv", "invalid-query");
  }
  return Blocking{[&ctx = call.ctx, who = call.who, id = call.Param("id"),
                   format](const http::Request& req) -> Result<http::Response> {
    auto report = ReportFor(ctx, who, id);
    if (!report.ok()) return report.status();
    if (format == "md" || format == "markdown") {
      return http::MakeBody(status::ok, cs::RenderReportMarkdown(*report),
                            "text/markdown; charset=utf-8", req);
    }
    if (format == "html") {
      return http::MakeBody(status::ok, cs::RenderReportHtml(*report), "text/html; charset=utf-8",
                            req);
    }
    if (format == "csv") {
      http::Response res =
          http::MakeBody(status::ok, cs::RenderReportCsv(*report), "text/csv; charset=utf-8", req);
      res.set(boost::beast::http::field::content_disposition,
              "attachment; filename=\"" + id + "-report.csv\"");
      return res;
    }
    return http::MakeJson(status::ok, *report, req);
  }};
}

}  // namespace

void AddReportRoutes(Routes& routes) {
  routes.Add(verb::get, "/v1/consultations/{id}/report", Anyone(), Report);
}

}  // namespace hoering::app
