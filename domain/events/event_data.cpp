#include "domain/events/event_data.h"

#include <stdexcept>

namespace hoering::events {

using nlohmann::json;

TimeMs TimeAt(const json& j, const char* key) {
  auto t = ParseRfc3339(j.at(key).get<std::string>());
  if (!t) throw std::invalid_argument(std::string("bad time in ") + key);
  return *t;
}

std::optional<std::string> OptionalText(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace hoering::events
