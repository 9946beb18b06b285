// The events of an invitation stream, "invitations-<consultation id>": the
// secretariat invites a party of a consultation with a code that only signs
// its holder in to the web pages for that party (issue 14). Only the SHA-256
// of the code is recorded; the code itself never enters an event.
//
// Wire shapes (schema_version 1):
//   InvitationIssued   {"id", "consultation", "party", "code_sha256"}
//   InvitationRevoked  {"id", "consultation", "reason"?}
// Ids are "inv-" + 16 hex digits, codes "inv_" + 43 base64url characters
// (both random, server/app/token_secret.h).
// Pure.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/event.h"
#include "domain/status.h"

namespace hoering::invitations {

inline constexpr const char* kInvitationIssued = "InvitationIssued";
inline constexpr const char* kInvitationRevoked = "InvitationRevoked";

// "invitations-<consultation id>".
std::string InvitationStream(const std::string& consultation);

struct InvitationIssued {
  std::string id;
  std::string consultation;
  std::string party;
  std::string code_sha256;  // lowercase hex
  bool operator==(const InvitationIssued&) const = default;
};

struct InvitationRevoked {
  std::string id;
  std::string consultation;
  std::optional<std::string> reason;
  bool operator==(const InvitationRevoked&) const = default;
};

NewEvent ToEvent(const InvitationIssued& e);
NewEvent ToEvent(const InvitationRevoked& e);

// Reading recorded data back; a bad shape is kCorruption.
Result<InvitationIssued> InvitationIssuedFromJson(const nlohmann::json& j);
Result<InvitationRevoked> InvitationRevokedFromJson(const nlohmann::json& j);

}  // namespace hoering::invitations
