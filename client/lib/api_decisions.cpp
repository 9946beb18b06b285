// Api calls on /v1/decisions (api.md "Decisions, ratification,
// obligations") and the audit routes: traces and receipts (api.md "Audit
// traces").
#include "client/lib/api.h"

namespace hoering::client {

using nlohmann::json;

Expected<ApiResult> Api::RecordDecision(const DecisionInput& decision, const CallOptions& options) {
  return Call(Verb::post, "/v1/decisions", ToJson(decision), options);
}

Expected<ApiResult> Api::RecordDecision(json document, std::string_view id,
                                        const CallOptions& options) {
  if (!id.empty()) document["id"] = std::string(id);
  return Call(Verb::post, "/v1/decisions", document, options);
}

Expected<ApiResult> Api::GetDecision(std::string_view id) {
  return Call(Verb::get, Path({"v1", "decisions", id}));
}

Expected<std::vector<json>> Api::ListDecisions(std::string_view agreement) {
  return ListAllWhere("/v1/decisions", {{"agreement", std::string(agreement)}});
}

Expected<ApiResult> Api::FulfilCondition(std::string_view id, unsigned n, std::string_view evidence,
                                         const CallOptions& options) {
  return Call(Verb::post, Path({"v1", "decisions", id, "conditions", std::to_string(n), "fulfil"}),
              json{{"evidence", std::string(evidence)}}, options);
}

Expected<ApiResult> Api::TraceDecision(std::string_view id) {
  return Call(Verb::get, Path({"v1", "trace", "decisions", id}));
}

Expected<ApiResult> Api::TraceResponse(std::string_view response) {
  return Call(Verb::get, Path({"v1", "trace", "responses", response}));
}

Expected<ApiResult> Api::VerifyReceipt(std::uint64_t position, std::string_view hash) {
  return Call(Verb::get, WithQuery("/v1/receipts/verify", {{"position", std::to_string(position)},
                                                           {"hash", std::string(hash)}}));
}

}  // namespace hoering::client
