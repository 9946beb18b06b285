// Consultations: POST /v1/consultations, GET /v1/consultations[/{id}],
// POST .../{id}/extend, POST .../{id}/close. Reads are public; writes need
// secretariat or admin and decide on the read models (command_http.h).
#include "domain/consultations/consultation_decide.h"
#include "domain/sha256.h"
#include "server/app/agreement_access.h"
#include "server/app/command_http.h"
#include "server/app/consultation_access.h"
#include "server/app/consultation_queries.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
namespace cs = consultations;

void Open(AppContext& ctx, http::Request&& req, http::Responder respond) {
  access::Principal who;
  if (Status s = CheckEditor(ctx, req, who); !s.ok()) return respond(http::MakeProblem(s, req));
  auto body = http::ParseJsonBody(req);
  if (!body.ok()) return respond(http::MakeProblem(body.status(), req));
  auto cmd = cs::ParseOpenConsultation(*body);
  if (!cmd.ok()) return respond(http::MakeProblem(cmd.status(), req));
  WriteAnswer answer = EventDataAnswer(status::created);
  Decide decide = [&ctx, cmd = *cmd]() -> Result<Command> {
    auto existing = LoadConsultation(ctx, cmd.id);
    cs::ConsultationState empty;
    auto agreement = LoadAgreement(ctx, cmd.agreement);
    auto events = cs::DecideOpen(
        existing.ok() ? **existing : empty, cmd, agreement.ok() ? agreement->get() : nullptr,
        [&ctx](const std::string& party) {
          return ctx.models.Read([&](const Views& v) { return v.parties.Find(party) != nullptr; });
        });
    if (!events.ok()) return events.status();
    Command write =
        CommandFor(cs::ConsultationStream(cmd.id), ExpectedVersion::NoStream(), *events);
    write.on_conflict =
        AlreadyExists("consultation '" + cmd.id + "' already exists", "consultation-exists");
    return write;
  };
  ExecuteCommand(ctx, req, who, std::move(decide), answer, std::move(respond));
}

// Extend and close: decide on the consultation's state, append with its version.
void WriteOnConsultation(
    AppContext& ctx, http::Request&& req, const std::string& id,
    std::function<Result<std::vector<NewEvent>>(const cs::ConsultationState&, TimeMs)> decide_on,
    http::Responder respond) {
  access::Principal who;
  if (Status s = CheckEditor(ctx, req, who); !s.ok()) return respond(http::MakeProblem(s, req));
  auto if_match = ParseIfMatch(req);
  if (!if_match.ok()) return respond(http::MakeProblem(if_match.status(), req));
  WriteAnswer answer = EventDataAnswer(status::ok);
  Decide decide = [&ctx, id, decide_on, if_match = *if_match]() -> Result<Command> {
    auto state = LoadConsultation(ctx, id);
    if (!state.ok()) return state.status();
    if (if_match && *if_match != (*state)->version()) {
      return Status(Code::kPreconditionFailed,
                    "If-Match is stale: the consultation is at \"" +
                        std::to_string((*state)->version()) + "\"",
                    "precondition-failed");
    }
    auto events = decide_on(**state, ctx.clock());
    if (!events.ok()) return events.status();
    return CommandFor(cs::ConsultationStream(id), ExpectedVersion::Exact((*state)->version()),
                      *events);
  };
  ExecuteCommand(ctx, req, who, std::move(decide), answer, std::move(respond));
}

void Extend(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
            http::Responder respond) {
  auto body = http::ParseJsonBody(req);
  if (!body.ok()) return respond(http::MakeProblem(body.status(), req));
  auto cmd = cs::ParseExtendDeadline(*body);
  if (!cmd.ok()) return respond(http::MakeProblem(cmd.status(), req));
  WriteOnConsultation(
      ctx, std::move(req), m.Param("id"),
      [cmd = *cmd](const cs::ConsultationState& s, TimeMs now) {
        return cs::DecideExtend(s, cmd, now);
      },
      std::move(respond));
}

void Close(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
           http::Responder respond) {
  nlohmann::json body = nullptr;
  if (!req.body().empty()) {
    auto parsed = http::ParseJsonBody(req);
    if (!parsed.ok()) return respond(http::MakeProblem(parsed.status(), req));
    body = *parsed;
  }
  auto reason = cs::ParseCloseReason(body);
  if (!reason.ok()) return respond(http::MakeProblem(reason.status(), req));
  WriteOnConsultation(
      ctx, std::move(req), m.Param("id"),
      [reason = *reason](const cs::ConsultationState& s, TimeMs) {
        return cs::DecideClose(s, reason);
      },
      std::move(respond));
}

void Show(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  if (Status s = CheckReader(ctx, req); !s.ok()) return respond(http::MakeProblem(s, req));
  auto doc = ConsultationFor(ctx, m.Param("id"));
  if (!doc.ok()) return respond(http::MakeProblem(doc.status(), req));
  http::Response res = http::MakeJson(status::ok, doc->body, req);
  res.set(boost::beast::http::field::etag, ETagFor(doc->version));
  respond(std::move(res));
}

void List(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  if (Status s = CheckReader(ctx, req); !s.ok()) return respond(http::MakeProblem(s, req));
  auto limit = ParseLimit(m);
  if (!limit.ok()) return respond(http::MakeProblem(limit.status(), req));
  auto page = ConsultationsPage(
      ctx, {m.Query("after").value_or(""), *limit, m.Query("agreement").value_or("")});
  if (!page.ok()) return respond(http::MakeProblem(page.status(), req));
  respond(http::MakeJson(status::ok, page->ToJson(), req));
}

}  // namespace

void AddConsultationRoutes(http::Router& router, AppContext& ctx) {
  router.Add(verb::post, "/v1/consultations",
             [&ctx](http::Request&& req, const http::RouteMatch&, const http::RequestInfo&,
                    http::Responder respond) { Open(ctx, std::move(req), std::move(respond)); });
  router.Add(verb::get, "/v1/consultations",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) { List(ctx, std::move(req), m, std::move(respond)); });
  router.Add(verb::get, "/v1/consultations/{id}",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) { Show(ctx, std::move(req), m, std::move(respond)); });
  router.Add(
      verb::post, "/v1/consultations/{id}/extend",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Extend(ctx, std::move(req), m, std::move(respond)); });
  router.Add(
      verb::post, "/v1/consultations/{id}/close",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Close(ctx, std::move(req), m, std::move(respond)); });
}

}  // namespace hoering::app
