// The published consultation reports (report_publish.h):
//   POST /v1/consultations/{id}/report/publish {language?: "da"|"en" (default
//        "da"), format?: "md"|"html" (default "html")}  admin, secretariat
//        -> 201 the publication (PublishedReportJson), X-Log-Position.
//        Idempotency-Key as every write; 409 "consultation-not-closed",
//        413 "report-too-large", 400 "invalid-field".
//   GET  /v1/consultations/{id}/report/published  public
//        -> {items: [publication...]} oldest first
//   GET  /v1/consultations/{id}/report/published/{n}  public
//        -> the published bytes, Content-Type of the format, ETag "<sha256>",
//        Content-Language, Content-Disposition attachment; 404
//        "report-not-found".
#include "domain/decimal.h"
#include "server/app/command_http.h"
#include "server/app/report_publish.h"
#include "server/app/routes.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::field;
using boost::beast::http::status;
using boost::beast::http::verb;

struct PublishRequest {
  web::Language language = web::Language::kDanish;
  std::string format = "html";
};

Result<PublishRequest> ParsePublishRequest(const nlohmann::json& body) {
  PublishRequest out;
  if (!body.is_object()) return InvalidArgument("the body must be a JSON object", "invalid-field");
  if (auto it = body.find("language"); it != body.end() && !it->is_null()) {
    if (!it->is_string() || (*it != "da" && *it != "en")) {
      return InvalidArgument("language must be \"da\" or \"en\"", "invalid-field");
    }
    out.language = *it == "en" ? web::Language::kEnglish : web::Language::kDanish;
  }
  if (auto it = body.find("format"); it != body.end() && !it->is_null()) {
    if (!it->is_string() || (*it != "md" && *it != "html")) {
      return InvalidArgument("format must be \"md\" or \"html\"", "invalid-field");
    }
    out.format = it->get<std::string>();
  }
  return out;
}

Result<Reply> Publish(const Call& call) {
  auto body = http::ParseOptionalJsonBody(call.req);
  if (!body.ok()) return body.status();
  auto request = ParsePublishRequest(body->is_null() ? nlohmann::json::object() : *body);
  if (!request.ok()) return request.status();
  auto meta = CommandMetaFor(call.req, call.who);
  if (!meta.ok()) return meta.status();
  return Later{
      [&ctx = call.ctx, meta = std::move(meta).value(), id = call.Param("id"), request = *request](
          std::shared_ptr<const http::Request> req, http::Responder respond) {
        PublishReport(ctx, meta, id, request.language, request.format,
                      [req, respond](Result<PublishedReport> published) {
                        if (!published.ok())
                          return respond(http::MakeProblem(published.status(), *req));
                        http::Response res =
                            http::MakeJson(status::created, PublishedReportJson(*published), *req);
                        res.set("X-Log-Position", std::to_string(published->position));
                        respond(std::move(res));
                      });
      }};
}

Result<Reply> List(const Call& call) {
  return Blocking{
      [&ctx = call.ctx, id = call.Param("id")](const http::Request& req) -> Result<http::Response> {
        auto all = PublishedReports(ctx, id);
        if (!all.ok()) return all.status();
        nlohmann::json items = nlohmann::json::array();
        for (const auto& p : *all) items.push_back(PublishedReportJson(p));
        return http::MakeJson(status::ok, {{"items", std::move(items)}}, req);
      }};
}

Result<Reply> Download(const Call& call) {
  auto number = ParseDecimal<std::size_t>(call.Param("n"));
  if (!number) return NotFound("no published report " + call.Param("n"), "report-not-found");
  return Blocking{[&ctx = call.ctx, id = call.Param("id"),
                   n = *number](const http::Request& req) -> Result<http::Response> {
    auto file = PublishedReportContent(ctx, id, n);
    if (!file.ok()) return file.status();
    const auto& r = file->published.report;
    http::Response res = http::MakeBody(status::ok, std::move(file->bytes), r.media_type, req);
    res.set(field::content_language, r.language);
    res.set(field::etag, "\"" + r.sha256 + "\"");
    res.set(field::content_disposition, "attachment; filename=\"" + id + "-report-" +
                                            std::to_string(n) + "-" + r.language + "." + r.format +
                                            "\"");
    return res;
  }};
}

}  // namespace

void AddReportPublishRoutes(Routes& routes) {
  routes.Add(verb::post, "/v1/consultations/{id}/report/publish", Editors(), Publish);
  routes.Add(verb::get, "/v1/consultations/{id}/report/published", Anyone(), List);
  routes.Add(verb::get, "/v1/consultations/{id}/report/published/{n}", Anyone(), Download);
}

}  // namespace hoering::app
