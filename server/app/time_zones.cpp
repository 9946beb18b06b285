#include "server/app/time_zones.h"

#include <date/tz.h>

namespace hoering::app {

const date::time_zone* FindTimeZone(std::string_view name) {
  // "localtime" and "posixrules" are files of the database that mean this
  // machine's settings, not a place.
  if (name.empty() || name == "localtime" || name == "posixrules") return nullptr;
  try {
    const date::time_zone* zone = date::locate_zone(name);
    // Zone files are read lazily: read it now, so a damaged one is unknown
    // here instead of throwing when a time is shown.
    zone->get_info(date::sys_seconds{});
    return zone;
  } catch (const std::exception&) {
    return nullptr;
  }
}

bool IsKnownTimeZone(const std::string& name) {
  // UTC needs no database (the default of every consultation).
  return name == "UTC" || FindTimeZone(name) != nullptr;
}

}  // namespace hoering::app
