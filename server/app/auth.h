// Who is calling: the bearer token of a request, looked up by its hash in the
// access read model. A missing Authorization header is anonymous; a present
// but unknown, malformed or revoked token is 401 (never silently anonymous).
#pragma once

#include <initializer_list>

#include "domain/access/access.h"
#include "server/app/read_models.h"
#include "server/http/message.h"

namespace hoering::app {

Result<access::Principal> Authenticate(const http::Request& request, const ReadModels& models);

// OK when the principal has one of `roles`; 401 for anonymous callers, 403
// for authenticated ones with another role.
Status RequireRole(const access::Principal& who, std::initializer_list<access::Role> roles);

// Authenticate() then RequireRole(): for routes that need nothing else of the caller.
Status Authorize(const http::Request& request, const ReadModels& models,
                 std::initializer_list<access::Role> roles);

}  // namespace hoering::app
