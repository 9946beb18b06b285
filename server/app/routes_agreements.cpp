// Writes on agreements: POST /v1/agreements, .../changes, .../import,
// .../versions. Secretariat or admin. Each decides on the agreement's view
// and appends with the stream version it decided on (command_http.h); the
// text's writes are the commands of agreement_commands.h, which the editor
// page runs too. A stale `if_body_sha256` is 412 "section-changed" with the
// extension member `section`.
#include "domain/agreements/agreement_decide.h"
#include "domain/agreements/agreement_events.h"
#include "domain/sha256.h"
#include "server/app/agreement_access.h"
#include "server/app/agreement_commands.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
namespace ag = agreements;

// The state to decide on: the read view's, or an empty one for a new id.
std::shared_ptr<const ag::AgreementState> StateOrEmpty(AppContext& ctx, const std::string& id) {
  auto s = LoadAgreement(ctx, id);
  if (s.ok()) return *s;
  return std::make_shared<ag::AgreementState>();
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

WriteAnswer ChangeAnswerFor(const std::string& id) {
  return [id](const AppendResult& r, const http::Request& q, const std::vector<NewEvent>& e) {
    return ChangeAnswer(id, r, q, e);
  };
}

// A "section-changed" refusal (412, body_condition.h) also names its section
// in the problem's extension member `section`.
http::Responder NamingChangedSection(http::Responder respond) {
  auto plain = respond.respond;
  respond.respond = [plain](http::Response res) {
    if (res.result_int() == 412) {
      auto body = nlohmann::json::parse(res.body(), nullptr, false);
      if (body.is_object() && body.value("type", "") == "urn:hoering:section-changed" &&
          body["errors"].is_array() && !body["errors"].empty()) {
        body["section"] = body["errors"][0]["params"].value("section", "");
        res.body() = http::DumpJson(body);
        res.prepare_payload();
      }
    }
    plain(std::move(res));
  };
  return respond;
}

Result<Reply> Change(const Call& call) {
  auto if_match = ParseIfMatch(call.req);
  if (!if_match.ok()) return if_match.status();
  auto cmd = http::ParseJsonBodyWith(call.req, ag::ParseRecordChange);
  if (!cmd.ok()) return cmd.status();
  const std::string id = call.Param("id");
  Decide decide = DecideRecordChange(call.ctx, id, std::move(cmd).value(), *if_match);
  return Later{
      [&ctx = call.ctx, who = call.who, decide = std::move(decide), answer = ChangeAnswerFor(id)](
          std::shared_ptr<const http::Request> req, http::Responder respond) {
        ExecuteCommand(ctx, std::move(req), who, decide, answer,
                       NamingChangedSection(std::move(respond)));
      }};
}

Result<Reply> Import(const Call& call) {
  auto if_match = ParseIfMatch(call.req);
  if (!if_match.ok()) return if_match.status();
  auto type = Header(call.req, "Content-Type").value_or("");
  if (type.rfind("text/markdown", 0) != 0 && type.rfind("text/plain", 0) != 0) {
    return InvalidArgument("the body must be Markdown (Content-Type: text/markdown)",
                           "unsupported-media-type");
  }
  ag::ImportMarkdown cmd{call.req.body(), call.Query("rationale").value_or(""), {}};
  const std::string id = call.Param("id");
  return Write{DecideImportMarkdown(call.ctx, id, std::move(cmd), *if_match), ChangeAnswerFor(id)};
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
  auto if_match = ParseIfMatch(call.req);
  if (!if_match.ok()) return if_match.status();
  auto cmd = http::ParseJsonBodyWith(call.req, ag::ParsePublishVersion);
  if (!cmd.ok()) return cmd.status();
  return Write{DecidePublishVersion(call.ctx, call.Param("id"), std::move(cmd).value(), *if_match),
               std::move(answer)};
}

}  // namespace

void AddAgreementWriteRoutes(Routes& routes) {
  routes.Add(verb::post, "/v1/agreements", Editors(), Create);
  routes.Add(verb::post, "/v1/agreements/{id}/changes", Editors(), Change);
  routes.Add(verb::post, "/v1/agreements/{id}/import", Editors(), Import);
  routes.Add(verb::post, "/v1/agreements/{id}/versions", Editors(), Publish);
}

}  // namespace hoering::app
