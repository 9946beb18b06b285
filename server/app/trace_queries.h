// Audit traces as a caller may read them: what GET /v1/trace/... answer and
// what the auditors' trace pages will show (domain/audit/trace.h builds them
// from the views, under the views' shared lock).
//
// Roles are the route's (checked there); a stakeholder may trace only its own
// party's responses: another party's is 404 "response-not-found".
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "domain/access/access.h"
#include "server/app/app_context.h"

namespace hoering::app {

// A decision -> the version it approved (and its hash) -> the change sets
// since each consultation on the agreement -> the cited responses and their
// receipts. 404 "decision-not-found".
Result<nlohmann::json> DecisionTrace(AppContext& ctx, const std::string& decision);

// A response -> its revisions, dispositions, the change sets citing it, the
// versions holding them and the decisions on those versions.
Result<nlohmann::json> ResponseTrace(AppContext& ctx, const access::Principal& who,
                                     const std::string& response);

}  // namespace hoering::app
