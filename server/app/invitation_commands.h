// Issuing and revoking invitations (issue 14) as commands for the command
// service (server/commands/command_service.h): the JSON routes return them
// as a Write (routes_invitations.cpp); web pages may run the same ones.
//
//  * Issue: decided on the consultation in the read views (it must exist,
//    must not have closed 30 days ago or more, and must invite the party;
//    domain/invitations/invitation_decide.h), appended to
//    "invitations-<consultation>" at any version, decided again when the
//    consultation's stream moved on meanwhile (decided_on).
//  * Revoke: decided on the invitations view, appended with the stream's
//    version it was decided on (decided again on a conflict).
// Thread safety: the Decide functions read the read views under their lock
// and may run on any thread; `ctx` must outlive them.
#pragma once

#include <optional>
#include <string>

#include "domain/invitations/invitation_decide.h"
#include "server/app/command_http.h"

namespace hoering::app {

// A new invitation of `party` to `consultation`: a random id and code, and
// the code's hash in `command`. The code is to be shown once and then
// forgotten.
struct NewInvitation {
  invitations::IssueInvitation command;
  std::string code;
};
NewInvitation MakeInvitation(const std::string& consultation, const std::string& party);

Decide DecideIssueInvitation(AppContext& ctx, invitations::IssueInvitation command);
Decide DecideRevokeInvitation(AppContext& ctx, std::string consultation, std::string id,
                              std::optional<std::string> reason);

}  // namespace hoering::app
