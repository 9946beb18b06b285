// Times as a reader reads them: in the consultation's time zone (IANA name,
// from the operating system's tz database through H. Hinnant's date/tz), in
// the reader's language.
//   Danish   "25. august 2023 kl. 23.59"
//   English  "25 August 2023 at 23:59"
// Thread safety: all functions may be called from any thread.
#pragma once

#include <string>
#include <string_view>

#include "domain/time.h"
#include "server/web/language.h"

namespace hoering::web {

// Times that belong to no consultation (an agreement version's publication)
// are shown in the zone of the bodies this server is for.
inline constexpr std::string_view kSiteTimeZone = "Europe/Copenhagen";

// Date and time of `t` in `zone`; an unknown zone is treated as UTC and the
// text then ends with " UTC".
std::string FormatLocalDateTime(TimeMs t, std::string_view zone, Language lang);
// The date only ("25. august 2023" / "25 August 2023").
std::string FormatLocalDate(TimeMs t, std::string_view zone, Language lang);

// A duration as "3 dage og 4 timer" / "3 days and 4 hours" (the two largest
// units of days, hours, minutes; "under et minut" / "less than a minute").
std::string FormatDuration(TimeMs ms, Language lang);

}  // namespace hoering::web
