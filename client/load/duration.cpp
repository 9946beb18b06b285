#include "client/load/duration.h"

#include <cmath>
#include <string>

namespace hoering::client::load {

std::optional<std::chrono::milliseconds> ParseDuration(std::string_view text) {
  double scale = 1000;  // seconds
  if (text.ends_with("ms")) {
    scale = 1;
    text.remove_suffix(2);
  } else if (text.ends_with("s")) {
    text.remove_suffix(1);
  } else if (text.ends_with("m")) {
    scale = 60'000;
    text.remove_suffix(1);
  }
  if (text.empty() || text.find_first_not_of("0123456789.") != std::string_view::npos) {
    return std::nullopt;
  }
  try {
    std::size_t used = 0;
    const double value = std::stod(std::string(text), &used);
    if (used != text.size() || !std::isfinite(value)) return std::nullopt;
    // A week is far beyond any load run; it also keeps llround from overflowing.
    if (value * scale > 7.0 * 24 * 3600 * 1000) return std::nullopt;
    return std::chrono::milliseconds(static_cast<long long>(std::llround(value * scale)));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace hoering::client::load
