// The first admin token. On a store whose access stream is empty, issues an
// admin token: the secret from HOERING_ADMIN_TOKEN when set, else a new
// random one that is returned to be printed once. When HOERING_ADMIN_TOKEN is
// set on a later start and its hash is not an active token, it is issued too
// (so scripts can rely on it).
#pragma once

#include <optional>
#include <string>

#include "server/app/app.h"

namespace hoering::app {

struct BootstrapResult {
  std::optional<std::string> new_secret;  // set when a token was issued now
  std::string token_id;
};

Result<BootstrapResult> BootstrapAdminToken(App& app, const std::string& env_secret);

}  // namespace hoering::app
