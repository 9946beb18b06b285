// Parses durations given on the command line: "10s", "500ms", "2m", "1.5s";
// a bare number means seconds.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace hoering::client::load {

// nullopt for anything else, including negative values.
std::optional<std::chrono::milliseconds> ParseDuration(std::string_view text);

}  // namespace hoering::client::load
