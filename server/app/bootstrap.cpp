#include "server/app/bootstrap.h"

#include "server/app/token_secret.h"

namespace hoering::app {

Result<BootstrapResult> BootstrapAdminToken(App& app, const std::string& env_secret) {
  auto& ctx = app.context();
  const bool empty = ctx.views.Read([](const Views& v) { return v.access.empty(); });
  if (!env_secret.empty()) {
    if (env_secret.size() < 16) {
      return InvalidArgument("HOERING_ADMIN_TOKEN must be at least 16 characters");
    }
    const bool known = ctx.views.Read([&](const Views& v) {
      return v.access.FindActiveByHash(TokenHash(env_secret)).has_value();
    });
    if (known) return BootstrapResult{};
  } else if (!empty) {
    return BootstrapResult{};
  }
  const std::string secret = env_secret.empty() ? NewTokenSecret() : env_secret;
  access::IssueTokenCommand cmd{NewTokenId(), TokenHash(secret), "admin", "",
                                env_secret.empty() ? "first-start admin" : "HOERING_ADMIN_TOKEN"};
  commands::CommandMeta meta;
  meta.actor = {"", "system", ""};
  meta.correlation_id = "bootstrap";
  auto written = ctx.commands.ExecuteAndWait(meta, [&cmd]() -> Result<commands::Command> {
    auto event = access::DecideIssue(cmd, false);
    if (!event.ok()) return event.status();
    commands::Command write;
    write.stream = access::kStream;
    write.expected = ExpectedVersion::Any();
    write.events.push_back(std::move(event).value());
    return write;
  });
  if (!written.ok()) return written.status();
  return BootstrapResult{secret, cmd.id};
}

}  // namespace hoering::app
