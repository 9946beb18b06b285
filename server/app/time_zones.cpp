#include "server/app/time_zones.h"

#include <date/tz.h>

namespace hoering::app {

const date::time_zone* FindTimeZone(std::string_view name) {
  if (name.empty()) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

bool IsKnownTimeZone(const std::string& name) {
  return FindTimeZone(name) != nullptr;
}

}  // namespace hoering::app
