// Read model of invitations (issue 14): a fold over the "invitations-<id>"
// streams, fed with every event of the log in order (other streams are
// ignored). Grows with the number of invitations, i.e. with parties times
// consultations, never with responses.
//
//  * invitations by id, and by the SHA-256 of their code (a sign-in looks a
//    code up by its hash; revoked ones are kept and marked);
//  * per consultation: the invitation stream's version (for optimistic
//    concurrency) and its invitations in the order they were issued.
// Expiry is not folded: it follows the consultation's deadline
// (invitation_decide.h ExpiresAt), so an extension moves it.
// Not thread-safe; a value (the server's ReadViews guards it).
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/invitations/invitation_events.h"
#include "domain/time.h"

namespace hoering::events {
struct DecodedEvent;
}  // namespace hoering::events

namespace hoering::invitations {

struct InvitationInfo {
  std::string id;
  std::string consultation;
  std::string party;
  std::string code_sha256;  // lowercase hex
  TimeMs issued_at_ms = 0;
  std::uint64_t position = 0;  // of InvitationIssued
  bool revoked = false;
  TimeMs revoked_at_ms = 0;
  std::optional<std::string> revoke_reason;
  bool operator==(const InvitationInfo&) const = default;
};

class InvitationsView {
 public:
  void Apply(const events::DecodedEvent& e);
  // Decodes `e` (domain/events/decoded_event.h), then Apply().
  void Apply(const RecordedEvent& e);

  // Null when there is no such invitation.
  const InvitationInfo* Find(const std::string& id) const;
  // The invitation whose code hashes to `code_sha256` (revoked or not), or null.
  const InvitationInfo* FindByHash(const std::string& code_sha256) const;
  // The invitations of `consultation` in the order they were issued.
  std::vector<InvitationInfo> OfConsultation(const std::string& consultation) const;
  // The version of "invitations-<consultation>" folded so far (0: no stream).
  std::uint64_t StreamVersion(const std::string& consultation) const;
  std::size_t size() const { return by_id_.size(); }

  // {"consultations": {"<id>": {"version", "invitations": [ids]}},
  //  "invitations": {"<id>": {...}}}: canonical JSON
  // (domain/snapshot/snapshot_json.h); the hash index is rebuilt on restore.
  // FromSnapshot() never throws; a bad shape is kCorruption.
  nlohmann::json Snapshot() const;
  static Result<InvitationsView> FromSnapshot(const nlohmann::json& j);

 private:
  struct Stream {
    std::uint64_t version = 0;
    std::vector<std::string> ids;  // in issue order
  };
  void Issue(const RecordedEvent& e, const std::string& consultation, const InvitationIssued& i);
  void Revoke(const RecordedEvent& e, const InvitationRevoked& r);

  std::map<std::string, Stream> streams_;  // by consultation id
  std::map<std::string, InvitationInfo> by_id_;
  std::unordered_map<std::string, std::string> id_by_hash_;
};

}  // namespace hoering::invitations
