// Decisions of public bodies and what follows from them (public reads): what
// GET /v1/decisions[/{id}], .../ratification and .../obligations answer and
// what the decision, ratification and obligation pages will show. Dates are
// judged by the server's clock (today, UTC).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "server/app/app_context.h"
#include "server/app/page.h"

namespace hoering::app {

struct DecisionDocument {
  nlohmann::json body;  // the decision, each condition with `fulfilled`, evidence and time
  std::uint64_t version = 0;
};
// 404 "decision-not-found".
Result<DecisionDocument> DecisionFor(AppContext& ctx, const std::string& id);

struct DecisionsQuery {
  std::string after;
  std::size_t limit = 100;
  std::string agreement;  // all decisions on this agreement (one page, no cursor); empty: all
};
Page DecisionsPage(AppContext& ctx, const DecisionsQuery& query);

// The ratification of a published version (the latest when `version` is
// empty). 404 "agreement-not-found" | "version-not-found".
Result<nlohmann::json> RatificationOf(AppContext& ctx, const std::string& agreement,
                                      const std::optional<std::string>& version);

// Annual reviews, midway and final status, expiry: due, done or overdue.
Result<nlohmann::json> ObligationsOf(AppContext& ctx, const std::string& agreement);

}  // namespace hoering::app
