#include "domain/invitations/invitation_events.h"

namespace hoering::invitations {

using nlohmann::json;

std::string InvitationStream(const std::string& consultation) {
  return "invitations-" + consultation;
}

NewEvent ToEvent(const InvitationIssued& e) {
  json d = {{"id", e.id},
            {"consultation", e.consultation},
            {"party", e.party},
            {"code_sha256", e.code_sha256}};
  return {kInvitationIssued, 1, std::move(d), {}};
}

NewEvent ToEvent(const InvitationRevoked& e) {
  json d = {{"id", e.id}, {"consultation", e.consultation}};
  if (e.reason) d["reason"] = *e.reason;
  return {kInvitationRevoked, 1, std::move(d), {}};
}

namespace {

Status Corrupt(const char* type, const std::string& why) {
  return Status(Code::kCorruption, std::string("stored ") + type + " is malformed: " + why,
                "corruption");
}

}  // namespace

Result<InvitationIssued> InvitationIssuedFromJson(const json& j) {
  try {
    return InvitationIssued{j.at("id").get<std::string>(), j.at("consultation").get<std::string>(),
                            j.at("party").get<std::string>(),
                            j.at("code_sha256").get<std::string>()};
  } catch (const std::exception& ex) {
    return Corrupt(kInvitationIssued, ex.what());
  }
}

Result<InvitationRevoked> InvitationRevokedFromJson(const json& j) {
  try {
    InvitationRevoked e{j.at("id").get<std::string>(), j.at("consultation").get<std::string>(), {}};
    if (auto it = j.find("reason"); it != j.end() && !it->is_null()) {
      e.reason = it->get<std::string>();
    }
    return e;
  } catch (const std::exception& ex) {
    return Corrupt(kInvitationRevoked, ex.what());
  }
}

}  // namespace hoering::invitations
