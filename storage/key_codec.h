// Key encodings of the RocksDB layout (docs/storage-format.md). Big-endian
// integers so that byte order equals numeric order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hoering::keys {

std::string EncodeU64(std::uint64_t v);
// REQUIRES: bytes.size() >= 8.
std::uint64_t DecodeU64(std::string_view bytes);

// events CF: position:u64
inline std::string EventKey(std::uint64_t position) {
  return EncodeU64(position);
}

// streams CF: stream 0x00 version:u64  ->  position:u64
std::string StreamKey(std::string_view stream, std::uint64_t version);
// The version part of a streams key, if the key belongs to `stream`.
bool StreamKeyVersion(std::string_view key, std::string_view stream, std::uint64_t& version);

// meta (default CF) keys.
inline constexpr std::string_view kMetaFormat = "format";
inline constexpr std::string_view kMetaHead = "head";

}  // namespace hoering::keys
