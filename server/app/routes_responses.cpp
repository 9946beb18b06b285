// Responses: submit (POST .../responses), amend (PUT .../responses/{rid}),
// withdraw (POST .../withdraw). Stakeholders for their own party, the
// secretariat and admin for any. Each append carries the consultation's
// deadline to the store (commit_before), so a response is either committed
// before the deadline with a receipt or refused with 409.
#include "domain/consultations/response_decide.h"
#include "domain/sha256.h"
#include "server/app/auth.h"
#include "server/app/consultation_access.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/app/token_secret.h"
#include "server/app/write_pipeline.h"
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
ReplayAnswer ReceiptAnswer(status code) {
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

WriteCommand ResponseCommand(const std::string& response, ExpectedVersion expected,
                             cs::ResponseWrite write, const ReplayAnswer& answer) {
  WriteCommand cmd;
  cmd.stream = cs::ResponseStream(response);
  cmd.expected = expected;
  cmd.events = std::move(write.events);
  cmd.commit_before_ms = write.commit_before;
  cmd.decided_on = std::move(write.decided_on);
  cmd.on_deadline = ClosedAtCommit();
  cmd.answer = [answer, events = cmd.events](const AppendResult& r, const http::Request& q) {
    return answer(r, q, events);
  };
  return cmd;
}

Status CheckSubmitter(const access::Principal& who) {
  return RequireRole(who, {Role::kAdmin, Role::kSecretariat, Role::kStakeholder});
}

// Stores each attachment not yet in the log (stream "attachment-<sha256>",
// once per content), then calls `then`. A concurrent store of the same
// content is fine: the stream exists either way.
void StoreAttachments(AppContext& ctx, const access::Principal& who,
                      std::shared_ptr<std::vector<cs::DecodedAttachment>> list, std::size_t i,
                      std::function<void(Status)> then) {
  while (i < list->size()) {
    const auto& a = (*list)[i];
    const bool known = ctx.models.Read(
        [&](const Views& v) { return v.consultations.FindAttachment(a.ref.sha256) != nullptr; });
    if (!known) break;
    ++i;
  }
  if (i == list->size()) return then(Status::Ok());
  const auto& a = (*list)[i];
  AppendRequest append;
  append.stream = cs::AttachmentStream(a.ref.sha256);
  append.expected = ExpectedVersion::NoStream();
  append.events.push_back(cs::ToEvent(
      cs::AttachmentStored{a.ref.sha256, a.ref.media_type, a.ref.size, a.content_base64}));
  append.context.actor = who.actor();
  ctx.store.AppendAsync(std::move(append), [&ctx, who, list, i, then](Result<AppendResult> r) {
    if (!r.ok() && r.status().code() != Code::kWrongExpectedVersion) return then(r.status());
    StoreAttachments(ctx, who, list, i + 1, then);
  });
}

// Decides once to refuse bad requests before anything is stored, stores the
// attachments, then decides again and appends (write_pipeline.h).
void SubmitWithAttachments(AppContext& ctx, const http::Request& req, const access::Principal& who,
                           std::vector<cs::DecodedAttachment> attachments, Decider decide,
                           ReplayAnswer answer, http::Responder respond) {
  if (!attachments.empty()) {
    if (auto first = decide(); !first.ok()) {
      // A retry of a committed request is answered by the pipeline instead.
      if (!Header(req, "Idempotency-Key")) return respond(http::MakeProblem(first.status(), req));
    }
  }
  auto list = std::make_shared<std::vector<cs::DecodedAttachment>>(std::move(attachments));
  auto shared_req = std::make_shared<http::Request>(req);
  StoreAttachments(ctx, who, list, 0, [&ctx, shared_req, who, decide, answer, respond](Status s) {
    if (!s.ok()) return respond(http::MakeProblem(s, *shared_req));
    DecideAndAppend(ctx, *shared_req, who, decide, answer, respond);
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
  ReplayAnswer answer = ReceiptAnswer(status::created);
  auto attachments = std::move(cmd->attachments);
  cmd->attachments.clear();
  Decider decide = [&ctx, who = *who, cmd = std::move(cmd).value(), consultation, response,
                    answer]() -> Result<WriteCommand> {
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
    return ResponseCommand(response, ExpectedVersion::NoStream(), std::move(write).value(), answer);
  };
  SubmitWithAttachments(ctx, req, *who, std::move(attachments), std::move(decide), answer,
                        std::move(respond));
}

// Amend and withdraw decide on the response's state with its stream version.
using DecideOnResponse = std::function<Result<cs::ResponseWrite>(
    const cs::ConsultationState&, const cs::ResponseState&, const access::Principal&, TimeMs)>;

Decider ResponseDecider(AppContext& ctx, const access::Principal& who, std::string consultation,
                        std::string response, std::optional<std::uint64_t> if_match,
                        DecideOnResponse decide_on, ReplayAnswer answer) {
  return [&ctx, who, consultation, response, if_match, decide_on,
          answer]() -> Result<WriteCommand> {
    auto c = LoadConsultation(ctx, consultation);
    if (!c.ok()) return c.status();
    auto r = ctx.models.Read([&](const Views& v) { return v.consultations.GetResponse(response); });
    if (!r.ok()) return r.status();
    // Another party's response is not revealed to a stakeholder.
    if ((*r)->consultation() != consultation ||
        (who.role == Role::kStakeholder && (*r)->party() != who.party)) {
      return NotFound(
          "response '" + response + "' does not exist in consultation '" + consultation + "'",
          "response-not-found");
    }
    if (if_match && *if_match != (*r)->version()) {
      return Status(
          Code::kPreconditionFailed,
          "If-Match is stale: the response is at \"" + std::to_string((*r)->version()) + "\"",
          "precondition-failed");
    }
    auto write = decide_on(**c, **r, who, ctx.clock());
    if (!write.ok()) return write.status();
    return ResponseCommand(response, ExpectedVersion::Exact((*r)->version()),
                           std::move(write).value(), answer);
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
                                   const cs::ConsultationState& c, const cs::ResponseState& r,
                                   const access::Principal& who,
                                   TimeMs now) -> Result<cs::ResponseWrite> {
    auto text = ConsultedText(ctx, c);
    if (!text.ok()) return text.status();
    return cs::DecideAmend(c, **text, r, SubmitterOf(who), cmd, now);
  };
  ReplayAnswer answer = ReceiptAnswer(status::created);
  auto decide = ResponseDecider(ctx, *who, m.Param("id"), m.Param("rid"), *if_match,
                                std::move(decide_on), answer);
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
  DecideOnResponse decide_on = [reason](const cs::ConsultationState& c, const cs::ResponseState& r,
                                        const access::Principal& who, TimeMs now) {
    return cs::DecideWithdraw(c, r, SubmitterOf(who), reason, now);
  };
  ReplayAnswer answer = ReceiptAnswer(status::ok);
  DecideAndAppend(ctx, req, *who,
                  ResponseDecider(ctx, *who, m.Param("id"), m.Param("rid"), *if_match,
                                  std::move(decide_on), answer),
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
