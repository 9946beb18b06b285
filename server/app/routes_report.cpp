// GET /v1/consultations/{id}/report?format=json|md|html|csv&lang=da|en: the
// consultation report (report_query.h), built on the blocking pool and
// rendered; md and html in the language of report_language.h, with
// Content-Language and Vary: Accept-Language. Public; what it shows of each
// response follows response visibility.
#include "domain/consultations/report_render.h"
#include "server/app/report_language.h"
#include "server/app/report_query.h"
#include "server/app/routes.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::field;
using boost::beast::http::status;
using boost::beast::http::verb;
namespace cs = consultations;

// A report worded in `lang`, which the request's Accept-Language may choose.
http::Response InLanguage(http::Response res, web::Language lang) {
  res.set(field::content_language, web::Code(lang));
  res.set(field::vary, "Accept-Language");
  return res;
}

Result<Reply> Report(const Call& call) {
  const std::string format = call.Query("format").value_or("json");
  if (format != "json" && format != "md" && format != "markdown" && format != "html" &&
      format != "csv") {
    return InvalidArgument("format must be json, md, html or csv", "invalid-query");
  }
  auto lang = ReportLanguage(call.Query("lang"), call.req[field::accept_language]);
  if (!lang.ok()) return lang.status();
  return Blocking{[&ctx = call.ctx, who = call.who, id = call.Param("id"), format,
                   lang = *lang](const http::Request& req) -> Result<http::Response> {
    auto report = ReportFor(ctx, who, id);
    if (!report.ok()) return report.status();
    if (format == "md" || format == "markdown") {
      return InLanguage(
          http::MakeBody(status::ok, cs::RenderReportMarkdown(*report, ReportLabelsIn(lang)),
                         "text/markdown; charset=utf-8", req),
          lang);
    }
    if (format == "html") {
      return InLanguage(
          http::MakeBody(status::ok, cs::RenderReportHtml(*report, ReportLabelsIn(lang)),
                         "text/html; charset=utf-8", req),
          lang);
    }
    if (format == "csv") {
      http::Response res =
          http::MakeBody(status::ok, cs::RenderReportCsv(*report), "text/csv; charset=utf-8", req);
      res.set(field::content_disposition, "attachment; filename=\"" + id + "-report.csv\"");
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
