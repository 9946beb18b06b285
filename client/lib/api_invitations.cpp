// Api calls on /v1/consultations/{id}/invitations (api.md "Invitations").
#include "client/lib/api.h"

namespace hoering::client {

using nlohmann::json;

Expected<ApiResult> Api::IssueInvitation(std::string_view consultation, std::string_view party,
                                         const CallOptions& options) {
  return Call(Verb::post, Path({"v1", "consultations", consultation, "invitations"}),
              json{{"party", std::string(party)}}, options);
}

Expected<std::vector<json>> Api::ListInvitations(std::string_view consultation) {
  return ListAll(Path({"v1", "consultations", consultation, "invitations"}));
}

Expected<ApiResult> Api::RevokeInvitation(std::string_view consultation, std::string_view id,
                                          const std::optional<std::string>& reason,
                                          const CallOptions& options) {
  json body = nullptr;  // no body unless there is a reason
  if (reason) body = json{{"reason", *reason}};
  return Call(Verb::delete_, Path({"v1", "consultations", consultation, "invitations", id}), body,
              options);
}

}  // namespace hoering::client
