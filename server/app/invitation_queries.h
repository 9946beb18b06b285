// Invitations (issue 14) as the routes and the web sign-in read them: a
// code redeemed for its party, one invitation and the list of a
// consultation's, never with their codes (only a code's hash is kept).
//
// An invitation signs in until it is revoked or expires
// (domain/invitations/invitation_decide.h ExpiresAt: 30 days after the
// consultation closes, read from the consultation now, so an extension
// moves it).
// Thread safety: like every query, callable from any thread.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "domain/time.h"
#include "server/app/app_context.h"
#include "server/app/page.h"

namespace hoering::app {

// What a valid invitation code grants: web sessions for `party` of
// `consultation`, until `expires_at_ms` (UTC ms) at the latest.
struct InvitationGrant {
  std::string id;
  std::string consultation;
  std::string party;
  TimeMs expires_at_ms = 0;
};

// The invitation whose code is `code`, when it is neither revoked nor
// expired at ctx.clock(). Otherwise 401 (Code::kUnauthenticated)
// "invitation-invalid", the same answer for an unknown, a revoked and an
// expired code (no oracle).
Result<InvitationGrant> RedeemInvitation(AppContext& ctx, const std::string& code);

// The invitation `id` as RedeemInvitation() would grant it now: for a web
// session created from it, checked again on each request, so that revoking
// an invitation (or its expiry) ends the sessions it created. The same 401
// "invitation-invalid" when it is unknown, revoked or expired.
Result<InvitationGrant> ActiveInvitation(AppContext& ctx, const std::string& id);

// The link an invitation is sent as: "<public url>/sign-in?token=<code>"
// (codes are base64url: nothing to escape).
std::string InvitationLink(const AppContext& ctx, const std::string& code);

// {id, consultation, party, issued_at, expires_at, expired, revoked,
// revoked_at (null unless revoked), revoke_reason (when given)} of
// invitation `id` of `consultation`. 404 "consultation-not-found",
// "invitation-not-found" (also for another consultation's invitation).
Result<nlohmann::json> InvitationFor(AppContext& ctx, const std::string& consultation,
                                     const std::string& id);

// The invitations of `consultation` in the order they were issued, the same
// JSON each; `page.after` is the id of the last one of the previous page (an
// id that is not one of them is 400 "invalid-query"). 404
// "consultation-not-found".
Result<Page> InvitationsPage(AppContext& ctx, const std::string& consultation,
                             const PageRequest& page);

}  // namespace hoering::app
