// Time values in the domain: UTC milliseconds since the Unix epoch.
// The domain never reads a clock; callers pass "now" in. Pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hoering {

using TimeMs = std::int64_t;

// "2023-08-25T21:59:59.123Z" (milliseconds always printed).
std::string FormatRfc3339Ms(TimeMs t);
// "2023-08-25T21:59:59Z" (whole seconds; milliseconds dropped).
std::string FormatRfc3339(TimeMs t);
// Parses RFC 3339 with 'Z' or a numeric offset, optional fraction.
std::optional<TimeMs> ParseRfc3339(std::string_view s);

// A local calendar date "2023-09-29" as days since the epoch.
std::optional<std::int64_t> ParseDate(std::string_view s);
std::string FormatDate(std::int64_t days);

// Civil calendar conversions (proleptic Gregorian; H. Hinnant's algorithms).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d);
void CivilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d);

}  // namespace hoering
