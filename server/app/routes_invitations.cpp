// Invitations of a consultation's parties (issue 14): POST and GET
// /v1/consultations/{id}/invitations, DELETE .../invitations/{iid}.
// Secretariat and admin only.
//
// The code is shown once, in the answer to the POST (`code` and `link`); the
// log keeps its hash. An Idempotency-Key replay of the POST cannot show it
// again: it answers the invitation without `code` and `link`, with
// "replayed": true (docs/api.md), so the secretariat revokes it and issues
// a new one if the first answer was lost.
#include <stdexcept>

#include "domain/invitations/invitation_decide.h"
#include "domain/sha256.h"
#include "server/app/invitation_commands.h"
#include "server/app/invitation_queries.h"
#include "server/app/route.h"
#include "server/app/routes.h"
#include "server/http/json_body.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;

// The invitation as the list shows it, plus what the write committed. Read
// from the views, which hold the write before it is acknowledged.
nlohmann::json WrittenInvitation(AppContext& ctx, const std::string& consultation,
                                 const std::string& id, const AppendResult& r) {
  auto shown = InvitationFor(ctx, consultation, id);
  if (!shown.ok()) {
    throw std::runtime_error("invitation '" + id + "' is not in the read views after its write: " +
                             shown.status().detail());
  }
  nlohmann::json out = std::move(shown).value();
  out["position"] = r.last_position;
  out["hash"] = ToHex(r.last_hash);
  out["stream_version"] = r.stream_version;
  return out;
}

Result<Reply> Issue(const Call& call) {
  auto party = http::ParseJsonBodyWith(call.req, invitations::ParseIssueInvitation);
  if (!party.ok()) return party.status();
  NewInvitation invitation = MakeInvitation(call.Param("id"), *party);
  WriteAnswer answer = [&ctx = call.ctx, consultation = call.Param("id"), code = invitation.code](
                           const AppendResult& r, const http::Request& q,
                           const std::vector<NewEvent>& events) {
    const std::string id = events.front().data.value("id", "");
    nlohmann::json out = WrittenInvitation(ctx, consultation, id, r);
    if (r.duplicate) {
      out["replayed"] = true;  // the code was shown once, to the first request
    } else {
      out["code"] = code;
      out["link"] = InvitationLink(ctx, code);
    }
    return http::MakeJson(status::created, out, q);
  };
  return Write{DecideIssueInvitation(call.ctx, std::move(invitation.command)), std::move(answer)};
}

Result<Reply> List(const Call& call) {
  auto page = ParsePage(call.match);
  if (!page.ok()) return page.status();
  auto found = InvitationsPage(call.ctx, call.Param("id"), *page);
  if (!found.ok()) return found.status();
  return call.Json(status::ok, std::move(found).value().ToJson());
}

Result<Reply> Revoke(const Call& call) {
  auto body = http::ParseOptionalJsonBody(call.req);
  if (!body.ok()) return body.status();
  auto reason = invitations::ParseRevokeReason(*body);
  if (!reason.ok()) return reason.status();
  const std::string& consultation = call.Param("id");
  const std::string& id = call.Param("iid");
  WriteAnswer answer = [&ctx = call.ctx, consultation, id](const AppendResult& r,
                                                           const http::Request& q,
                                                           const std::vector<NewEvent>&) {
    return http::MakeJson(status::ok, WrittenInvitation(ctx, consultation, id, r), q);
  };
  return Write{DecideRevokeInvitation(call.ctx, consultation, id, *reason), std::move(answer)};
}

}  // namespace

void AddInvitationRoutes(Routes& routes) {
  routes.Add(verb::post, "/v1/consultations/{id}/invitations", Editors(), Issue);
  routes.Add(verb::get, "/v1/consultations/{id}/invitations", Editors(), List);
  routes.Add(verb::delete_, "/v1/consultations/{id}/invitations/{iid}", Editors(), Revoke);
}

}  // namespace hoering::app
