#include "server/web/local_time.h"

#include <date/tz.h>

#include <array>
#include <chrono>
#include <vector>

#include "server/app/time_zones.h"

namespace hoering::web {
namespace {

constexpr std::array<std::string_view, 12> kDanishMonths = {
    "januar", "februar", "marts",     "april",   "maj",      "juni",
    "juli",   "august",  "september", "oktober", "november", "december"};
constexpr std::array<std::string_view, 12> kEnglishMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

struct Local {
  date::year_month_day day;
  std::chrono::hours hour;
  std::chrono::minutes minute;
  bool utc_fallback = false;
};

Local ToLocal(TimeMs t, std::string_view zone) {
  const date::time_zone* tz = app::FindTimeZone(zone);
  const date::sys_time<std::chrono::milliseconds> sys{std::chrono::milliseconds{t}};
  std::chrono::milliseconds since_epoch = sys.time_since_epoch();
  if (tz) {
    try {
      since_epoch = tz->to_local(sys).time_since_epoch();
    } catch (const std::exception&) {
      tz = nullptr;  // shown in UTC, and said so
    }
  }
  const auto days = date::floor<date::days>(since_epoch);
  const auto rest = since_epoch - days;
  return Local{date::year_month_day{date::sys_days{days}},
               std::chrono::duration_cast<std::chrono::hours>(rest),
               std::chrono::duration_cast<std::chrono::minutes>(rest) % 60, tz == nullptr};
}

std::string TwoDigits(long v) {
  return (v < 10 ? "0" : "") + std::to_string(v);
}

std::string DateText(const Local& l, Language lang) {
  const unsigned month = static_cast<unsigned>(l.day.month()) - 1;
  const std::string day = std::to_string(static_cast<unsigned>(l.day.day()));
  const std::string year = std::to_string(static_cast<int>(l.day.year()));
  if (lang == Language::kDanish) {
    return day + ". " + std::string(kDanishMonths[month]) + " " + year;
  }
  return day + " " + std::string(kEnglishMonths[month]) + " " + year;
}

}  // namespace

std::string FormatLocalDateTime(TimeMs t, std::string_view zone, Language lang) {
  Local l = ToLocal(t, zone);
  const std::string hh = TwoDigits(l.hour.count()), mm = TwoDigits(l.minute.count());
  std::string out = DateText(l, lang) +
                    (lang == Language::kDanish ? " kl. " + hh + "." + mm : " at " + hh + ":" + mm);
  if (l.utc_fallback) out += " UTC";
  return out;
}

std::string FormatLocalDate(TimeMs t, std::string_view zone, Language lang) {
  return DateText(ToLocal(t, zone), lang);
}

std::string FormatDuration(TimeMs ms, Language lang) {
  const bool da = lang == Language::kDanish;
  if (ms < 60'000) return da ? "under et minut" : "less than a minute";
  const TimeMs minutes = ms / 60'000, hours = minutes / 60, days = hours / 24;
  struct Part {
    TimeMs n;
    const char* da_one;
    const char* da_many;
    const char* en_one;
    const char* en_many;
  };
  const std::array<Part, 3> parts = {{{days, "dag", "dage", "day", "days"},
                                      {hours % 24, "time", "timer", "hour", "hours"},
                                      {minutes % 60, "minut", "minutter", "minute", "minutes"}}};
  std::vector<std::string> out;
  for (const Part& p : parts) {
    if (p.n == 0 && out.empty()) continue;
    if (out.size() == 2) break;
    if (p.n == 0) break;
    out.push_back(std::to_string(p.n) + " " +
                  (da ? (p.n == 1 ? p.da_one : p.da_many) : (p.n == 1 ? p.en_one : p.en_many)));
  }
  if (out.size() == 1) return out[0];
  return out[0] + (da ? " og " : " and ") + out[1];
}

}  // namespace hoering::web
