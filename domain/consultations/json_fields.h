// Reading fields of a request body with clear 400 "invalid-field" errors.
// Shared by the request parsers of domain/ (agreements, consultations, responses,
// decisions, invitations). Pure.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/status.h"
#include "domain/time.h"

namespace hoering::consultations {

Status FieldError(const std::string& why);

// An optional string: absent or null leaves `out` empty; another type is an error.
Status OptString(const nlohmann::json& j, const char* key, std::optional<std::string>& out);
// A required string (present, a string); the error names `key`.
Status ReqString(const nlohmann::json& j, const char* key, std::string& out);
// A required RFC 3339 time.
Status ReqTime(const nlohmann::json& j, const char* key, TimeMs& out);
// A required array of strings (may be empty).
Status ReqStrings(const nlohmann::json& j, const char* key, std::vector<std::string>& out);
// An optional array of strings: absent or null is empty.
Status OptStrings(const nlohmann::json& j, const char* key, std::vector<std::string>& out);

}  // namespace hoering::consultations
