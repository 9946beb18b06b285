// Consultations: POST /v1/consultations, GET /v1/consultations[/{id}],
// POST .../{id}/extend, POST .../{id}/close. Reads are public; writes need
// secretariat or admin and decide on the read views (command_http.h).
#include "domain/consultations/consultation_decide.h"
#include "server/app/agreement_access.h"
#include "server/app/consultation_access.h"
#include "server/app/consultation_queries.h"
#include "server/app/request_helpers.h"
#include "server/app/route.h"
#include "server/app/routes.h"
#include "server/app/time_zones.h"
#include "server/http/json_body.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
namespace cs = consultations;

Result<Reply> Open(const Call& call) {
  auto cmd = http::ParseJsonBodyWith(call.req, cs::ParseOpenConsultation);
  if (!cmd.ok()) return cmd.status();
  Decide decide = [&ctx = call.ctx, cmd = *cmd]() -> Result<Command> {
    auto existing = LoadConsultation(ctx, cmd.id);
    cs::ConsultationState empty;
    auto agreement = LoadAgreement(ctx, cmd.agreement);
    auto events = cs::DecideOpen(existing.ok() ? **existing : empty, cmd,
                                 agreement.ok() ? agreement->get() : nullptr,
                                 PartyExists(ctx.views), IsKnownTimeZone);
    if (!events.ok()) return events.status();
    Command write =
        CommandFor(cs::ConsultationStream(cmd.id), ExpectedVersion::NoStream(), *events);
    write.on_conflict =
        AlreadyExists("consultation '" + cmd.id + "' already exists", "consultation-exists");
    return write;
  };
  return Write{std::move(decide), EventDataAnswer(status::created)};
}

// Extend and close: decide on the consultation's state, append with its version.
using DecideOnConsultation =
    std::function<Result<std::vector<NewEvent>>(const cs::ConsultationState&, TimeMs)>;

Result<Reply> WriteOnConsultation(const Call& call, DecideOnConsultation decide_on) {
  auto if_match = ParseIfMatch(call.req);
  if (!if_match.ok()) return if_match.status();
  Decide decide = [&ctx = call.ctx, id = call.Param("id"), decide_on,
                   if_match = *if_match]() -> Result<Command> {
    auto state = LoadConsultation(ctx, id);
    if (!state.ok()) return state.status();
    if (Status s = CheckIfMatch(if_match, (*state)->version(), "the consultation"); !s.ok()) {
      return s;
    }
    auto events = decide_on(**state, ctx.clock());
    if (!events.ok()) return events.status();
    return CommandFor(cs::ConsultationStream(id), ExpectedVersion::Exact((*state)->version()),
                      *events);
  };
  return Write{std::move(decide), EventDataAnswer(status::ok)};
}

Result<Reply> Extend(const Call& call) {
  auto cmd = http::ParseJsonBodyWith(call.req, cs::ParseExtendDeadline);
  if (!cmd.ok()) return cmd.status();
  return WriteOnConsultation(call, [cmd = *cmd](const cs::ConsultationState& s, TimeMs now) {
    return cs::DecideExtend(s, cmd, now);
  });
}

Result<Reply> Close(const Call& call) {
  auto body = http::ParseOptionalJsonBody(call.req);
  if (!body.ok()) return body.status();
  auto reason = cs::ParseCloseReason(*body);
  if (!reason.ok()) return reason.status();
  return WriteOnConsultation(call, [reason = *reason](const cs::ConsultationState& s, TimeMs) {
    return cs::DecideClose(s, reason);
  });
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
  return call.Json(status::ok, found->ToJson());
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
