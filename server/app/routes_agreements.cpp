// Writes on agreements: POST /v1/agreements, .../changes, .../import,
// .../versions. Secretariat or admin. Each decides on the agreement's read
// model and appends with the stream version it decided on (command_http.h).
#include "domain/agreements/agreement_decide.h"
#include "domain/agreements/agreement_events.h"
#include "domain/sha256.h"
#include "server/app/agreement_access.h"
#include "server/app/command_http.h"
#include "server/app/request_helpers.h"
#include "server/app/response_loader.h"
#include "server/app/routes.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
namespace ag = agreements;
namespace cs = consultations;

// The state to decide on: the read model's, or an empty one for a new id.
std::shared_ptr<const ag::AgreementState> StateOrEmpty(AppContext& ctx, const std::string& id) {
  auto s = LoadAgreement(ctx, id);
  if (s.ok()) return *s;
  return std::make_shared<ag::AgreementState>();
}

// Builds the decider shared by change, import and publish: load, check
// If-Match, decide, append with the version decided on.
Decide MakeDecider(AppContext& ctx, std::string id, std::optional<std::uint64_t> if_match,
                   std::function<Result<std::vector<NewEvent>>(const ag::AgreementState&)> decide) {
  return [&ctx, id, if_match, decide]() -> Result<Command> {
    auto state = LoadAgreement(ctx, id);
    if (!state.ok()) return state.status();
    if (if_match && *if_match != (*state)->version()) {
      return Status(Code::kPreconditionFailed,
                    "If-Match \"" + std::to_string(*if_match) +
                        "\" is stale: the agreement is at \"" +
                        std::to_string((*state)->version()) + "\"",
                    "precondition-failed");
    }
    auto events = decide(**state);
    if (!events.ok()) return events.status();
    return CommandFor(ag::StreamFor(id), ExpectedVersion::Exact((*state)->version()),
                      std::move(events).value());
  };
}

void Create(AppContext& ctx, http::Request&& req, http::Responder respond) {
  access::Principal who;
  if (Status s = CheckEditor(ctx, req, who); !s.ok()) return respond(http::MakeProblem(s, req));
  auto body = http::ParseJsonBody(req);
  if (!body.ok()) return respond(http::MakeProblem(body.status(), req));
  auto cmd = ag::ParseCreateAgreement(*body);
  if (!cmd.ok()) return respond(http::MakeProblem(cmd.status(), req));
  WriteAnswer answer = [body = *body](const AppendResult& r, const http::Request& original,
                                      const std::vector<NewEvent>&) {
    nlohmann::json out = body;
    out["position"] = r.last_position;
    out["hash"] = ToHex(r.last_hash);
    return http::MakeJson(status::created, out, original);
  };
  Decide decide = [&ctx, cmd = *cmd]() -> Result<Command> {
    auto state = StateOrEmpty(ctx, cmd.id);
    auto events = ag::DecideCreate(*state, cmd, [&ctx](const std::string& party) {
      return ctx.models.Read([&](const Views& v) { return v.parties.Find(party) != nullptr; });
    });
    if (!events.ok()) return events.status();
    Command write =
        CommandFor(ag::StreamFor(cmd.id), ExpectedVersion::NoStream(), std::move(events).value());
    write.on_conflict =
        AlreadyExists("agreement '" + cmd.id + "' already exists", "agreement-exists");
    return write;
  };
  ExecuteCommand(ctx, req, who, std::move(decide), std::move(answer), std::move(respond));
}

// Shared by change and import: answers {change, agreement, position}.
http::Response ChangeAnswer(const std::string& id, const AppendResult& r, const http::Request& req,
                            const std::vector<NewEvent>& events) {
  nlohmann::json out = {{"agreement", id},
                        {"position", r.last_position},
                        {"hash", ToHex(r.last_hash)},
                        {"stream_version", r.stream_version}};
  if (!events.empty()) {
    out["change"] = events.front().data.value("change", "");
    out["ops"] = events.front().data.value("ops", nlohmann::json::array()).size();
  }
  return http::MakeJson(status::created, out, req);
}

// Every cited {response, point} must exist and answer a consultation on this
// agreement (422 "invalid-citation").
Status CheckCites(AppContext& ctx, const std::string& agreement,
                  const std::vector<ag::Cite>& cites) {
  for (const auto& cite : cites) {
    auto response = LoadResponse(ctx.log, cite.response);
    if (!response.ok() && response.status().code() != Code::kNotFound) return response.status();
    const cs::ResponseState* r = response.ok() ? response->get() : nullptr;
    if (Status s = cs::CheckCite(agreement, cite, r); !s.ok()) return s;
  }
  return Status::Ok();
}

