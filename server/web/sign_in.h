// Signing in without passwords (issue 14; paths are a contract):
//   GET  /sign-in             a form taking an invitation code or an API token
//   GET  /sign-in?token=...   what an invitation link opens: exchanges the code
//                             (or token) for a session and redirects to a URL
//                             without it (the code never stays in the address
//                             bar, history or a Referer)
//   POST /sign-in             form field `token` (+ the CSRF field): the same
//   POST /sign-out            ends the session, clears the cookie
// An invitation code ("inv_...") opens a session for its party only; an API
// token opens one with the token's role. Either is checked again on every
// request (page.cpp), so revoking it ends the session. A failed sign-in is 401
// with the form and the reason at the field; nothing is stored.
#pragma once

#include <string>

#include "domain/access/access.h"
#include "server/app/app_context.h"
#include "server/web/page.h"

namespace hoering::web {

void AddSignInPages(Pages& pages);

// The stakeholder an invitation session stands for; 401 "invitation-invalid"
// once the invitation is revoked or expired.
Result<access::Principal> InvitationPrincipal(app::AppContext& ctx,
                                              const std::string& invitation_id);

}  // namespace hoering::web
