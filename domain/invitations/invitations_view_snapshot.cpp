// InvitationsView <-> {"consultations": {"<id>": {"invitations": [ids], "version"}},
//                      "invitations": {"<id>": {...}}}.
#include "domain/invitations/invitations_view.h"
#include "domain/snapshot/snapshot_json.h"

namespace hoering::invitations {

using nlohmann::json;

json InvitationsView::Snapshot() const {
  json streams = json::object();
  for (const auto& [consultation, s] : streams_) {
    streams[consultation] = {{"invitations", s.ids}, {"version", s.version}};
  }
  json invitations = json::object();
  for (const auto& [id, i] : by_id_) {
    invitations[id] = {{"consultation", i.consultation},
                       {"party", i.party},
                       {"code_sha256", i.code_sha256},
                       {"issued_at_ms", i.issued_at_ms},
                       {"position", i.position},
                       {"revoked", i.revoked},
                       {"revoked_at_ms", i.revoked_at_ms},
                       {"revoke_reason", snapshot::OptionalToJson(i.revoke_reason)}};
  }
  return {{"consultations", std::move(streams)}, {"invitations", std::move(invitations)}};
}

Result<InvitationsView> InvitationsView::FromSnapshot(const json& j) {
  return snapshot::Decode("invitations", [&]() -> Result<InvitationsView> {
    using snapshot::Get;
    InvitationsView view;
    for (const auto& [id, i] : snapshot::GetObject(j, "invitations").items()) {
      InvitationInfo info;
      info.id = id;
      info.consultation = Get<std::string>(i, "consultation");
      info.party = Get<std::string>(i, "party");
      info.code_sha256 = Get<std::string>(i, "code_sha256");
      info.issued_at_ms = Get<TimeMs>(i, "issued_at_ms");
      info.position = Get<std::uint64_t>(i, "position");
      info.revoked = Get<bool>(i, "revoked");
      info.revoked_at_ms = Get<TimeMs>(i, "revoked_at_ms");
      info.revoke_reason = snapshot::GetOptional<std::string>(i, "revoke_reason");
      view.id_by_hash_[info.code_sha256] = id;
      view.by_id_[id] = std::move(info);
    }
    for (const auto& [consultation, s] : snapshot::GetObject(j, "consultations").items()) {
      Stream stream;
      stream.version = Get<std::uint64_t>(s, "version");
      stream.ids = snapshot::GetVector<std::string>(s, "invitations");
      for (const auto& id : stream.ids) {
        auto it = view.by_id_.find(id);
        if (it == view.by_id_.end() || it->second.consultation != consultation) {
          throw std::invalid_argument("consultation '" + consultation +
                                      "' lists an unknown invitation '" + id + "'");
        }
      }
      view.streams_[consultation] = std::move(stream);
    }
    return view;
  });
}

}  // namespace hoering::invitations
