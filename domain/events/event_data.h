// Reading a recorded event's data back into its typed event: the building
// blocks of the *FromJson functions in the event headers. A reader reads with
// nlohmann's at()/get() and the helpers below, which throw on a missing key or
// another type; ReadEventData turns every throw into kCorruption, so a
// *FromJson function never throws. Pure.
#pragma once

#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "domain/status.h"
#include "domain/time.h"

namespace hoering::events {

// Runs `read` and returns its value; an exception it throws becomes kCorruption
// "stored <stream> event is malformed: <what>: <exception text>".
template <typename Read>
auto ReadEventData(std::string_view stream, std::string_view what, Read&& read)
    -> Result<std::invoke_result_t<Read&>> {
  try {
    return read();
  } catch (const std::exception& ex) {
    return Status(Code::kCorruption,
                  "stored " + std::string(stream) + " event is malformed: " + std::string(what) +
                      ": " + ex.what(),
                  "corruption");
  }
}

// The RFC 3339 time at j[key]; throws when the key is missing or its text is no such time.
TimeMs TimeAt(const nlohmann::json& j, const char* key);

// The text at j[key]: absent or null is nullopt; another type throws.
std::optional<std::string> OptionalText(const nlohmann::json& j, const char* key);

}  // namespace hoering::events