using DecideOn = std::function<Result<std::vector<NewEvent>>(const ag::AgreementState&)>;

// The shared shape of change, import and publish: an editor's token, an
// optional If-Match, the request parsed into a decision, then decide on the
// agreement and append (re-decide on conflict, replay retries).
void WriteOnAgreement(AppContext& ctx, const http::Request& req, const std::string& id,
                      const std::function<Result<DecideOn>()>& parse, WriteAnswer answer,
                      http::Responder respond) {
  access::Principal who;
  if (Status s = CheckEditor(ctx, req, who); !s.ok()) return respond(http::MakeProblem(s, req));
  auto if_match = ParseIfMatch(req);
  if (!if_match.ok()) return respond(http::MakeProblem(if_match.status(), req));
  auto decide = parse();
  if (!decide.ok()) return respond(http::MakeProblem(decide.status(), req));
  ExecuteCommand(ctx, req, who, MakeDecider(ctx, id, *if_match, *decide), std::move(answer),
                 std::move(respond));
}

WriteAnswer ChangeAnswerFor(const std::string& id) {
  return [id](const AppendResult& r, const http::Request& q, const std::vector<NewEvent>& e) {
    return ChangeAnswer(id, r, q, e);
  };
}

void Change(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
            http::Responder respond) {
  auto parse = [&req, &ctx]() -> Result<DecideOn> {
    auto body = http::ParseJsonBody(req);
    if (!body.ok()) return body.status();
    auto cmd = ag::ParseRecordChange(*body);
    if (!cmd.ok()) return cmd.status();
    return DecideOn(
        [&ctx, cmd = *cmd](const ag::AgreementState& s) -> Result<std::vector<NewEvent>> {
          if (Status c = CheckCites(ctx, s.info().id, cmd.cites); !c.ok()) return c;
          return ag::DecideChange(s, cmd);
        });
  };
  WriteOnAgreement(ctx, req, m.Param("id"), parse, ChangeAnswerFor(m.Param("id")),
                   std::move(respond));
}

void Import(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
            http::Responder respond) {
  auto parse = [&req, &m]() -> Result<DecideOn> {
    auto type = Header(req, "Content-Type").value_or("");
    if (type.rfind("text/markdown", 0) != 0 && type.rfind("text/plain", 0) != 0) {
      return InvalidArgument("the body must be Markdown (Content-Type: text/markdown)",
                             "unsupported-media-type");
    }
    ag::ImportMarkdown cmd{req.body(), m.Query("rationale").value_or(""), {}};
    return DecideOn([cmd](const ag::AgreementState& s) { return ag::DecideImport(s, cmd); });
  };
  WriteOnAgreement(ctx, req, m.Param("id"), parse, ChangeAnswerFor(m.Param("id")),
                   std::move(respond));
}

void Publish(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
             http::Responder respond) {
  auto parse = [&req]() -> Result<DecideOn> {
    auto body = http::ParseJsonBody(req);
    if (!body.ok()) return body.status();
    auto cmd = ag::ParsePublishVersion(*body);
    if (!cmd.ok()) return cmd.status();
    return DecideOn(
        [cmd = *cmd](const ag::AgreementState& s) { return ag::DecidePublish(s, cmd); });
  };
  WriteAnswer answer = [](const AppendResult& r, const http::Request& q,
                          const std::vector<NewEvent>& e) {
    const auto& d = e.front().data;
    nlohmann::json out = {{"number", d.value("number", 0)},
                          {"label", d.value("label", "")},
                          {"hash", d.value("hash", "")},
                          {"position", r.last_position}};
    if (d.contains("note")) out["note"] = d["note"];
    return http::MakeJson(status::created, out, q);
  };
  WriteOnAgreement(ctx, req, m.Param("id"), parse, answer, std::move(respond));
}

}  // namespace

void AddAgreementWriteRoutes(http::Router& router, AppContext& ctx) {
  router.Add(verb::post, "/v1/agreements",
             [&ctx](http::Request&& req, const http::RouteMatch&, const http::RequestInfo&,
                    http::Responder respond) { Create(ctx, std::move(req), std::move(respond)); });
  router.Add(
      verb::post, "/v1/agreements/{id}/changes",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Change(ctx, std::move(req), m, std::move(respond)); });
  router.Add(
      verb::post, "/v1/agreements/{id}/import",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Import(ctx, std::move(req), m, std::move(respond)); });
  router.Add(
      verb::post, "/v1/agreements/{id}/versions",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Publish(ctx, std::move(req), m, std::move(respond)); });
}

}  // namespace hoering::app
