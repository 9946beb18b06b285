// SHA-256 through OpenSSL's EVP interface, and hex helpers.
// Pure computation: no I/O. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/event.h"

namespace hoering {

Hash Sha256(std::string_view bytes);
// SHA-256 over the concatenation a || b without copying them together.
Hash Sha256(std::string_view a, std::string_view b);

std::string ToHex(const Hash& h);
std::string ToHex(std::string_view bytes);
// Parses 64 lowercase or uppercase hex digits; nullopt otherwise.
std::optional<Hash> HashFromHex(std::string_view hex);

}  // namespace hoering
