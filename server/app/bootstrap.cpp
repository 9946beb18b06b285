#include "server/app/bootstrap.h"

#include "server/app/token_secret.h"

namespace hoering::app {

Result<BootstrapResult> BootstrapAdminToken(App& app, const std::string& env_secret) {
  auto& ctx = app.context();
  const bool empty = ctx.models.Read([](const Views& v) { return v.access.empty(); });
  if (!env_secret.empty()) {
    if (env_secret.size() < 16) {
      return InvalidArgument("HOERING_ADMIN_TOKEN must be at least 16 characters");
    }
    const bool known = ctx.models.Read([&](const Views& v) {
      return v.access.FindActiveByHash(TokenHash(env_secret)).has_value();
    });
    if (known) return BootstrapResult{};
  } else if (!empty) {
    return BootstrapResult{};
  }
  const std::string secret = env_secret.empty() ? NewTokenSecret() : env_secret;
  access::IssueTokenCommand cmd{NewTokenId(), TokenHash(secret), "admin", "",
                                env_secret.empty() ? "first-start admin" : "HOERING_ADMIN_TOKEN"};
  auto event = access::DecideIssue(cmd, false);
  if (!event.ok()) return event.status();
  AppendRequest append;
  append.stream = access::kStream;
  append.events.push_back(std::move(event).value());
  append.context.actor = {"", "system", ""};
  append.context.correlation_id = "bootstrap";
  auto r = ctx.store.Append(std::move(append));
  if (!r.ok()) return r.status();
  return BootstrapResult{secret, cmd.id};
}

}  // namespace hoering::app
