// Reading responses: GET .../responses, .../responses/{rid},
// .../responses/{rid}/revisions, .../responses/{rid}/attachments/{sha256}.
// The answers come from the response queries (response_queries.h).
#include "server/app/auth.h"
#include "server/app/request_helpers.h"
#include "server/app/response_queries.h"
#include "server/app/routes.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;

void List(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  auto who = Authenticate(req, ctx.models);
  if (!who.ok()) return respond(http::MakeProblem(who.status(), req));
  auto limit = ParseLimit(m);
  if (!limit.ok()) return respond(http::MakeProblem(limit.status(), req));
  auto page = ResponsesPage(
      ctx, *who,
      {m.Param("id"), m.Query("after").value_or(""), *limit, m.Query("party").value_or("")});
  if (!page.ok()) return respond(http::MakeProblem(page.status(), req));
  respond(http::MakeJson(status::ok, page->ToJson(), req));
}

void Show(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  auto who = Authenticate(req, ctx.models);
  if (!who.ok()) return respond(http::MakeProblem(who.status(), req));
  auto doc = ResponseFor(ctx, *who, m.Param("id"), m.Param("rid"));
  if (!doc.ok()) return respond(http::MakeProblem(doc.status(), req));
  http::Response res = http::MakeJson(status::ok, doc->body, req);
  res.set(boost::beast::http::field::etag, ETagFor(doc->version));
  respond(std::move(res));
}

void Revisions(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
               http::Responder respond) {
  auto who = Authenticate(req, ctx.models);
  if (!who.ok()) return respond(http::MakeProblem(who.status(), req));
  auto page = RevisionsFor(ctx, *who, m.Param("id"), m.Param("rid"));
  if (!page.ok()) return respond(http::MakeProblem(page.status(), req));
  respond(http::MakeJson(status::ok, page->ToJson(), req));
}

void Attachment(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
                http::Responder respond) {
  auto who = Authenticate(req, ctx.models);
  if (!who.ok()) return respond(http::MakeProblem(who.status(), req));
  const std::string sha = m.Param("sha256");
  auto file = AttachmentFor(ctx, *who, m.Param("id"), m.Param("rid"), sha);
  if (!file.ok()) return respond(http::MakeProblem(file.status(), req));
  http::Response res{status::ok, req.version()};
  res.set(boost::beast::http::field::content_type, file->media_type);
  res.set(boost::beast::http::field::content_disposition,
          "attachment; filename=\"" +
              std::string(file->filename.find('"') == std::string::npos ? file->filename
                                                                        : "attachment") +
              "\"");
  res.set(boost::beast::http::field::etag, "\"" + sha + "\"");
  res.keep_alive(req.keep_alive());
  res.body() = std::move(file->bytes);
  res.prepare_payload();
  respond(std::move(res));
}

}  // namespace

void AddResponseReadRoutes(http::Router& router, AppContext& ctx) {
  router.Add(verb::get, "/v1/consultations/{id}/responses",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) { List(ctx, std::move(req), m, std::move(respond)); });
  router.Add(verb::get, "/v1/consultations/{id}/responses/{rid}",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) { Show(ctx, std::move(req), m, std::move(respond)); });
  router.Add(
      verb::get, "/v1/consultations/{id}/responses/{rid}/revisions",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Revisions(ctx, std::move(req), m, std::move(respond)); });
  router.Add(
      verb::get, "/v1/consultations/{id}/responses/{rid}/attachments/{sha256}",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Attachment(ctx, std::move(req), m, std::move(respond)); });
}

}  // namespace hoering::app
