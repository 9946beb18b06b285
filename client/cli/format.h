// Small helpers that turn JSON answers into text cells for the CLI.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hoering::client {

// j[key] as text: strings verbatim, null/missing as "", numbers and booleans
// as JSON, objects and arrays as compact JSON.
std::string Text(const nlohmann::json& j, std::string_view key);
// Any JSON value as a cell (same rules as Text).
std::string Text(const nlohmann::json& value);
// The first `n` characters of a hex hash (the whole string if shorter).
std::string ShortHash(const std::string& hex, std::size_t n = 12);
// Key/value pairs of an object: first the `preferred` keys that are present,
// in that order, then the remaining keys in the object's order.
std::vector<std::pair<std::string, std::string>> Fields(const nlohmann::json& object,
                                                        const std::vector<std::string>& preferred);

// The items of an array as text joined by `separator` ("a, b, c"); anything
// else as Text(value).
std::string JoinText(const nlohmann::json& array, std::string_view separator = ", ");
// "yes" when j[key] is the boolean true, else "no".
std::string YesNo(const nlohmann::json& j, std::string_view key);
// Who did it, from an actor {role, party?}: "secretariat",
// "stakeholder/aarhus"; "system" when there is no role (no actor, or the
// server's own events). An actor given as a plain string is shown as is.
std::string ActorText(const nlohmann::json& actor);
// A version {number, label?}: `1 "consultation draft"` (no label: `1`);
// anything else as Text(v).
std::string VersionText(const nlohmann::json& v);

// Prints `text` and ends it with a newline unless it already ends with one
// (or is empty).
void PrintText(std::ostream& out, const std::string& text);

}  // namespace hoering::client
