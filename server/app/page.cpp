#include "server/app/page.h"

#include <utility>

#include "server/app/request_helpers.h"

namespace hoering::app {

Result<PageRequest> ParsePage(const http::RouteMatch& match) {
  auto limit = ParseLimit(match);
  if (!limit.ok()) return limit.status();
  return PageRequest{match.Query("after").value_or(""), *limit};
}

nlohmann::json Page::ToJson() && {
  return {{"items", std::move(items)}, {"next", next ? nlohmann::json(*next) : nlohmann::json()}};
}

}  // namespace hoering::app
