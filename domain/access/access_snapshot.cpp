// AccessView <-> {"version", "tokens": {"<id>": {...}}, "by_hash": {"<sha256>": "<id>"}}.
#include "domain/access/access.h"
#include "domain/snapshot/snapshot_json.h"

namespace hoering::access {

nlohmann::json AccessView::Snapshot() const {
  nlohmann::json tokens = nlohmann::json::object();
  for (const auto& [id, t] : by_id_) {
    tokens[id] = {{"role", RoleName(t.role)},
                  {"party", t.party},
                  {"label", t.label},
                  {"token_sha256", t.token_sha256},
                  {"issued_at_ms", t.issued_at_ms},
                  {"revoked", t.revoked},
                  {"revoked_at_ms", t.revoked_at_ms}};
  }
  nlohmann::json by_hash = nlohmann::json::object();  // an object: written in key order
  for (const auto& [hash, id] : id_by_hash_) by_hash[hash] = id;
  return {{"version", version_}, {"tokens", std::move(tokens)}, {"by_hash", std::move(by_hash)}};
}

Result<AccessView> AccessView::FromSnapshot(const nlohmann::json& j) {
  return snapshot::Decode("access", [&]() -> Result<AccessView> {
    AccessView view;
    view.version_ = j.at("version").get<std::uint64_t>();
    for (const auto& [id, t] : j.at("tokens").items()) {
      TokenInfo info;
      info.id = id;
      info.role = ParseRole(t.at("role").get<std::string>()).value_or(Role::kAnonymous);
      info.party = t.at("party").get<std::string>();
      info.label = t.at("label").get<std::string>();
      info.token_sha256 = t.at("token_sha256").get<std::string>();
      info.issued_at_ms = t.at("issued_at_ms").get<std::int64_t>();
      info.revoked = t.at("revoked").get<bool>();
      info.revoked_at_ms = t.at("revoked_at_ms").get<std::int64_t>();
      view.by_id_[id] = std::move(info);
    }
    for (const auto& [hash, id] : j.at("by_hash").items()) {
      view.id_by_hash_[hash] = id.get<std::string>();
    }
    return view;
  });
}

}  // namespace hoering::access
