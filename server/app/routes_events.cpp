// GET /v1/events, GET /v1/events/live (SSE), GET /v1/verify.
// The raw log is for auditors and admins; verification also for the
// secretariat.
#include <limits>

#include "domain/decimal.h"
#include "domain/event_codec.h"
#include "domain/sha256.h"
#include "server/app/live_tail.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/app/verify_json.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using access::Role;
using boost::beast::http::status;
using boost::beast::http::verb;

constexpr std::uint64_t kMaxPosition = std::numeric_limits<std::uint64_t>::max();

Result<Reply> ListEvents(const Call& call) {
  auto limit = ParseLimit(call.match);
  if (!limit.ok()) return limit.status();
  auto from = ParseUintQuery(call.match, "from");
  if (!from.ok()) return from.status();
  // ?data=false leaves out each event's data (an audit of positions).
  const std::optional<std::string> data = call.Query("data");
  if (data && *data != "true" && *data != "false") {
    return InvalidArgument("data must be true or false", "invalid-query");
  }
  const bool with_data = data != "false";
  auto events = call.ctx.log.ReadAll(from->value_or(1), *limit);
  if (!events.ok()) return events.status();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : *events) items.push_back(with_data ? EventToJson(e) : EventHeadToJson(e));
  const std::uint64_t head = call.ctx.log.Head().position;
  // Positions, not ids: `next` is the position to pass as ?from=.
  nlohmann::json next = nullptr;
  if (!events->empty() && events->back().position < head) next = events->back().position + 1;
  auto res = call.Json(status::ok, {{"items", items}, {"next", next}});
  SetPositionHeader(res, head);
  return res;
}

Result<Reply> Live(const Call& call) {
  auto from = ParseUintQuery(call.match, "from");
  if (!from.ok()) return from.status();
  // Last-Event-ID (an SSE reconnect) resumes after the last event seen.
  std::uint64_t start = from->value_or(1);
  // The largest position saturates: nothing can follow it, so the tail waits.
  if (auto last = Header(call.req, "Last-Event-ID")) {
    const std::optional<std::uint64_t> seen = ParseDecimal<std::uint64_t>(*last);
    if (!seen) {
      return InvalidArgument("Last-Event-ID must be a log position (a decimal from 0 to " +
                                 std::to_string(kMaxPosition) + ")",
                             "invalid-header");
    }
    start = *seen == kMaxPosition ? kMaxPosition : *seen + 1;
  }
  http::StreamReply reply;
  reply.head.version(call.req.version());
  reply.head.result(status::ok);
  reply.head.set(boost::beast::http::field::content_type, "text/event-stream");
  reply.head.set(boost::beast::http::field::cache_control, "no-cache");
  reply.start = [&ctx = call.ctx, start](std::shared_ptr<http::StreamWriter> writer) {
    std::make_shared<LiveTail>(ctx, std::move(writer), start)->Pump();
  };
  return reply;
}

Result<Reply> Verify(const Call& call) {
  return Blocking{[&ctx = call.ctx](const http::Request& req) -> Result<http::Response> {
    // The chain's head as verified is reported; a store that verifies clean
    // answers 200, a broken one too (the body says where): the request worked.
    return http::MakeJson(status::ok, VerifyReportJson(ctx.log.Verify()), req);
  }};
}

}  // namespace

void AddEventRoutes(Routes& routes) {
  routes.Add(verb::get, "/v1/events", Only({Role::kAuditor, Role::kAdmin}), ListEvents);
  routes.Add(verb::get, "/v1/events/live", Only({Role::kAuditor, Role::kAdmin}), Live);
  routes.Add(verb::get, "/v1/verify", Only({Role::kAuditor, Role::kAdmin, Role::kSecretariat}),
             Verify);
}

}  // namespace hoering::app
