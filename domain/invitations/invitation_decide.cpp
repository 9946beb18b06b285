#include "domain/invitations/invitation_decide.h"

#include "domain/consultations/consultation_decide.h"
#include "domain/consultations/json_fields.h"
#include "domain/ids.h"

namespace hoering::invitations {

using nlohmann::json;

TimeMs ExpiresAt(const consultations::ConsultationState& consultation) {
  return consultation.EffectiveClose() + kValidAfterClose;
}

Result<std::string> ParseIssueInvitation(const json& body) {
  if (!body.is_object()) return consultations::FieldError("the body must be a JSON object");
  std::string party;
  if (Status s = consultations::ReqString(body, "party", party); !s.ok()) return s;
  if (Status s = ValidateId(party, "party id"); !s.ok()) return s;
  return party;
}

Result<NewEvent> DecideIssue(const consultations::ConsultationState& consultation,
                             const IssueInvitation& cmd, TimeMs now) {
  if (!consultation.exists()) {
    return NotFound("consultation '" + cmd.consultation + "' does not exist",
                    "consultation-not-found");
  }
  if (now >= ExpiresAt(consultation)) {
    return Conflict("the consultation closed 30 days ago or more; an invitation would have expired",
                    "consultation-closed");
  }
  if (!consultation.IsInvited(cmd.party)) {
    return Unprocessable(
        "party '" + cmd.party + "' is not invited to consultation '" + cmd.consultation + "'",
        "party-not-invited");
  }
  return ToEvent(InvitationIssued{cmd.id, cmd.consultation, cmd.party, cmd.code_sha256});
}

Result<std::optional<std::string>> ParseRevokeReason(const json& body) {
  return consultations::ParseCloseReason(body);  // the same shape: {reason?}, at most 5000 bytes
}

Result<NewEvent> DecideRevoke(const InvitationsView& view, const std::string& consultation,
                              const std::string& id, const std::optional<std::string>& reason) {
  const InvitationInfo* info = view.Find(id);
  if (info == nullptr || info->consultation != consultation) {
    return NotFound("consultation '" + consultation + "' has no invitation '" + id + "'",
                    "invitation-not-found");
  }
  if (info->revoked) {
    return Conflict("invitation '" + id + "' is already revoked", "invitation-revoked");
  }
  return ToEvent(InvitationRevoked{id, consultation, reason});
}

}  // namespace hoering::invitations
