// Dispositions: PUT/GET /v1/consultations/{id}/responses/{rid}/points/{n}/disposition.
// Recording needs secretariat or admin; every recording is a new event on the
// response's stream (history is kept). Reading follows response visibility;
// ?at=position:<n>|time:<RFC 3339> reads the disposition and its history as
// they stood then (record_as_of.h).
#include "domain/consultations/consultation_json.h"
#include "domain/consultations/response_decide.h"
#include "domain/decimal.h"
#include "domain/sha256.h"
#include "server/app/agreement_access.h"
#include "server/app/consultation_access.h"
#include "server/app/decision_states.h"
#include "server/app/disposition_commands.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/http/json_body.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
namespace cs = consultations;

Result<std::uint32_t> PointParam(const Call& call) {
  const std::optional<std::uint32_t> n = ParseDecimal<std::uint32_t>(call.Param("n"));
  if (!n || *n == 0) return InvalidArgument("points are numbered from 1", "invalid-point");
  return *n;
}

Result<Reply> Record(const Call& call) {
  auto point = PointParam(call);
  if (!point.ok()) return point.status();
  auto if_match = ParseIfMatch(call.req);
  if (!if_match.ok()) return if_match.status();
  auto cmd = http::ParseJsonBodyWith(call.req, cs::ParseDisposition);
  if (!cmd.ok()) return cmd.status();
  Decide decide = DecideRecordDisposition(call.ctx, call.Param("id"), call.Param("rid"), *point,
                                          std::move(cmd).value(), *if_match);
  return Write{std::move(decide), EventDataAnswer(status::ok)};
}

Result<Reply> Show(const Call& call) {
  auto point = PointParam(call);
  if (!point.ok()) return point.status();
  auto as_of = ParseAsOf(call.ctx, call.Query("at"));
  if (!as_of.ok()) return as_of.status();
  const AsOf* at = *as_of ? &**as_of : nullptr;
  auto seen = LoadVisibleResponse(call.ctx, call.who, call.Param("id"), call.Param("rid"), at);
  if (!seen.ok()) return seen.status();
  const cs::ResponseState& r = *seen->response;
  if (*point > r.current().content.points.size()) {
    return NotFound("the response has no point " + std::to_string(*point), "point-not-found");
  }
  nlohmann::json history = nlohmann::json::array();
  if (auto it = r.dispositions().find(*point); it != r.dispositions().end()) {
    for (const auto& d : it->second) history.push_back(cs::DispositionJson(d));
  }
  const cs::DispositionInfo* current = r.CurrentDisposition(*point);
  return call.Json(
      status::ok, WithAsOf({{"response", r.id()},
                            {"point", *point},
                            {"current", current ? cs::DispositionJson(*current) : nlohmann::json()},
                            {"history", history},
                            {"cited_by", CitedByFor(call.ctx, r.id(), at)(*point)}},
                           *as_of));
}

}  // namespace

void AddDispositionRoutes(Routes& routes) {
  const std::string path = "/v1/consultations/{id}/responses/{rid}/points/{n}/disposition";
  routes.Add(verb::put, path, Editors(), Record);
  // Follows response visibility (response_queries.h).
  routes.Add(verb::get, path, Anyone(), Show);
}

}  // namespace hoering::app
