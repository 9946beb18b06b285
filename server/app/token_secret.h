// Bearer token secrets, token and response ids, from OpenSSL's CSPRNG. The server keeps only
// TokenHash(secret); the secret is shown to the caller once.
#pragma once

#include <string>

namespace hoering::app {

// "hoer_" followed by 43 base64url characters (32 random bytes).
std::string NewTokenSecret();
// "tok_" followed by 16 hex digits.
std::string NewTokenId();
// "r-" followed by 16 hex digits: response ids cannot be enumerated.
std::string NewResponseId();
// `bytes` random bytes as lowercase hex (CSRF secrets, session ids).
std::string RandomHex(std::size_t bytes);
// Lowercase hex SHA-256 of the secret.
std::string TokenHash(const std::string& secret);

}  // namespace hoering::app
