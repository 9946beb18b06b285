// Responses: submit (POST .../responses), amend (PUT .../responses/{rid}),
// withdraw (POST .../withdraw). Stakeholders for their own party, the
// secretariat and admin for any. Each append carries the consultation's
// deadline to the store (commit_before), so a response is either committed
// before the deadline with a receipt or refused with 409.
#include "domain/consultations/response_decide.h"
#include "domain/sha256.h"
#include "server/app/auth.h"
#include "server/app/command_http.h"
#include "server/app/consultation_access.h"
#include "server/app/decision_states.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/app/token_secret.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using access::Role;
using boost::beast::http::status;
using boost::beast::http::verb;
namespace cs = consultations;

Status ClosedAtCommit() {
  return Status(Code::kConflict, "the consultation closed before the response could be recorded",
                "consultation-closed");
}

// The receipt: {response, consultation, party, revision, submitted_at,
// position, hash, late, stream_version}; rebuilt from the stored event on retries.
WriteAnswer ReceiptAnswer(status code) {
  return [code](const AppendResult& r, const http::Request& q, const std::vector<NewEvent>& e) {
    const nlohmann::json& d = e.front().data;
    nlohmann::json out = {
        {"response", d.value("response", "")}, {"consultation", d.value("consultation", "")},
        {"revision", d.value("revision", 0)},  {"position", r.last_position},
        {"hash", ToHex(r.last_hash)},          {"stream_version", r.stream_version}};
    if (d.contains("party")) out["party"] = d["party"];
    if (d.contains("submitted_at")) out["submitted_at"] = d["submitted_at"];
    if (d.contains("late")) out["late"] = d["late"];
    if (d.contains("received_at")) out["received_at"] = d["received_at"];
    if (d.contains("withdrawn_at")) {
      out["withdrawn"] = true;
      out["withdrawn_at"] = d["withdrawn_at"];
    }
    return http::MakeJson(code, out, q);
  };
}

Command ResponseCommand(const std::string& response, ExpectedVersion expected,
                        cs::ResponseWrite write) {
  Command cmd = CommandFor(cs::ResponseStream(response), expected, std::move(write.events));
  cmd.commit_before = write.commit_before;
  cmd.decided_on = std::move(write.decided_on);
  cmd.on_deadline = ClosedAtCommit();
  return cmd;
}

Status CheckSubmitter(const access::Principal& who) {
  return RequireRole(who, {Role::kAdmin, Role::kSecretariat, Role::kStakeholder});
}

// An attachment is stored once per content, in "attachment-<sha256>": nothing
// to write when the log holds it already (a concurrent store of the same
// content conflicts, is decided again and then finds it).
Decide StoreAttachment(AppContext& ctx, const cs::DecodedAttachment& a) {
  return [&ctx, a]() -> Result<Command> {
    const std::string stream = cs::AttachmentStream(a.ref.sha256);
    if (ctx.log.StreamVersion(stream) > 0) return Command{};
    return CommandFor(stream, ExpectedVersion::NoStream(),
                      {cs::ToEvent(cs::AttachmentStored{a.ref.sha256, a.ref.media_type, a.ref.size,
                                                        a.content_base64})});
  };
}

// Stores attachments[i..] one command at a time, then runs `then`.
void StoreAttachments(AppContext& ctx, commands::CommandMeta meta,
                      std::shared_ptr<const std::vector<cs::DecodedAttachment>> attachments,
                      std::size_t i, std::function<void(Status)> then) {
  if (i == attachments->size()) return then(Status::Ok());
  ctx.commands.Execute(meta, StoreAttachment(ctx, (*attachments)[i]),
                       [&ctx, meta, attachments, i, then](Result<commands::Written> w) {
                         if (!w.ok()) return then(w.status());
                         StoreAttachments(ctx, meta, attachments, i + 1, then);
                       });
}

