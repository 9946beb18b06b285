#include "server/app/request_helpers.h"

#include "domain/decimal.h"

namespace hoering::app {

Result<std::optional<std::uint64_t>> ParseUintQuery(const http::RouteMatch& match,
                                                    std::string_view name) {
  auto raw = match.Query(name);
  if (!raw) return std::optional<std::uint64_t>{};
  auto v = ParseDecimal<std::uint64_t>(*raw);
  if (!v) {
    return InvalidArgument(
        "query parameter '" + std::string(name) + "' must be a non-negative integer",
        "invalid-query");
  }
  return std::optional<std::uint64_t>(*v);
}

Result<std::size_t> ParseLimit(const http::RouteMatch& match) {
  auto v = ParseUintQuery(match, "limit");
  if (!v.ok()) return v.status();
  if (!v->has_value()) return std::size_t{100};
  if (**v < 1 || **v > 1000) {
    return InvalidArgument("limit must be between 1 and 1000", "invalid-query");
  }
  return static_cast<std::size_t>(**v);
}

std::optional<std::string> Header(const http::Request& req, std::string_view name) {
  auto it = req.find(name);
  if (it == req.end()) return std::nullopt;
  return std::string(it->value());
}

Result<std::optional<std::uint64_t>> ParseIfMatch(const http::Request& req) {
  auto raw = Header(req, "If-Match");
  if (!raw) return std::optional<std::uint64_t>{};
  std::string_view v = *raw;
  if (v == "*") return std::optional<std::uint64_t>{};
  if (v.substr(0, 2) == "W/") v.remove_prefix(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  auto n = ParseDecimal<std::uint64_t>(v);
  if (!n) return InvalidArgument("If-Match must be an ETag like \"3\"", "invalid-if-match");
  return std::optional<std::uint64_t>(*n);
}

Status CheckIfMatch(std::optional<std::uint64_t> if_match, std::uint64_t version,
                    std::string_view what) {
  if (!if_match || *if_match == version) return Status::Ok();
  return Status(Code::kPreconditionFailed,
                "If-Match \"" + std::to_string(*if_match) + "\" is stale: " + std::string(what) +
                    " is at \"" + std::to_string(version) + "\"",
                "precondition-failed");
}

std::string ETagFor(std::uint64_t stream_version) {
  return "\"" + std::to_string(stream_version) + "\"";
}

http::Response WithETag(http::Response res, std::uint64_t stream_version) {
  res.set(boost::beast::http::field::etag, ETagFor(stream_version));
  return res;
}

void SetPositionHeader(http::Response& res, std::uint64_t position) {
  res.set("X-Log-Position", std::to_string(position));
}

}  // namespace hoering::app
