// Reading responses: GET .../responses, .../responses/{rid},
// .../responses/{rid}/revisions, .../responses/{rid}/attachments/{sha256}.
// Public routes whose answers follow response visibility: the response
// queries (response_queries.h) show each caller what it may see.
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
  auto found =
      ResponsesPage(call.ctx, call.who,
                    {call.Param("id"), page->after, page->limit, call.Query("party").value_or("")});
  if (!found.ok()) return found.status();
  return call.Json(status::ok, found->ToJson());
}

Result<Reply> Show(const Call& call) {
  auto doc = ResponseFor(call.ctx, call.who, call.Param("id"), call.Param("rid"));
  if (!doc.ok()) return doc.status();
  return WithETag(call.Json(status::ok, doc->body), doc->version);
}

Result<Reply> Revisions(const Call& call) {
  auto page = RevisionsFor(call.ctx, call.who, call.Param("id"), call.Param("rid"));
  if (!page.ok()) return page.status();
  return call.Json(status::ok, page->ToJson());
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
