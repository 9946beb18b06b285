// Reading JSON request bodies and typed fields out of them. Every failure is a
// Status whose code and type are part of the API (api.md "Errors"):
//   kInvalidArgument "unsupported-media-type"  body present, Content-Type not application/json
//   kInvalidArgument "empty-body"              no body where one is required
//   kInvalidArgument "invalid-utf8"            the body is not UTF-8 (detail has the byte offset)
//   kInvalidArgument "malformed-json"          a syntax error (detail has the byte offset
//                                              and the JSON pointer of the value being read)
//   kInvalidArgument "number-out-of-range"     a number that does not fit a double, such as
//                                              1e999 (detail has its pointer and byte offset)
//   kInvalidArgument "too-deep"                nesting deeper than kMaxJsonDepth
//   kInvalidArgument "not-an-object"           the top level is not an object
//   kInvalidArgument "invalid-field"           a field is missing or has the wrong type
//
// Thread safety: all functions are pure and may be called from any thread.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"
#include "server/http/message.h"

namespace hoering::http {

// Nesting limit for request bodies; keeps recursive consumers (dump, handlers)
// far from the stack limit.
inline constexpr int kMaxJsonDepth = 64;

// Parses the request body as a JSON object. Content-Type must be
// application/json (parameters such as charset allowed, case-insensitive).
Result<nlohmann::json> ParseJsonBody(const Request& req);

// As ParseJsonBody, but an empty body is JSON null (bodies that may be left out).
Result<nlohmann::json> ParseOptionalJsonBody(const Request& req);

// Parses the body as ParseJsonBody does, then reads it with `parse`, a
// domain parser `Result<T>(const nlohmann::json&)`; the first failure wins.
template <typename Parse>
auto ParseJsonBodyWith(const Request& req, Parse parse)
    -> decltype(parse(std::declval<const nlohmann::json&>())) {
  auto body = ParseJsonBody(req);
  if (!body.ok()) return body.status();
  return parse(*body);
}

// Why `body`, which failed to parse, is not acceptable JSON: "number-out-of-range"
// or "malformed-json", naming the byte offset and the RFC 6901 pointer of the
// value being read when parsing stopped. Runs a second parse: for error paths.
Status DescribeJsonError(std::string_view body);

// Byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates
// and code points above U+10FFFF are invalid), or nullopt if `bytes` is valid.
std::optional<std::size_t> FindInvalidUtf8(std::string_view bytes);

// True if the Content-Type header value names application/json.
bool IsJsonContentType(std::string_view content_type);

// Typed field readers over an object. "Missing" means absent or null for the
// Optional* readers; the Require* readers reject null. Failures are
// kInvalidArgument "invalid-field" with details such as
// "field 'name' is required and must be a string".
// REQUIRES: `object` is a JSON object (as returned by ParseJsonBody).
Result<std::string> RequireString(const nlohmann::json& object, std::string_view key);
Result<std::optional<std::string>> OptionalString(const nlohmann::json& object,
                                                  std::string_view key);
Result<bool> RequireBool(const nlohmann::json& object, std::string_view key);
Result<std::optional<bool>> OptionalBool(const nlohmann::json& object, std::string_view key);
// Accepts non-negative integers only (no fractions, no strings).
Result<std::optional<std::uint64_t>> OptionalUint(const nlohmann::json& object,
                                                  std::string_view key);
// An array (possibly empty) whose elements are all strings.
Result<std::vector<std::string>> RequireArrayOfStrings(const nlohmann::json& object,
                                                       std::string_view key);

}  // namespace hoering::http
