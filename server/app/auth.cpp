#include "server/app/auth.h"

#include "server/app/token_secret.h"

namespace hoering::app {

using access::Role;

Result<access::Principal> Authenticate(const http::Request& request, const ReadViews& views) {
  auto it = request.find(boost::beast::http::field::authorization);
  if (it == request.end()) return access::Principal{};
  std::string_view value = it->value();
  constexpr std::string_view kScheme = "Bearer ";
  if (value.size() <= kScheme.size() ||
      !std::equal(kScheme.begin(), kScheme.end(), value.begin(),
                  [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
    return Status(Code::kUnauthenticated, "Authorization must be 'Bearer <token>'",
                  "invalid-token");
  }
  return PrincipalForTokenHash(views, TokenHash(std::string(value.substr(kScheme.size()))));
}

Result<access::Principal> PrincipalForTokenHash(const ReadViews& views, const std::string& hash) {
  auto token = views.Read([&](const Views& v) { return v.access.FindActiveByHash(hash); });
  if (!token) {
    return Status(Code::kUnauthenticated, "the bearer token is unknown or revoked",
                  "invalid-token");
  }
  return access::Principal{token->role, token->id, token->party};
}

Status RequireRole(const access::Principal& who, std::span<const Role> roles) {
  for (Role r : roles) {
    if (who.role == r) return Status::Ok();
  }
  if (!who.authenticated()) {
    return Status(Code::kUnauthenticated, "this request needs a bearer token", "unauthenticated");
  }
  std::string allowed;
  for (Role r : roles) allowed += (allowed.empty() ? "" : ", ") + access::RoleName(r);
  return Status(
      Code::kPermissionDenied,
      "role '" + access::RoleName(who.role) + "' may not do this (allowed: " + allowed + ")",
      "forbidden");
}

}  // namespace hoering::app