// A retry of a committed request is answered from what it wrote; a request
// the decision refuses is answered before anything is stored; then the
// attachments are stored and the response is decided again and appended.
void SubmitWithAttachments(AppContext& ctx, const http::Request& req, const access::Principal& who,
                           std::vector<cs::DecodedAttachment> attachments, Decide decide,
                           WriteAnswer answer, http::Responder respond) {
  if (attachments.empty()) {
    return ExecuteCommand(ctx, req, who, std::move(decide), std::move(answer), std::move(respond));
  }
  auto meta = CommandMetaFor(req, who);
  if (!meta.ok()) return respond(http::MakeProblem(meta.status(), req));
  if (meta->idempotency) {
    if (auto replay = ctx.commands.Replay(*meta->idempotency)) {
      return RespondWritten(*replay, req, answer, respond);
    }
  }
  if (auto first = decide(); !first.ok()) return respond(http::MakeProblem(first.status(), req));
  commands::CommandMeta attachment_meta;  // no idempotency key: stored once per content anyway
  attachment_meta.actor = meta->actor;
  attachment_meta.correlation_id = meta->correlation_id;
  auto shared_req = std::make_shared<http::Request>(req);
  StoreAttachments(
      ctx, std::move(attachment_meta),
      std::make_shared<const std::vector<cs::DecodedAttachment>>(std::move(attachments)), 0,
      [&ctx, shared_req, who, decide, answer, respond](Status s) {
        if (!s.ok()) return respond(http::MakeProblem(s, *shared_req));
        ExecuteCommand(ctx, *shared_req, who, decide, answer, respond);
      });
}

void Submit(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
            http::Responder respond) {
  auto who = Authenticate(req, ctx.models);
  if (!who.ok()) return respond(http::MakeProblem(who.status(), req));
  if (Status s = CheckSubmitter(*who); !s.ok()) return respond(http::MakeProblem(s, req));
  auto body = http::ParseJsonBody(req);
  if (!body.ok()) return respond(http::MakeProblem(body.status(), req));
  auto cmd = cs::ParseSubmission(*body);
  if (!cmd.ok()) return respond(http::MakeProblem(cmd.status(), req));
  const std::string consultation = m.Param("id");
  const std::string response = NewResponseId();
  WriteAnswer answer = ReceiptAnswer(status::created);
  auto attachments = std::move(cmd->attachments);
  cmd->attachments.clear();
  Decide decide = [&ctx, who = *who, cmd = std::move(cmd).value(), consultation,
                   response]() -> Result<Command> {
    auto c = LoadConsultation(ctx, consultation);
    if (!c.ok()) return c.status();
    auto text = ConsultedText(ctx, **c);
    if (!text.ok()) return text.status();
    auto write = cs::DecideSubmit(
        **c, **text, SubmitterOf(who), cmd, response, ctx.clock(),
        [&ctx](const std::string& party) {
          return ctx.models.Read([&](const Views& v) { return v.parties.Find(party) != nullptr; });
        });
    if (!write.ok()) return write.status();
    return ResponseCommand(response, ExpectedVersion::NoStream(), std::move(write).value());
  };
  SubmitWithAttachments(ctx, req, *who, std::move(attachments), std::move(decide), answer,
                        std::move(respond));
}

// Amend and withdraw decide on the response's state with its stream version.
using DecideOnResponse = std::function<Result<cs::ResponseWrite>(const cs::ConsultationState&,
                                                                 const cs::ResponseDecisionState&,
                                                                 const access::Principal&, TimeMs)>;

Decide ResponseDecider(AppContext& ctx, const access::Principal& who, std::string consultation,
                       std::string response, std::optional<std::uint64_t> if_match,
                       DecideOnResponse decide_on) {
  return [&ctx, who, consultation, response, if_match, decide_on]() -> Result<Command> {
    auto c = LoadConsultation(ctx, consultation);
    if (!c.ok()) return c.status();
    auto r = LoadResponseDecision(ctx.log, response);
    if (!r.ok()) return r.status();
    // Another party's response is not revealed to a stakeholder.
    if (!r->exists() || r->consultation != consultation ||
        (who.role == Role::kStakeholder && r->party != who.party)) {
      return NotFound(
          "response '" + response + "' does not exist in consultation '" + consultation + "'",
          "response-not-found");
    }
    if (if_match && *if_match != r->version) {
      return Status(Code::kPreconditionFailed,
                    "If-Match is stale: the response is at \"" + std::to_string(r->version) + "\"",
                    "precondition-failed");
    }
    auto write = decide_on(**c, *r, who, ctx.clock());
    if (!write.ok()) return write.status();
    return ResponseCommand(response, ExpectedVersion::Exact(r->version), std::move(write).value());
  };
}

