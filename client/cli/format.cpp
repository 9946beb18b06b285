#include "client/cli/format.h"

#include <algorithm>

#include "domain/decimal.h"

namespace hoering::client {

std::string Text(const nlohmann::json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return value.get<std::string>();
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Text(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  return it == j.end() ? std::string() : Text(*it);
}

std::string ShortHash(const std::string& hex, std::size_t n) {
  return hex.substr(0, n);
}

std::vector<std::pair<std::string, std::string>> Fields(const nlohmann::json& object,
                                                        const std::vector<std::string>& preferred) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!object.is_object()) return out;
  for (const auto& key : preferred) {
    if (object.contains(key)) out.emplace_back(key, Text(object, key));
  }
  for (const auto& [key, value] : object.items()) {
    if (std::find(preferred.begin(), preferred.end(), key) == preferred.end()) {
      out.emplace_back(key, Text(value));
    }
  }
  return out;
}

nlohmann::json VersionSelectorJson(const std::string& selector) {
  if (auto number = ParseDecimal<std::uint32_t>(selector)) return *number;
  return selector;
}

}  // namespace hoering::client
