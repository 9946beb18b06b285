#include "server/web/web_sessions.h"

#include <nlohmann/json.hpp>

#include "domain/sha256.h"
#include "server/app/token_secret.h"
#include "server/web/local_sweep.h"

namespace hoering::web {
namespace {

constexpr std::string_view kPrefix = "session/";
constexpr TimeMs kTouchEveryMs = 60 * 1000;

std::string KeyOf(const std::string& id) {
  return std::string(kPrefix) + ToHex(Sha256(id));
}

std::string Encode(const WebSession& s) {
  return nlohmann::json{{"kind", s.kind == WebSession::Kind::kInvitation ? "invitation" : "token"},
                        {"credential", s.credential},
                        {"csrf", s.csrf},
                        {"created_at", s.created_at},
                        {"last_seen", s.last_seen}}
      .dump();
}

std::optional<WebSession> Decode(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  WebSession s;
  s.kind = j.value("kind", "") == "invitation" ? WebSession::Kind::kInvitation
                                               : WebSession::Kind::kToken;
  s.credential = j.value("credential", "");
  s.csrf = j.value("csrf", "");
  s.created_at = j.value("created_at", TimeMs{0});
  s.last_seen = j.value("last_seen", TimeMs{0});
  if (s.credential.empty() || s.csrf.empty()) return std::nullopt;
  return s;
}

}  // namespace

Result<std::string> WebSessions::Open(WebSession session) {
  std::string id = app::RandomHex(32);
  if (Status s = store_.PutLocal(KeyOf(id), Encode(session)); !s.ok()) return s;
  return id;
}

Result<std::optional<WebSession>> WebSessions::Find(const std::string& id, TimeMs now) {
  if (id.empty()) return std::optional<WebSession>();
  const std::string key = KeyOf(id);
  auto stored = store_.GetLocal(key);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) return std::optional<WebSession>();
  auto session = Decode(**stored);
  if (!session || now >= session->expires_at()) {
    if (Status s = store_.DeleteLocal(key); !s.ok()) return s;
    return std::optional<WebSession>();
  }
  if (now - session->last_seen >= kTouchEveryMs) {
    session->last_seen = now;
    if (Status s = store_.PutLocal(key, Encode(*session)); !s.ok()) return s;
  }
  return session;
}

Status WebSessions::Close(const std::string& id) {
  return store_.DeleteLocal(KeyOf(id));
}

Result<std::size_t> WebSessions::Sweep(TimeMs now) {
  return SweepLocal(store_, std::string(kPrefix), [now](const std::string& value) {
    auto session = Decode(value);
    return !session || now >= session->expires_at();
  });
}

}  // namespace hoering::web
