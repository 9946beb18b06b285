// Consultations: POST /v1/consultations, GET /v1/consultations[/{id}],
// POST .../{id}/extend, POST .../{id}/close. Reads are public; writes need
// secretariat or admin and run the commands of consultation_commands.h.
#include "domain/consultations/consultation_decide.h"
#include "server/app/consultation_commands.h"
#include "server/app/consultation_queries.h"
#include "server/app/request_helpers.h"
#include "server/app/route.h"
#include "server/app/routes.h"
#include "server/http/json_body.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
namespace cs = consultations;

Result<Reply> Open(const Call& call) {
  auto cmd = http::ParseJsonBodyWith(call.req, cs::ParseOpenConsultation);
  if (!cmd.ok()) return cmd.status();
  return Write{DecideOpenConsultation(call.ctx, std::move(cmd).value()),
               EventDataAnswer(status::created)};
}

Result<Reply> Extend(const Call& call) {
  auto cmd = http::ParseJsonBodyWith(call.req, cs::ParseExtendDeadline);
  if (!cmd.ok()) return cmd.status();
  auto if_match = ParseIfMatch(call.req);
  if (!if_match.ok()) return if_match.status();
  return Write{
      DecideExtendConsultation(call.ctx, call.Param("id"), std::move(cmd).value(), *if_match),
      EventDataAnswer(status::ok)};
}

Result<Reply> Close(const Call& call) {
  auto body = http::ParseOptionalJsonBody(call.req);
  if (!body.ok()) return body.status();
  auto reason = cs::ParseCloseReason(*body);
  if (!reason.ok()) return reason.status();
  auto if_match = ParseIfMatch(call.req);
  if (!if_match.ok()) return if_match.status();
  return Write{DecideCloseConsultation(call.ctx, call.Param("id"), *reason, *if_match),
               EventDataAnswer(status::ok)};
}

Result<Reply> Show(const Call& call) {
  auto doc = ConsultationFor(call.ctx, call.Param("id"));
  if (!doc.ok()) return doc.status();
  return WithETag(call.Json(status::ok, doc->body), doc->version);
}

Result<Reply> List(const Call& call) {
  auto page = ParsePage(call.match);
  if (!page.ok()) return page.status();
  auto found =
      ConsultationsPage(call.ctx, {page->after, page->limit, call.Query("agreement").value_or("")});
  if (!found.ok()) return found.status();
  return call.Json(status::ok, std::move(found).value().ToJson());
}

}  // namespace

void AddConsultationRoutes(Routes& routes) {
  routes.Add(verb::post, "/v1/consultations", Editors(), Open);
  routes.Add(verb::get, "/v1/consultations", Anyone(), List);
  routes.Add(verb::get, "/v1/consultations/{id}", Anyone(), Show);
  routes.Add(verb::post, "/v1/consultations/{id}/extend", Editors(), Extend);
  routes.Add(verb::post, "/v1/consultations/{id}/close", Editors(), Close);
}

}  // namespace hoering::app
