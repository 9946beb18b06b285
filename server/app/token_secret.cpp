#include "server/app/token_secret.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>
#include <stdexcept>

#include "domain/sha256.h"

namespace hoering::app {
namespace {

// Random bytes from OpenSSL's CSPRNG, drawn 4 KiB at a time per thread: one
// RAND_bytes call per identifier cost more than the rest of making it (a
// submission asks for one). The bytes are handed out once each; the server
// never forks, so no copy of a thread's buffer exists elsewhere.
std::string RandomBytes(std::size_t n) {
  struct Pool {
    unsigned char bytes[4096];
    std::size_t used = sizeof bytes;
  };
  thread_local Pool pool;
  std::string out;
  out.reserve(n);
  while (out.size() < n) {
    if (pool.used == sizeof pool.bytes) {
      if (RAND_bytes(pool.bytes, sizeof pool.bytes) != 1) {
        throw std::runtime_error("OpenSSL RAND_bytes failed");
      }
      pool.used = 0;
    }
    const std::size_t take = std::min(n - out.size(), sizeof pool.bytes - pool.used);
    out.append(reinterpret_cast<const char*>(pool.bytes + pool.used), take);
    OPENSSL_cleanse(pool.bytes + pool.used, take);
    pool.used += take;
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
