// Decoding UTF-8 one code point at a time, strictly (RFC 3629). Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace hoering::text {

// What DecodeUtf8 returns for a malformed sequence.
inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

// The code point at `s[i]`, advancing `i` past it; kInvalidCodePoint (one byte
// consumed) for a malformed sequence: a stray or truncated byte, an overlong
// form, a surrogate or a value past U+10FFFF. REQUIRES: i < s.size().
char32_t DecodeUtf8(std::string_view s, std::size_t& i);

}  // namespace hoering::text
