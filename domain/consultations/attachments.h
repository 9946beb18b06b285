// Attachments of a response: decoding, limits and the media type allow-list.
// Pure. Errors:
//   400 "invalid-field"                 malformed entry or base64
//   413 "attachments-too-large"         decoded total above the limit
//   422 "attachment-type-not-allowed"   media type not in the allow-list
//   422 "attachment-content-mismatch"   PDF/PNG/JPEG without its signature
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/consultations/response_events.h"
#include "domain/status.h"

namespace hoering::consultations {

inline constexpr std::uint64_t kDefaultMaxAttachmentBytes = 10ull << 20;  // per response
inline constexpr std::size_t kMaxAttachments = 20;

struct DecodedAttachment {
  AttachmentRef ref;           // filename, media_type, size, sha256
  std::string content_base64;  // as sent (validated)
};

// The allow-list, for messages and docs.
const std::vector<std::string>& AllowedMediaTypes();

// Standard base64 (RFC 4648, padded, no whitespace); nullopt when malformed.
std::optional<std::string> DecodeBase64(std::string_view text);
// Standard base64 (RFC 4648, padded, no whitespace) of `bytes`.
std::string EncodeBase64(std::string_view bytes);

// The "attachments" array of a submission (absent or null: none).
Result<std::vector<DecodedAttachment>> ParseAttachments(const nlohmann::json& body,
                                                        std::uint64_t max_total_bytes);

}  // namespace hoering::consultations
