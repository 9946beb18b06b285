// Time zones by IANA name ("Europe/Copenhagen"), from the operating system's
// tz database (/usr/share/zoneinfo, Debian's tzdata) through H. Hinnant's
// date/tz: GCC 12 has no std::chrono time-zone database. Used to check a
// consultation's `time_zone` when it is opened and to show its times.
// Thread safety: may be called from any thread.
#pragma once

#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace hoering::app {

// The zone, or nullptr when the database has no zone of that name (or its
// file cannot be read; "localtime" and "posixrules" are not zones).
const date::time_zone* FindTimeZone(std::string_view name);
bool IsKnownTimeZone(const std::string& name);

}  // namespace hoering::app
