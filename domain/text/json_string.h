// A string as a JSON string literal, written straight into a buffer: what
// nlohmann::json's dump() writes for a string, without building a json value.
//   "  -> \"     \ -> \\     U+0008 -> \b   U+000C -> \f
//   LF -> \n     CR -> \r    TAB -> \t
//   other U+0000..U+001F -> \u00XX (lowercase hex)
// Every other byte (including '/', DEL and all of UTF-8) is written as it is;
// the input is not checked for valid UTF-8.
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace hoering::text {

// Appends `s`, quoted and escaped as above, to `out`.
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace hoering::text
