// GET /v1/events, GET /v1/events/live (SSE), GET /v1/verify.
// The raw log is for auditors and admins; verification also for the
// secretariat.
#include <limits>

#include "domain/decimal.h"
#include "domain/event_codec.h"
#include "domain/sha256.h"
#include "server/app/auth.h"
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

void ListEvents(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
                http::Responder respond) {
  if (Status s = Authorize(req, ctx.models, {Role::kAuditor, Role::kAdmin}); !s.ok()) {
    return respond(http::MakeProblem(s, req));
  }
  auto limit = ParseLimit(m);
  if (!limit.ok()) return respond(http::MakeProblem(limit.status(), req));
  auto from = ParseUintQuery(m, "from");
  if (!from.ok()) return respond(http::MakeProblem(from.status(), req));
  auto events = ctx.log.ReadAll(from->value_or(1), *limit);
  if (!events.ok()) return respond(http::MakeProblem(events.status(), req));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : *events) items.push_back(EventToJson(e));
  const std::uint64_t head = ctx.log.Head().position;
  nlohmann::json next = nullptr;
  if (!events->empty() && events->back().position < head) next = events->back().position + 1;
  auto res = http::MakeJson(status::ok, {{"items", items}, {"next", next}}, req);
  SetPositionHeader(res, head);
  respond(std::move(res));
}

void Live(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  if (Status s = Authorize(req, ctx.models, {Role::kAuditor, Role::kAdmin}); !s.ok()) {
    return respond(http::MakeProblem(s, req));
  }
  auto from = ParseUintQuery(m, "from");
  if (!from.ok()) return respond(http::MakeProblem(from.status(), req));
  // Last-Event-ID (an SSE reconnect) resumes after the last event seen.
  std::uint64_t start = from->value_or(1);
  // The largest position saturates: nothing can follow it, so the tail waits.
  if (auto last = Header(req, "Last-Event-ID")) {
    const std::optional<std::uint64_t> seen = ParseDecimal<std::uint64_t>(*last);
    if (!seen) {
      return respond(http::MakeProblem(
          InvalidArgument("Last-Event-ID must be a log position (a decimal from 0 to " +
                              std::to_string(kMaxPosition) + ")",
                          "invalid-header"),
          req));
    }
    start = *seen == kMaxPosition ? kMaxPosition : *seen + 1;
  }
  http::StreamReply reply;
  reply.head.version(req.version());
  reply.head.result(status::ok);
  reply.head.set(boost::beast::http::field::content_type, "text/event-stream");
  reply.head.set(boost::beast::http::field::cache_control, "no-cache");
  reply.start = [&ctx, start](std::shared_ptr<http::StreamWriter> writer) {
    std::make_shared<LiveTail>(ctx, std::move(writer), start)->Pump();
  };
  respond.stream(std::move(reply));
}

void Verify(AppContext& ctx, http::Request&& req, http::Responder respond) {
  if (Status s = Authorize(req, ctx.models, {Role::kAuditor, Role::kAdmin, Role::kSecretariat});
      !s.ok()) {
    return respond(http::MakeProblem(s, req));
  }
  auto shared = std::make_shared<http::Request>(std::move(req));
  ctx.run_blocking([&ctx, shared, respond = std::move(respond)] {
    VerifyReport report = ctx.log.Verify();
    // The chain's head as verified is reported; a store that verifies clean
    // answers 200, a broken one too (the body says where): the request worked.
    respond(http::MakeJson(status::ok, VerifyReportJson(report), *shared));
  });
}

}  // namespace

void AddEventRoutes(http::Router& router, AppContext& ctx) {
  router.Add(
      verb::get, "/v1/events",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { ListEvents(ctx, std::move(req), m, std::move(respond)); });
  router.Add(verb::get, "/v1/events/live",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) { Live(ctx, std::move(req), m, std::move(respond)); });
  router.Add(verb::get, "/v1/verify",
             [&ctx](http::Request&& req, const http::RouteMatch&, const http::RequestInfo&,
                    http::Responder respond) { Verify(ctx, std::move(req), std::move(respond)); });
}

}  // namespace hoering::app
