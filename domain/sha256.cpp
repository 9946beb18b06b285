#include "domain/sha256.h"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace hoering {
namespace {

struct CtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

// The algorithm is fetched once: EVP_sha256() makes EVP_DigestInit_ex look
// it up in the provider store on every call (a tenth of a token check's
// CPU). Each thread reuses one context, reinitialised per digest.
const EVP_MD* Sha256Algorithm() {
  static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

Hash Digest(std::initializer_list<std::string_view> parts) {
  thread_local std::unique_ptr<EVP_MD_CTX, CtxFree> ctx(EVP_MD_CTX_new());
  const EVP_MD* md = Sha256Algorithm();
  if (!ctx || !md || EVP_DigestInit_ex2(ctx.get(), md, nullptr) != 1) {
    throw std::runtime_error("OpenSSL SHA-256 init failed");
  }
  for (auto p : parts) {
    if (EVP_DigestUpdate(ctx.get(), p.data(), p.size()) != 1) {
      throw std::runtime_error("OpenSSL SHA-256 update failed");
    }
  }
  Hash out{};
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(ctx.get(), out.data(), &len) != 1 || len != out.size()) {
    throw std::runtime_error("OpenSSL SHA-256 final failed");
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Hash Sha256(std::string_view bytes) {
  return Digest({bytes});
}
Hash Sha256(std::string_view a, std::string_view b) {
  return Digest({a, b});
}

std::string ToHex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 0xf]);
  }
  return out;
}

std::string ToHex(const Hash& h) {
  return ToHex(std::string_view(reinterpret_cast<const char*>(h.data()), h.size()));
}

std::optional<Hash> HashFromHex(std::string_view hex) {
  Hash out{};
  if (hex.size() != out.size() * 2) return std::nullopt;
  for (size_t i = 0; i < out.size(); ++i) {
    int hi = HexValue(hex[2 * i]), lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<unsigned char>(hi << 4 | lo);
  }
  return out;
}

}  // namespace hoering
