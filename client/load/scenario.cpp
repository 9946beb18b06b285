#include "client/load/scenario.h"

namespace hoering::client::load {

LoadOutcome Scenario::Check(const LoadRequest& request, const HttpResponse& response) {
  LoadOutcome out;
  if (!IsSuccess(response.status)) {
    out.problem = "HTTP " + std::to_string(response.status) + ": " + response.body.substr(0, 200);
    return out;
  }
  std::optional<std::uint64_t> position;
  auto body = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_object() && body.contains("position")) position = PositionFromJson(body["position"]);
  if (!position) {
    if (auto h = response.headers.Get("X-Log-Position")) {
      position = PositionFromJson(nlohmann::json(std::string(*h)));
    }
  }
  if (!request.stream.empty()) {
    if (!position) {
      out.problem = "HTTP " + std::to_string(response.status) + " without a log position";
      return out;
    }
    out.ack = Acknowledged{*position, request.stream, request.type};
  }
  out.ok = true;
  return out;
}

}  // namespace hoering::client::load
