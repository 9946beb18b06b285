#include "server/app/token_secret.h"

#include <openssl/rand.h>

#include <stdexcept>

#include "domain/sha256.h"

namespace hoering::app {
namespace {

std::string RandomBytes(std::size_t n) {
  std::string out(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1) {
    throw std::runtime_error("OpenSSL RAND_bytes failed");
  }
  return out;
}

// `prefix` followed by 43 base64url characters of 32 random bytes (no padding).
std::string RandomSecret(std::string prefix) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string bytes = RandomBytes(32);
  std::string out = std::move(prefix);
  std::uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) {
      out.push_back(kAlphabet[(acc >> (bits - 6)) & 63]);
      bits -= 6;
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(acc << (6 - bits)) & 63]);
  return out;
}

}  // namespace

std::string NewTokenSecret() {
  return RandomSecret("hoer_");
}

std::string NewInvitationCode() {
  return RandomSecret("inv_");
}

std::string NewInvitationId() {
  return "inv-" + ToHex(RandomBytes(8));
}

std::string NewTokenId() {
  return "tok_" + ToHex(RandomBytes(8));
}

std::string NewResponseId() {
  return "r-" + ToHex(RandomBytes(8));
}

std::string RandomHex(std::size_t bytes) {
  return ToHex(RandomBytes(bytes));
}

std::string TokenHash(const std::string& secret) {
  return ToHex(Sha256(secret));
}

}  // namespace hoering::app
