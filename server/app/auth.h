// Who is calling: the bearer token of a request, looked up by its hash in the
// access view. A missing Authorization header is anonymous; a present but
// unknown, malformed or revoked token is 401 (never silently anonymous).
// Routes declare who may call them (route.h); the binder calls these.
#pragma once

#include <span>

#include "domain/access/access.h"
#include "server/app/read_views.h"
#include "server/http/message.h"

namespace hoering::app {

Result<access::Principal> Authenticate(const http::Request& request, const ReadViews& views);
// The caller of an active token by its hash (TokenHash); 401 "invalid-token"
// when it is unknown or revoked. Web sessions opened with a token use it on
// every request, so a revoked token ends them.
Result<access::Principal> PrincipalForTokenHash(const ReadViews& views, const std::string& hash);

// OK when the principal has one of `roles`; 401 for anonymous callers, 403
// for authenticated ones with another role (the detail lists `roles` in order).
Status RequireRole(const access::Principal& who, std::span<const access::Role> roles);

}  // namespace hoering::app
