#include "storage/key_codec.h"

namespace hoering::keys {

std::string EncodeU64(std::uint64_t v) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  return out;
}

std::uint64_t DecodeU64(std::string_view bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = v << 8 | static_cast<unsigned char>(bytes[i]);
  return v;
}

std::string StreamKey(std::string_view stream, std::uint64_t version) {
  std::string k(stream);
  k.push_back('\0');
  k += EncodeU64(version);
  return k;
}

bool StreamKeyVersion(std::string_view key, std::string_view stream, std::uint64_t& version) {
  if (key.size() != stream.size() + 9 || key.substr(0, stream.size()) != stream ||
      key[stream.size()] != '\0') {
    return false;
  }
  version = DecodeU64(key.substr(stream.size() + 1));
  return true;
}

}  // namespace hoering::keys
