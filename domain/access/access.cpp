#include "domain/access/access.h"

#include "domain/enum_names.h"
#include "domain/events/decoded_event.h"
#include "domain/ids.h"

namespace hoering::access {

namespace {

constexpr EnumName<Role> kRoleNames[] = {{Role::kAdmin, "admin"},
                                         {Role::kSecretariat, "secretariat"},
                                         {Role::kStakeholder, "stakeholder"},
                                         {Role::kAuditor, "auditor"},
                                         {Role::kAnonymous, "anonymous"}};

}  // namespace

std::string RoleName(Role r) {
  return std::string(NameIn(kRoleNames, r, "anonymous"));
}

std::optional<Role> ParseRole(const std::string& name) {
  auto r = ValueIn(kRoleNames, name);
  if (r == Role::kAnonymous) return std::nullopt;
  return r;
}

void AccessView::Apply(const RecordedEvent& e) {
  Apply(events::DecodeEvent(e));
}

void AccessView::Apply(const events::DecodedEvent& d) {
  const RecordedEvent& e = d.envelope;
  if (e.stream != kStream) return;
  version_ = e.stream_version;
  if (const auto* issued = d.As<TokenIssued>()) {
    TokenInfo t;
    t.id = issued->id;
    t.role = ParseRole(issued->role).value_or(Role::kAnonymous);
    t.party = issued->party;
    t.label = issued->label;
    t.token_sha256 = issued->token_sha256;
    t.issued_at_ms = e.recorded_at_ms;
    id_by_hash_[t.token_sha256] = t.id;
    by_id_[t.id] = std::move(t);
  } else if (const auto* revoked = d.As<TokenRevoked>()) {
    auto it = by_id_.find(revoked->id);
    if (it != by_id_.end()) {
      it->second.revoked = true;
      it->second.revoked_at_ms = e.recorded_at_ms;
    }
  }
}

std::optional<TokenInfo> AccessView::FindActiveByHash(const std::string& sha256_hex) const {
  auto h = id_by_hash_.find(sha256_hex);
  if (h == id_by_hash_.end()) return std::nullopt;
  auto it = by_id_.find(h->second);
  if (it == by_id_.end() || it->second.revoked) return std::nullopt;
  return it->second;
}

const TokenInfo* AccessView::Find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &it->second;
}

std::vector<TokenInfo> AccessView::All() const {
  std::vector<TokenInfo> out;
  out.reserve(by_id_.size());
  for (const auto& [id, t] : by_id_) out.push_back(t);
  return out;
}

Result<NewEvent> DecideIssue(const IssueTokenCommand& cmd, bool party_exists) {
  auto role = ParseRole(cmd.role);
  if (!role) {
    return InvalidArgument(
        "role '" + cmd.role + "' is not one of: admin, secretariat, stakeholder, auditor",
        "invalid-field");
  }
  if (Status s = ValidateText(cmd.label, "label", 200); !s.ok()) return s;
  if (*role == Role::kStakeholder) {
    if (cmd.party.empty()) {
      return InvalidArgument("a stakeholder token needs the party it speaks for", "invalid-field");
    }
    if (!party_exists) {
      return Unprocessable("party '" + cmd.party + "' is not registered", "unknown-party");
    }
  } else if (!cmd.party.empty()) {
    return InvalidArgument("only stakeholder tokens are bound to a party", "invalid-field");
  }
  nlohmann::json data = {
      {"id", cmd.id}, {"role", cmd.role}, {"label", cmd.label}, {"token_sha256", cmd.token_sha256}};
  if (!cmd.party.empty()) data["party"] = cmd.party;
  return NewEvent{kTokenIssued, 1, std::move(data), {}};
}

Result<NewEvent> DecideRevoke(const AccessView& view, const std::string& token_id) {
  const TokenInfo* t = view.Find(token_id);
  if (!t) return NotFound("token '" + token_id + "' does not exist", "token-not-found");
  if (t->revoked) return Conflict("token '" + token_id + "' is already revoked", "token-revoked");
  return NewEvent{kTokenRevoked, 1, {{"id", token_id}}, {}};
}

}  // namespace hoering::access
