// Ordered name/value pairs as a request carries them: the query parameters
// (RouteMatch) and the fields of a posted form (web::PageCall), decoded, in
// their order, a name possibly repeated. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hoering::http {

using NameValues = std::vector<std::pair<std::string, std::string>>;

// The value of the first pair named `name`, or nullopt when none is.
inline std::optional<std::string> FirstValue(const NameValues& pairs, std::string_view name) {
  for (const auto& [k, v] : pairs) {
    if (k == name) return v;
  }
  return std::nullopt;
}

}  // namespace hoering::http
