// Responses: submit (POST .../responses), amend (PUT .../responses/{rid}),
// withdraw (POST .../withdraw). Stakeholders for their own party, the
// secretariat and admin for any. Each append carries the consultation's
// deadline to the store (commit_before), so a response is either committed
// before the deadline with a receipt or refused with 409.
#include "domain/consultations/response_decide.h"
#include "domain/sha256.h"
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

Result<cs::Submission> ParseSubmission(const nlohmann::json& body) {
  return cs::ParseSubmission(body);
}

Command ResponseCommand(const std::string& response, ExpectedVersion expected,
                        cs::ResponseWrite write) {
  Command cmd = CommandFor(cs::ResponseStream(response), expected, std::move(write.events));
  cmd.commit_before = write.commit_before;
  cmd.decided_on = std::move(write.decided_on);
  cmd.on_deadline = ClosedAtCommit();
  return cmd;
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

// A response with attachments is more than one command: a retry of a
// committed request is answered from what it wrote; a request the decision
// refuses is answered before anything is stored; then the attachments are
// stored and the response is decided again and appended.
Result<Reply> SubmitWithAttachments(const Call& call,
                                    std::vector<cs::DecodedAttachment> attachments, Decide decide,
                                    WriteAnswer answer) {
  if (attachments.empty()) return Write{std::move(decide), std::move(answer)};
  auto meta = CommandMetaFor(call.req, call.who);
  if (!meta.ok()) return meta.status();
  AppContext& ctx = call.ctx;
  if (meta->idempotency) {
    if (auto replay = ctx.commands.Replay(*meta->idempotency)) {
      return Later{[replay = *replay, answer](std::shared_ptr<const http::Request> req,
                                              http::Responder respond) {
        RespondWritten(replay, *req, answer, respond);
      }};
    }
  }
  if (auto first = decide(); !first.ok()) return first.status();
  commands::CommandMeta attachment_meta;  // no idempotency key: stored once per content anyway
  attachment_meta.actor = meta->actor;
  attachment_meta.correlation_id = meta->correlation_id;
  auto shared = std::make_shared<const std::vector<cs::DecodedAttachment>>(std::move(attachments));
  return Later{[&ctx, who = call.who, attachment_meta, shared, decide, answer](
                   std::shared_ptr<const http::Request> req, http::Responder respond) {
    StoreAttachments(ctx, attachment_meta, shared, 0,
                     [&ctx, req, who, decide, answer, respond](Status s) {
                       if (!s.ok()) return respond(http::MakeProblem(s, *req));
                       ExecuteCommand(ctx, req, who, decide, answer, respond);
                     });
  }};
}

Result<Reply> Submit(const Call& call) {
  auto cmd = http::ParseJsonBodyWith(call.req, ParseSubmission);
  if (!cmd.ok()) return cmd.status();
  const std::string consultation = call.Param("id");
  const std::string response = NewResponseId();
  auto attachments = std::move(cmd->attachments);
  cmd->attachments.clear();
  Decide decide = [&ctx = call.ctx, who = call.who, cmd = std::move(cmd).value(), consultation,
                   response]() -> Result<Command> {
    auto c = LoadConsultation(ctx, consultation);
    if (!c.ok()) return c.status();
    auto text = ConsultedText(ctx, **c);
    if (!text.ok()) return text.status();
    auto write = cs::DecideSubmit(**c, **text, SubmitterOf(who), cmd, response, ctx.clock(),
                                  PartyExists(ctx.views));
    if (!write.ok()) return write.status();
    return ResponseCommand(response, ExpectedVersion::NoStream(), std::move(write).value());
  };
  return SubmitWithAttachments(call, std::move(attachments), std::move(decide),
                               ReceiptAnswer(status::created));
}

// Amend and withdraw decide on the response's state with its stream version.
using DecideOnResponse = std::function<Result<cs::ResponseWrite>(const cs::ConsultationState&,
                                                                 const cs::ResponseDecisionState&,
                                                                 const access::Principal&, TimeMs)>;

Decide ResponseDecider(const Call& call, std::optional<std::uint64_t> if_match,
                       DecideOnResponse decide_on) {
  return [&ctx = call.ctx, who = call.who, consultation = call.Param("id"),
          response = call.Param("rid"), if_match, decide_on]() -> Result<Command> {
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
    if (Status s = CheckIfMatch(if_match, r->version, "the response"); !s.ok()) return s;
    auto write = decide_on(**c, *r, who, ctx.clock());
    if (!write.ok()) return write.status();
    return ResponseCommand(response, ExpectedVersion::Exact(r->version), std::move(write).value());
  };
}

Result<Reply> Amend(const Call& call) {
  auto if_match = ParseIfMatch(call.req);
  if (!if_match.ok()) return if_match.status();
  auto cmd = http::ParseJsonBodyWith(call.req, ParseSubmission);
  if (!cmd.ok()) return cmd.status();
  auto attachments = std::move(cmd->attachments);
  cmd->attachments.clear();
  DecideOnResponse decide_on = [&ctx = call.ctx, cmd = std::move(cmd).value()](
                                   const cs::ConsultationState& c,
                                   const cs::ResponseDecisionState& r, const access::Principal& who,
                                   TimeMs now) -> Result<cs::ResponseWrite> {
    auto text = ConsultedText(ctx, c);
    if (!text.ok()) return text.status();
    return cs::DecideAmend(c, **text, r, SubmitterOf(who), cmd, now);
  };
  return SubmitWithAttachments(call, std::move(attachments),
                               ResponseDecider(call, *if_match, std::move(decide_on)),
                               ReceiptAnswer(status::created));
}

Result<Reply> Withdraw(const Call& call) {
  auto if_match = ParseIfMatch(call.req);
  if (!if_match.ok()) return if_match.status();
  std::optional<std::string> reason;
  if (!call.req.body().empty()) {
    auto parsed = http::ParseJsonBodyWith(call.req, cs::ParseCloseReason);
    if (!parsed.ok()) return parsed.status();
    reason = *parsed;
  }
  DecideOnResponse decide_on = [reason](const cs::ConsultationState& c,
                                        const cs::ResponseDecisionState& r,
                                        const access::Principal& who, TimeMs now) {
    return cs::DecideWithdraw(c, r, SubmitterOf(who), reason, now);
  };
  return Write{ResponseDecider(call, *if_match, std::move(decide_on)), ReceiptAnswer(status::ok)};
}

}  // namespace

void AddResponseWriteRoutes(Routes& routes) {
  const Access submitters = OwnPartyOr({Role::kAdmin, Role::kSecretariat});
  routes.Add(verb::post, "/v1/consultations/{id}/responses", submitters, Submit);
  routes.Add(verb::put, "/v1/consultations/{id}/responses/{rid}", submitters, Amend);
  routes.Add(verb::post, "/v1/consultations/{id}/responses/{rid}/withdraw", submitters, Withdraw);
}

}  // namespace hoering::app
