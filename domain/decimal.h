// Strict decimal numbers from text: the one way every header, query
// parameter, path segment and id suffix turns digits into an unsigned integer.
//
// Accepted: one or more ASCII digits and nothing else. Rejected (nullopt): an
// empty string, a sign ("-1", "+1"), white space, trailing text ("5x"), and a
// value that does not fit T ("18446744073709551616" for uint64_t). Leading
// zeros are accepted ("007" is 7). Pure.
#pragma once

#include <charconv>
#include <concepts>
#include <optional>
#include <string_view>

namespace hoering {

template <std::unsigned_integral T>
std::optional<T> ParseDecimal(std::string_view text) {
  if (text.empty()) return std::nullopt;
  T value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

}  // namespace hoering