void Amend(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
           http::Responder respond) {
  auto who = Authenticate(req, ctx.models);
  if (!who.ok()) return respond(http::MakeProblem(who.status(), req));
  if (Status s = CheckSubmitter(*who); !s.ok()) return respond(http::MakeProblem(s, req));
  auto if_match = ParseIfMatch(req);
  if (!if_match.ok()) return respond(http::MakeProblem(if_match.status(), req));
  auto body = http::ParseJsonBody(req);
  if (!body.ok()) return respond(http::MakeProblem(body.status(), req));
  auto cmd = cs::ParseSubmission(*body);
  if (!cmd.ok()) return respond(http::MakeProblem(cmd.status(), req));
  auto attachments = std::move(cmd->attachments);
  cmd->attachments.clear();
  DecideOnResponse decide_on = [&ctx, cmd = std::move(cmd).value()](
                                   const cs::ConsultationState& c,
                                   const cs::ResponseDecisionState& r, const access::Principal& who,
                                   TimeMs now) -> Result<cs::ResponseWrite> {
    auto text = ConsultedText(ctx, c);
    if (!text.ok()) return text.status();
    return cs::DecideAmend(c, **text, r, SubmitterOf(who), cmd, now);
  };
  WriteAnswer answer = ReceiptAnswer(status::created);
  auto decide =
      ResponseDecider(ctx, *who, m.Param("id"), m.Param("rid"), *if_match, std::move(decide_on));
  SubmitWithAttachments(ctx, req, *who, std::move(attachments), std::move(decide), answer,
                        std::move(respond));
}

void Withdraw(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
              http::Responder respond) {
  auto who = Authenticate(req, ctx.models);
  if (!who.ok()) return respond(http::MakeProblem(who.status(), req));
  if (Status s = CheckSubmitter(*who); !s.ok()) return respond(http::MakeProblem(s, req));
  auto if_match = ParseIfMatch(req);
  if (!if_match.ok()) return respond(http::MakeProblem(if_match.status(), req));
  std::optional<std::string> reason;
  if (!req.body().empty()) {
    auto body = http::ParseJsonBody(req);
    if (!body.ok()) return respond(http::MakeProblem(body.status(), req));
    auto parsed = cs::ParseCloseReason(*body);
    if (!parsed.ok()) return respond(http::MakeProblem(parsed.status(), req));
    reason = *parsed;
  }
  DecideOnResponse decide_on = [reason](const cs::ConsultationState& c,
                                        const cs::ResponseDecisionState& r,
                                        const access::Principal& who, TimeMs now) {
    return cs::DecideWithdraw(c, r, SubmitterOf(who), reason, now);
  };
  WriteAnswer answer = ReceiptAnswer(status::ok);
  ExecuteCommand(
      ctx, req, *who,
      ResponseDecider(ctx, *who, m.Param("id"), m.Param("rid"), *if_match, std::move(decide_on)),
      answer, std::move(respond));
}

}  // namespace

void AddResponseWriteRoutes(http::Router& router, AppContext& ctx) {
  router.Add(
      verb::post, "/v1/consultations/{id}/responses",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Submit(ctx, std::move(req), m, std::move(respond)); });
  router.Add(
      verb::put, "/v1/consultations/{id}/responses/{rid}",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Amend(ctx, std::move(req), m, std::move(respond)); });
  router.Add(
      verb::post, "/v1/consultations/{id}/responses/{rid}/withdraw",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Withdraw(ctx, std::move(req), m, std::move(respond)); });
}

}  // namespace hoering::app
