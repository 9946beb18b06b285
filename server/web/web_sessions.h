// Web sessions: what a browser holds after signing in (sign_in.h), kept in
// the local state store (storage/local_state_store.h) so they survive a
// restart, outside the log.
//
// A session is named by a random 256-bit id sent only in the HttpOnly
// session cookie; the store keeps its SHA-256 ("session/<hex>"), never the
// id. It records what it was opened with (an invitation or an API token,
// re-checked on every request, so revoking either ends the session at once),
// its CSRF secret, and when it was last used. It ends 60 minutes after the
// last request (kIdleMs), at sign-out, or when its credential stops being
// valid. Thread safety: any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/status.h"
#include "domain/time.h"
#include "storage/local_state_store.h"

namespace hoering::web {

inline constexpr TimeMs kSessionIdleMs = 60 * 60 * 1000;
// Within this of the idle limit, pages warn that the session is ending.
inline constexpr TimeMs kSessionWarnMs = 10 * 60 * 1000;
inline constexpr std::string_view kSessionCookie = "hoering_session";

struct WebSession {
  enum class Kind { kInvitation, kToken };
  Kind kind = Kind::kToken;
  std::string credential;  // the invitation id, or the token's hash
  std::string csrf;        // the form secret of this session
  TimeMs created_at = 0;
  TimeMs last_seen = 0;
  TimeMs expires_at() const { return last_seen + kSessionIdleMs; }
};

class WebSessions {
 public:
  explicit WebSessions(LocalStateStore& store) : store_(store) {}

  // Stores a new session and returns its id (for the cookie).
  Result<std::string> Open(WebSession session);
  // The live session named by `id` at `now`, its last use moved to `now`
  // (written at most once a minute); nullopt when unknown or idle too long
  // (an expired one is deleted).
  Result<std::optional<WebSession>> Find(const std::string& id, TimeMs now);
  // Ends the session (sign-out, or its credential is no longer valid).
  Status Close(const std::string& id);
  // Deletes every session idle too long at `now`; returns how many.
  Result<std::size_t> Sweep(TimeMs now);

 private:
  LocalStateStore& store_;
};

}  // namespace hoering::web
