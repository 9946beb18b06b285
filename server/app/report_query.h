// The consultation report as the caller may read it (the report's own rules
// decide what an anonymous reader or a stakeholder sees): what GET
// .../report answers in every format and what the report page will show.
// It reads the views and, for the word-diff excerpts of the changes it
// lists, folds the agreement's stream once: run it off the I/O threads.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "domain/access/access.h"
#include "server/app/app_context.h"

namespace hoering::app {

// The report's JSON (domain/consultations/report.h). 404
// "consultation-not-found" for an unknown consultation.
Result<nlohmann::json> ReportFor(AppContext& ctx, const access::Principal& who,
                                 const std::string& id);

}  // namespace hoering::app
