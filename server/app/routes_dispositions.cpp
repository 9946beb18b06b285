// Dispositions: PUT/GET /v1/consultations/{id}/responses/{rid}/points/{n}/disposition.
// Recording needs secretariat or admin; every recording is a new event on the
// response's stream (history is kept). Reading follows response visibility.
#include "domain/consultations/consultation_json.h"
#include "domain/consultations/response_decide.h"
#include "domain/decimal.h"
#include "domain/sha256.h"
#include "server/app/agreement_access.h"
#include "server/app/auth.h"
#include "server/app/command_http.h"
#include "server/app/consultation_access.h"
#include "server/app/decision_states.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
namespace cs = consultations;

Result<std::uint32_t> PointParam(const http::RouteMatch& m) {
  const std::optional<std::uint32_t> n = ParseDecimal<std::uint32_t>(m.Param("n"));
  if (!n || *n == 0) return InvalidArgument("points are numbered from 1", "invalid-point");
  return *n;
}

void Record(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
            http::Responder respond) {
  access::Principal who;
  if (Status s = CheckEditor(ctx, req, who); !s.ok()) return respond(http::MakeProblem(s, req));
  auto point = PointParam(m);
  if (!point.ok()) return respond(http::MakeProblem(point.status(), req));
  auto if_match = ParseIfMatch(req);
  if (!if_match.ok()) return respond(http::MakeProblem(if_match.status(), req));
  auto body = http::ParseJsonBody(req);
  if (!body.ok()) return respond(http::MakeProblem(body.status(), req));
  auto cmd = cs::ParseDisposition(*body);
  if (!cmd.ok()) return respond(http::MakeProblem(cmd.status(), req));
  WriteAnswer answer = EventDataAnswer(status::ok);
  Decide decide = [&ctx, who, consultation = m.Param("id"), response = m.Param("rid"), n = *point,
                   cmd = *cmd, if_match = *if_match]() -> Result<Command> {
    if (auto c = LoadConsultation(ctx, consultation); !c.ok()) return c.status();
    auto r = LoadResponseDecision(ctx.log, response);
    if (!r.ok()) return r.status();
    if (!r->exists() || r->consultation != consultation) {
      return NotFound(
          "response '" + response + "' does not exist in consultation '" + consultation + "'",
          "response-not-found");
    }
    if (if_match && *if_match != r->version) {
      return Status(Code::kPreconditionFailed,
                    "If-Match is stale: the response is at \"" + std::to_string(r->version) + "\"",
                    "precondition-failed");
    }
    auto agreement = LoadAgreement(ctx, r->agreement);
    if (!agreement.ok()) return agreement.status();
    auto events = cs::DecideDisposition(*r, n, cmd, **agreement);
    if (!events.ok()) return events.status();
    return CommandFor(cs::ResponseStream(response), ExpectedVersion::Exact(r->version), *events);
  };
  ExecuteCommand(ctx, req, who, std::move(decide), answer, std::move(respond));
}

void Show(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  auto who = Authenticate(req, ctx.models);
  if (!who.ok()) return respond(http::MakeProblem(who.status(), req));
  auto point = PointParam(m);
  if (!point.ok()) return respond(http::MakeProblem(point.status(), req));
  auto seen = LoadVisibleResponse(ctx, *who, m.Param("id"), m.Param("rid"));
  if (!seen.ok()) return respond(http::MakeProblem(seen.status(), req));
  const cs::ResponseState& r = *seen->response;
  if (*point > r.current().content.points.size()) {
    return respond(http::MakeProblem(
        NotFound("the response has no point " + std::to_string(*point), "point-not-found"), req));
  }
  nlohmann::json history = nlohmann::json::array();
  if (auto it = r.dispositions().find(*point); it != r.dispositions().end()) {
    for (const auto& d : it->second) history.push_back(cs::DispositionJson(d));
  }
  const cs::DispositionInfo* current = r.CurrentDisposition(*point);
  respond(http::MakeJson(status::ok,
                         {{"response", r.id()},
                          {"point", *point},
                          {"current", current ? cs::DispositionJson(*current) : nlohmann::json()},
                          {"history", history},
                          {"cited_by", CitedByFor(ctx, r.id())(*point)}},
                         req));
}

}  // namespace

void AddDispositionRoutes(http::Router& router, AppContext& ctx) {
  router.Add(
      verb::put, "/v1/consultations/{id}/responses/{rid}/points/{n}/disposition",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Record(ctx, std::move(req), m, std::move(respond)); });
  router.Add(verb::get, "/v1/consultations/{id}/responses/{rid}/points/{n}/disposition",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) { Show(ctx, std::move(req), m, std::move(respond)); });
}

}  // namespace hoering::app
