#include "domain/consultations/json_fields.h"

namespace hoering::consultations {

using nlohmann::json;

Status FieldError(const std::string& why) {
  return InvalidArgument(why, "invalid-field");
}

Status OptString(const json& j, const char* key, std::optional<std::string>& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) return FieldError(std::string("'") + key + "' must be a string");
  out = it->get<std::string>();
  return Status::Ok();
}

Status ReqString(const json& j, const char* key, std::string& out) {
  std::optional<std::string> v;
  if (Status s = OptString(j, key, v); !s.ok()) return s;
  if (!v) return FieldError(std::string("'") + key + "' is required");
  out = std::move(*v);
  return Status::Ok();
}

Status ReqTime(const json& j, const char* key, TimeMs& out) {
  std::string text;
  if (Status s = ReqString(j, key, text); !s.ok()) return s;
  auto t = ParseRfc3339(text);
  if (!t) {
    return FieldError(std::string("'") + key +
                      "' must be an RFC 3339 time such as 2023-08-25T21:59:59Z");
  }
  out = *t;
  return Status::Ok();
}

Status OptStrings(const json& j, const char* key, std::vector<std::string>& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_array()) return FieldError(std::string("'") + key + "' must be an array of strings");
  for (const auto& v : *it) {
    if (!v.is_string()) return FieldError(std::string("'") + key + "' must be an array of strings");
    out.push_back(v.get<std::string>());
  }
  return Status::Ok();
}

Status ReqStrings(const json& j, const char* key, std::vector<std::string>& out) {
  if (!j.contains(key) || j.at(key).is_null()) {
    return FieldError(std::string("'") + key + "' is required");
  }
  return OptStrings(j, key, out);
}

}  // namespace hoering::consultations
