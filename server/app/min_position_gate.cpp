#include "server/app/min_position_gate.h"

#include "domain/decimal.h"
#include "server/http/problem.h"

namespace hoering::app {

void MinPositionGate::Handle(http::Request request, const http::RequestInfo& info,
                             http::Responder respond) {
  auto it = request.find("X-Min-Position");
  if (it == request.end()) return inner_.Handle(std::move(request), info, std::move(respond));
  std::string_view raw = it->value();
  const std::optional<std::uint64_t> parsed = ParseDecimal<std::uint64_t>(raw);
  if (!parsed) {
    return respond(http::MakeProblem(
        InvalidArgument("X-Min-Position must be a log position (a non-negative integer)",
                        "invalid-min-position"),
        request));
  }
  const std::uint64_t wanted = *parsed;
  if (wanted <= ctx_.views.position()) {
    return inner_.Handle(std::move(request), info, std::move(respond));
  }
  if (wanted > ctx_.log.Head().position) {
    return respond(http::MakeProblem(412, "min-position-not-reached",
                                     "position " + std::to_string(wanted) +
                                         " has not been written; the log ends at " +
                                         std::to_string(ctx_.log.Head().position),
                                     request));
  }
  // Committed but not yet applied: retry right after the next commit
  // notification (the read views are applied before it fires).
  auto shared = std::make_shared<http::Request>(std::move(request));
  ctx_.notifier.Once([this, shared, info, respond = std::move(respond)]() mutable {
    Handle(std::move(*shared), info, std::move(respond));
  });
  // The batch may have been applied between the check and the registration.
  if (ctx_.views.position() >= wanted) ctx_.notifier.Notify();
}

}  // namespace hoering::app
