#include "domain/time.h"

#include <cstdio>

namespace hoering {
namespace {

constexpr TimeMs kMsPerDay = 86'400'000;

bool Digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

unsigned DaysInMonth(std::int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Floor division for negative times.
std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void CivilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

std::string FormatDate(std::int64_t days) {
  std::int64_t y;
  unsigned m, d;
  CivilFromDays(days, y, m, d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

std::string FormatRfc3339Ms(TimeMs t) {
  std::int64_t days = FloorDiv(t, kMsPerDay);
  std::int64_t rem = t - days * kMsPerDay;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02lld:%02lld:%02lld.%03lldZ", FormatDate(days).c_str(),
                static_cast<long long>(rem / 3'600'000), static_cast<long long>(rem / 60'000 % 60),
                static_cast<long long>(rem / 1000 % 60), static_cast<long long>(rem % 1000));
  return buf;
}

std::string FormatRfc3339(TimeMs t) {
  std::string s = FormatRfc3339Ms(t);
  return s.substr(0, 19) + "Z";
}

std::optional<std::int64_t> ParseDate(std::string_view s) {
  int y, mo, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !Digits(s, 0, 4, y) ||
      !Digits(s, 5, 2, mo) || !Digits(s, 8, 2, d)) {
    return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || static_cast<unsigned>(d) > DaysInMonth(y, mo)) return std::nullopt;
  return DaysFromCivil(y, mo, d);
}

std::optional<TimeMs> ParseRfc3339(std::string_view s) {
  if (s.size() < 20) return std::nullopt;
  auto days = ParseDate(s.substr(0, 10));
  int h, mi, se;
  if (!days || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':' ||
      !Digits(s, 11, 2, h) || !Digits(s, 14, 2, mi) || !Digits(s, 17, 2, se) || h > 23 ||
      mi > 59 || se > 60) {
    return std::nullopt;
  }
  size_t pos = 19;
  TimeMs ms = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    size_t start = pos;
    int scale = 100;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      ms += (s[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) return std::nullopt;
  }
  TimeMs offset_ms = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh, om;
    if (!Digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !Digits(s, pos + 4, 2, om) || oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset_ms = (oh * 60 + om) * 60'000LL * (s[pos] == '+' ? 1 : -1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  if (se == 60) se = 59;  // leap second: clamp
  return *days * kMsPerDay + ((h * 60LL + mi) * 60 + se) * 1000 + ms - offset_ms;
}

}  // namespace hoering
