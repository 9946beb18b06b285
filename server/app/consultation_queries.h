// Consultations as anyone may read them (public reads): what GET
// /v1/consultations[/{id}] answer and what the public pages will show.
// 404 "consultation-not-found".
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "server/app/app_context.h"
#include "server/app/page.h"

namespace hoering::app {

struct ConsultationDocument {
  nlohmann::json body;        // facts, state now, invited parties and what they sent
  std::uint64_t version = 0;  // the stream version (ETag)
};
Result<ConsultationDocument> ConsultationFor(AppContext& ctx, const std::string& id);

struct ConsultationsQuery {
  std::string after;  // cursor: the id of the last consultation of the previous page
  std::size_t limit = 100;
  std::string agreement;  // only those on this agreement; empty: all
};
// By id.
Result<Page> ConsultationsPage(AppContext& ctx, const ConsultationsQuery& query);

}  // namespace hoering::app
