// Small helpers that turn JSON answers into text cells for the CLI.
#pragma once

#include <nlohmann/json.hpp>
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

// A version selector as the API takes it: a number when the text is a decimal
// that fits 32 bits ("3" -> 3), else the text as a label ("final").
nlohmann::json VersionSelectorJson(const std::string& selector);

}  // namespace hoering::client
