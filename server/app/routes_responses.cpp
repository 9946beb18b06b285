// Responses: submit (POST .../responses), amend (PUT .../responses/{rid}),
// withdraw (POST .../withdraw). Stakeholders for their own party, the
// secretariat and admin for any; the rules and the write path are in
// response_commands.h, shared with the response form.
#include "server/app/command_http.h"
#include "server/app/request_helpers.h"
#include "server/app/response_commands.h"
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

Result<cs::Submission> ParseSubmission(const nlohmann::json& body) {
  return cs::ParseSubmission(body);
}

// Starts a response command and answers with its receipt and `code`.
using StartResponseCommand = std::function<void(commands::CommandMeta, commands::Completion)>;
Result<Reply> Run(const Call& call, status code, StartResponseCommand start) {
  auto meta = CommandMetaFor(call.req, call.who);
  if (!meta.ok()) return meta.status();
  return Later{[meta = std::move(meta).value(), code, start = std::move(start)](
                   std::shared_ptr<const http::Request> req, http::Responder respond) {
    WriteAnswer answer = [code](const AppendResult& r, const http::Request& q,
                                const std::vector<NewEvent>& e) {
      return http::MakeJson(code, ResponseReceipt(r, e), q);
    };
    start(meta, [req, answer, respond](Result<commands::Written> written) {
      RespondWritten(written, *req, answer, respond);
    });
  }};
}

Result<Reply> Submit(const Call& call) {
  auto cmd = http::ParseJsonBodyWith(call.req, ParseSubmission);
  if (!cmd.ok()) return cmd.status();
  return Run(call, status::created,
             [&ctx = call.ctx, who = call.who, consultation = call.Param("id"),
              cmd = std::move(cmd).value()](commands::CommandMeta meta, commands::Completion done) {
               SubmitResponse(ctx, std::move(meta), who, consultation, NewResponseId(), cmd,
                              std::move(done));
             });
}

Result<Reply> Amend(const Call& call) {
  auto if_match = ParseIfMatch(call.req);
  if (!if_match.ok()) return if_match.status();
  auto cmd = http::ParseJsonBodyWith(call.req, ParseSubmission);
  if (!cmd.ok()) return cmd.status();
  return Run(call, status::created,
             [&ctx = call.ctx, who = call.who, consultation = call.Param("id"),
              response = call.Param("rid"), if_match = *if_match,
              cmd = std::move(cmd).value()](commands::CommandMeta meta, commands::Completion done) {
               AmendResponse(ctx, std::move(meta), who, consultation, response, if_match, cmd,
                             std::move(done));
             });
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
  return Run(call, status::ok,
             [&ctx = call.ctx, who = call.who, consultation = call.Param("id"),
              response = call.Param("rid"), if_match = *if_match,
              reason](commands::CommandMeta meta, commands::Completion done) {
               WithdrawResponse(ctx, std::move(meta), who, consultation, response, if_match, reason,
                                std::move(done));
             });
}

}  // namespace

void AddResponseWriteRoutes(Routes& routes) {
  const Access submitters = OwnPartyOr({Role::kAdmin, Role::kSecretariat});
  routes.Add(verb::post, "/v1/consultations/{id}/responses", submitters, Submit);
  routes.Add(verb::put, "/v1/consultations/{id}/responses/{rid}", submitters, Amend);
  routes.Add(verb::post, "/v1/consultations/{id}/responses/{rid}/withdraw", submitters, Withdraw);
}

}  // namespace hoering::app
