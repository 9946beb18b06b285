// Reading responses: GET .../responses, .../responses/{rid},
// .../responses/{rid}/revisions, .../responses/{rid}/attachments/{sha256}.
// Public routes whose answers follow response visibility: the response
// queries (response_queries.h) show each caller what it may see.
// The list, the single response and its revisions take ?at=position:<n> |
// time:<RFC 3339>: the record as of then (record_as_of.h), with
// `as_of_position` and `at` in the body and no ETag (it would name a stream
// version that If-Match cannot use).
#include "server/app/request_helpers.h"
#include "server/app/response_queries.h"
#include "server/app/routes.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;

Result<Reply> List(const Call& call) {
  auto page = ParsePage(call.match);
  if (!page.ok()) return page.status();
  auto as_of = ParseAsOf(call.ctx, call.Query("at"));
  if (!as_of.ok()) return as_of.status();
  ResponsesQuery query{call.Param("id"), page->after, page->limit, call.Query("party").value_or(""),
                       *as_of};
  if (!query.as_of) {
    auto text = ResponsesPageText(call.ctx, call.who, query);
    if (!text.ok()) return text.status();
    return http::MakeBody(status::ok, std::move(text).value(), "application/json", call.req);
  }
  // As of a position every response is folded from the log (no cache): off
  // the I/O threads.
  return Blocking{[&ctx = call.ctx, who = call.who,
                   query = std::move(query)](const http::Request& req) -> Result<http::Response> {
    auto found = ResponsesPage(ctx, who, query);
    if (!found.ok()) return found.status();
    return http::MakeJson(status::ok, WithAsOf(std::move(found).value().ToJson(), query.as_of),
                          req);
  }};
}

Result<Reply> Show(const Call& call) {
  auto as_of = ParseAsOf(call.ctx, call.Query("at"));
  if (!as_of.ok()) return as_of.status();
  const AsOf* at = *as_of ? &**as_of : nullptr;
  auto doc = ResponseFor(call.ctx, call.who, call.Param("id"), call.Param("rid"), at);
  if (!doc.ok()) return doc.status();
  if (at) return call.Json(status::ok, WithAsOf(std::move(doc->body), *as_of));
  return WithETag(call.Json(status::ok, doc->body), doc->version);
}

Result<Reply> Revisions(const Call& call) {
  auto as_of = ParseAsOf(call.ctx, call.Query("at"));
  if (!as_of.ok()) return as_of.status();
  auto page = RevisionsFor(call.ctx, call.who, call.Param("id"), call.Param("rid"),
                           *as_of ? &**as_of : nullptr);
  if (!page.ok()) return page.status();
  return call.Json(status::ok, WithAsOf(std::move(page).value().ToJson(), *as_of));
}

Result<Reply> Attachment(const Call& call) {
  const std::string& sha = call.Param("sha256");
  auto file = AttachmentFor(call.ctx, call.who, call.Param("id"), call.Param("rid"), sha);
  if (!file.ok()) return file.status();
  const std::string filename =
      file->filename.find('"') == std::string::npos ? file->filename : "attachment";
  http::Response res =
      http::MakeBody(status::ok, std::move(file->bytes), file->media_type, call.req);
  res.set(boost::beast::http::field::content_disposition,
          "attachment; filename=\"" + filename + "\"");
  res.set(boost::beast::http::field::etag, "\"" + sha + "\"");
  return res;
}

}  // namespace

void AddResponseReadRoutes(Routes& routes) {
  routes.Add(verb::get, "/v1/consultations/{id}/responses", Anyone(), List);
  routes.Add(verb::get, "/v1/consultations/{id}/responses/{rid}", Anyone(), Show);
  routes.Add(verb::get, "/v1/consultations/{id}/responses/{rid}/revisions", Anyone(), Revisions);
  routes.Add(verb::get, "/v1/consultations/{id}/responses/{rid}/attachments/{sha256}", Anyone(),
             Attachment);
}

}  // namespace hoering::app
