// Bearer token secrets, invitation codes, token, invitation and response ids,
// from OpenSSL's CSPRNG. The server keeps only TokenHash(secret) of a secret
// or code; it is shown to the caller once.
#pragma once

#include <string>

namespace hoering::app {

// "hoer_" followed by 43 base64url characters (32 random bytes).
std::string NewTokenSecret();
// "inv_" followed by 43 base64url characters (32 random bytes): an
// invitation code, which signs in to the web pages only (never a bearer token).
std::string NewInvitationCode();
// "inv-" followed by 16 hex digits.
std::string NewInvitationId();
// "tok_" followed by 16 hex digits.
std::string NewTokenId();
// "r-" followed by 16 hex digits: response ids cannot be enumerated.
std::string NewResponseId();
// `bytes` random bytes as lowercase hex (CSRF secrets, session ids).
std::string RandomHex(std::size_t bytes);
// Lowercase hex SHA-256 of the secret (or invitation code).
std::string TokenHash(const std::string& secret);

}  // namespace hoering::app
