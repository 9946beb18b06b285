// Writes on agreements: POST /v1/agreements, .../changes, .../import,
// .../versions. Secretariat or admin. Each decides on the agreement's view
// and appends with the stream version it decided on (command_http.h).
#include "domain/agreements/agreement_decide.h"
#include "domain/agreements/agreement_events.h"
#include "domain/sha256.h"
#include "server/app/agreement_access.h"
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

// The state to decide on: the read view's, or an empty one for a new id.
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
    if (Status s = CheckIfMatch(if_match, (*state)->version(), "the agreement"); !s.ok()) {
      return s;
    }
    auto events = decide(**state);
    if (!events.ok()) return events.status();
    return CommandFor(ag::StreamFor(id), ExpectedVersion::Exact((*state)->version()),
                      std::move(events).value());
  };
}

Result<Reply> Create(const Call& call) {
  auto body = http::ParseJsonBody(call.req);
  if (!body.ok()) return body.status();
  auto cmd = ag::ParseCreateAgreement(*body);
  if (!cmd.ok()) return cmd.status();
  WriteAnswer answer = [body = *body](const AppendResult& r, const http::Request& original,
                                      const std::vector<NewEvent>&) {
    nlohmann::json out = body;
    out["position"] = r.last_position;
    out["hash"] = ToHex(r.last_hash);
    return http::MakeJson(status::created, out, original);
  };
  Decide decide = [&ctx = call.ctx, cmd = *cmd]() -> Result<Command> {
    auto state = StateOrEmpty(ctx, cmd.id);
    auto events = ag::DecideCreate(*state, cmd, PartyExists(ctx.views));
    if (!events.ok()) return events.status();
    Command write =
        CommandFor(ag::StreamFor(cmd.id), ExpectedVersion::NoStream(), std::move(events).value());
    write.on_conflict =
        AlreadyExists("agreement '" + cmd.id + "' already exists", "agreement-exists");
    return write;
  };
  return Write{std::move(decide), std::move(answer)};
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

// The shared shape of change, import and publish: an optional If-Match, the
// request parsed into a decision, then decide on the agreement and append
// (re-decide on conflict, replay retries).
Result<Reply> WriteOnAgreement(const Call& call, const Result<DecideOn>& decide_on,
                               WriteAnswer answer) {
  auto if_match = ParseIfMatch(call.req);
  if (!if_match.ok()) return if_match.status();
  if (!decide_on.ok()) return decide_on.status();
  return Write{MakeDecider(call.ctx, call.Param("id"), *if_match, *decide_on), std::move(answer)};
}

WriteAnswer ChangeAnswerFor(const std::string& id) {
  return [id](const AppendResult& r, const http::Request& q, const std::vector<NewEvent>& e) {
    return ChangeAnswer(id, r, q, e);
  };
}

Result<DecideOn> ParseChange(const Call& call) {
  auto cmd = http::ParseJsonBodyWith(call.req, ag::ParseRecordChange);
  if (!cmd.ok()) return cmd.status();
  return DecideOn(
      [&ctx = call.ctx, cmd = *cmd](const ag::AgreementState& s) -> Result<std::vector<NewEvent>> {
        if (Status c = CheckCites(ctx, s.info().id, cmd.cites); !c.ok()) return c;
        return ag::DecideChange(s, cmd);
      });
}

Result<Reply> Change(const Call& call) {
  return WriteOnAgreement(call, ParseChange(call), ChangeAnswerFor(call.Param("id")));
}

Result<DecideOn> ParseImport(const Call& call) {
  auto type = Header(call.req, "Content-Type").value_or("");
  if (type.rfind("text/markdown", 0) != 0 && type.rfind("text/plain", 0) != 0) {
    return InvalidArgument("the body must be Markdown (Content-Type: text/markdown)",
                           "unsupported-media-type");
  }
  ag::ImportMarkdown cmd{call.req.body(), call.Query("rationale").value_or(""), {}};
  return DecideOn([cmd](const ag::AgreementState& s) { return ag::DecideImport(s, cmd); });
}

Result<Reply> Import(const Call& call) {
  return WriteOnAgreement(call, ParseImport(call), ChangeAnswerFor(call.Param("id")));
}

Result<DecideOn> ParsePublish(const Call& call) {
  auto cmd = http::ParseJsonBodyWith(call.req, ag::ParsePublishVersion);
  if (!cmd.ok()) return cmd.status();
  return DecideOn([cmd = *cmd](const ag::AgreementState& s) { return ag::DecidePublish(s, cmd); });
}

Result<Reply> Publish(const Call& call) {
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
  return WriteOnAgreement(call, ParsePublish(call), std::move(answer));
}

}  // namespace

void AddAgreementWriteRoutes(Routes& routes) {
  routes.Add(verb::post, "/v1/agreements", Editors(), Create);
  routes.Add(verb::post, "/v1/agreements/{id}/changes", Editors(), Change);
  routes.Add(verb::post, "/v1/agreements/{id}/import", Editors(), Import);
  routes.Add(verb::post, "/v1/agreements/{id}/versions", Editors(), Publish);
}

}  // namespace hoering::app
