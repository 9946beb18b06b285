#include "server/app/response_commands.h"

#include <memory>

#include "domain/sha256.h"
#include "server/app/command_http.h"
#include "server/app/consultation_access.h"
#include "server/app/decision_states.h"
#include "server/app/request_helpers.h"
#include "server/app/stored_content.h"

namespace hoering::app {
namespace {

using access::Role;
namespace cs = consultations;

Status ClosedAtCommit() {
  return Status(Code::kConflict, "the consultation closed before the response could be recorded",
                "consultation-closed");
}

// Who writes responses at all: parties (for themselves, response_decide.h)
// and the editors; an auditor, or anyone else, never.
Status CheckWriter(const access::Principal& who) {
  if (who.role == Role::kStakeholder || who.role == Role::kSecretariat ||
      who.role == Role::kAdmin) {
    return Status::Ok();
  }
  return Status(Code::kPermissionDenied, "only parties and the secretariat write responses",
                "forbidden");
}

Command ResponseCommand(const std::string& response, ExpectedVersion expected,
                        cs::ResponseWrite write) {
  Command cmd = CommandFor(cs::ResponseStream(response), expected, std::move(write.events));
  cmd.commit_before = write.commit_before;
  cmd.decided_on = std::move(write.decided_on);
  cmd.on_deadline = ClosedAtCommit();
  return cmd;
}

// Stores attachments[i..] one command at a time, then runs `then`.
void StoreAttachments(AppContext& ctx, commands::CommandMeta meta,
                      std::shared_ptr<const std::vector<cs::DecodedAttachment>> attachments,
                      std::size_t i, std::function<void(Status)> then) {
  if (i == attachments->size()) return then(Status::Ok());
  const cs::DecodedAttachment& a = (*attachments)[i];
  ctx.commands.Execute(meta,
                       StoreContentOnce(ctx, cs::AttachmentStored{a.ref.sha256, a.ref.media_type,
                                                                  a.ref.size, a.content_base64}),
                       [&ctx, meta, attachments, i, then](Result<commands::Written> w) {
                         if (!w.ok()) return then(w.status());
                         StoreAttachments(ctx, meta, attachments, i + 1, then);
                       });
}

// Runs `decide` as one command, after storing `attachments` (see the header).
void ExecuteWithAttachments(AppContext& ctx, commands::CommandMeta meta,
                            std::vector<cs::DecodedAttachment> attachments, Decide decide,
                            commands::Completion done) {
  if (attachments.empty()) return ctx.commands.Execute(std::move(meta), decide, std::move(done));
  if (meta.idempotency) {
    if (auto replay = ctx.commands.Replay(*meta.idempotency)) return done(*replay);
  }
  if (auto first = decide(); !first.ok()) return done(first.status());
  commands::CommandMeta attachment_meta;  // no idempotency key: stored once per content anyway
  attachment_meta.actor = meta.actor;
  attachment_meta.correlation_id = meta.correlation_id;
  auto shared = std::make_shared<const std::vector<cs::DecodedAttachment>>(std::move(attachments));
  StoreAttachments(ctx, attachment_meta, shared, 0,
                   [&ctx, meta = std::move(meta), decide, done](Status s) {
                     if (!s.ok()) return done(s);
                     ctx.commands.Execute(meta, decide, done);
                   });
}

// Amend and withdraw decide on the response's state with its stream version.
using DecideOnResponse = std::function<Result<cs::ResponseWrite>(
    const cs::ConsultationState&, const cs::ResponseDecisionState&, TimeMs)>;

Decide ResponseDecider(AppContext& ctx, const access::Principal& who, std::string consultation,
                       std::string response, std::optional<std::uint64_t> if_match,
                       DecideOnResponse decide_on) {
  return [&ctx, who, consultation = std::move(consultation), response = std::move(response),
          if_match, decide_on = std::move(decide_on)]() -> Result<Command> {
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
    auto write = decide_on(**c, *r, ctx.clock());
    if (!write.ok()) return write.status();
    return ResponseCommand(response, ExpectedVersion::Exact(r->version), std::move(write).value());
  };
}

}  // namespace

void SubmitResponse(AppContext& ctx, commands::CommandMeta meta, const access::Principal& who,
                    std::string consultation, std::string response, cs::Submission submission,
                    commands::Completion done) {
  if (Status s = CheckWriter(who); !s.ok()) return done(s);
  auto attachments = std::move(submission.attachments);
  submission.attachments.clear();
  Decide decide = [&ctx, who, cmd = std::move(submission), consultation = std::move(consultation),
                   response = std::move(response)]() -> Result<Command> {
    auto c = LoadConsultation(ctx, consultation);
    if (!c.ok()) return c.status();
    auto text = ConsultedText(ctx, **c);
    if (!text.ok()) return text.status();
    auto write = cs::DecideSubmit(**c, **text, SubmitterOf(who), cmd, response, ctx.clock(),
                                  PartyExists(ctx.views));
    if (!write.ok()) return write.status();
    return ResponseCommand(response, ExpectedVersion::NoStream(), std::move(write).value());
  };
  ExecuteWithAttachments(ctx, std::move(meta), std::move(attachments), std::move(decide),
                         std::move(done));
}

void AmendResponse(AppContext& ctx, commands::CommandMeta meta, const access::Principal& who,
                   std::string consultation, std::string response,
                   std::optional<std::uint64_t> if_match, cs::Submission submission,
                   commands::Completion done) {
  if (Status s = CheckWriter(who); !s.ok()) return done(s);
  auto attachments = std::move(submission.attachments);
  submission.attachments.clear();
  DecideOnResponse decide_on = [&ctx, who, cmd = std::move(submission)](
                                   const cs::ConsultationState& c,
                                   const cs::ResponseDecisionState& r,
                                   TimeMs now) -> Result<cs::ResponseWrite> {
    auto text = ConsultedText(ctx, c);
    if (!text.ok()) return text.status();
    return cs::DecideAmend(c, **text, r, SubmitterOf(who), cmd, now);
  };
  ExecuteWithAttachments(ctx, std::move(meta), std::move(attachments),
                         ResponseDecider(ctx, who, std::move(consultation), std::move(response),
                                         if_match, std::move(decide_on)),
                         std::move(done));
}

void WithdrawResponse(AppContext& ctx, commands::CommandMeta meta, const access::Principal& who,
                      std::string consultation, std::string response,
                      std::optional<std::uint64_t> if_match, std::optional<std::string> reason,
                      commands::Completion done) {
  if (Status s = CheckWriter(who); !s.ok()) return done(s);
  DecideOnResponse decide_on = [who, reason = std::move(reason)](const cs::ConsultationState& c,
                                                                 const cs::ResponseDecisionState& r,
                                                                 TimeMs now) {
    return cs::DecideWithdraw(c, r, SubmitterOf(who), reason, now);
  };
  ctx.commands.Execute(std::move(meta),
                       ResponseDecider(ctx, who, std::move(consultation), std::move(response),
                                       if_match, std::move(decide_on)),
                       std::move(done));
}

nlohmann::json ResponseReceipt(const AppendResult& r, const std::vector<NewEvent>& events) {
  const nlohmann::json& d = events.front().data;
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
  return out;
}

}  // namespace hoering::app
