#include "domain/consultations/attachments.h"

#include <openssl/evp.h>

#include <algorithm>

#include "domain/consultations/json_fields.h"
#include "domain/ids.h"
#include "domain/sha256.h"

namespace hoering::consultations {

using nlohmann::json;

const std::vector<std::string>& AllowedMediaTypes() {
  static const std::vector<std::string> kTypes = {
      "application/pdf",
      "text/plain",
      "text/markdown",
      "text/csv",
      "image/png",
      "image/jpeg",
      "application/vnd.oasis.opendocument.text",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document"};
  return kTypes;
}

std::string EncodeBase64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<std::string> DecodeBase64(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    const bool pad_ok =
        c == '=' && i + 2 >= text.size() && (i + 1 == text.size() || text[i + 1] == '=');
    if (!alnum && c != '+' && c != '/' && !pad_ok) return std::nullopt;
  }
  std::string out(text.size() / 4 * 3, '\0');
  if (text.empty()) return out;
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  std::size_t padding = 0;
  if (text.back() == '=') ++padding;
  if (text.size() >= 2 && text[text.size() - 2] == '=') ++padding;
  out.resize(static_cast<std::size_t>(n) - padding);
  return out;
}

namespace {

// Formats whose content has a fixed signature are checked against it.
bool ContentMatches(const std::string& type, const std::string& bytes) {
  auto starts = [&](std::string_view sig) { return bytes.compare(0, sig.size(), sig) == 0; };
  if (type == "application/pdf") return starts("%PDF-");
  if (type == "image/png") return starts("\x89PNG\r\n\x1a\n");
  if (type == "image/jpeg") return starts("\xFF\xD8\xFF");
  return true;
}

Status CheckFilename(const std::string& name) {
  if (Status s = ValidateText(name, "attachment filename", 255); !s.ok()) return s;
  if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos || name == "." ||
      name == "..") {
    return FieldError("an attachment filename may not contain a path: '" + name + "'");
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<DecodedAttachment>> ParseAttachments(const json& body,
                                                        std::uint64_t max_total_bytes) {
  std::vector<DecodedAttachment> out;
  auto it = body.find("attachments");
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) return FieldError("'attachments' must be an array");
  if (it->size() > kMaxAttachments) return FieldError("at most 20 attachments per response");
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& a = (*it)[i];
    const std::string where = "attachment " + std::to_string(i + 1);
    if (!a.is_object()) return FieldError(where + " must be an object");
    DecodedAttachment d;
    if (Status s = ReqString(a, "filename", d.ref.filename); !s.ok()) return s;
    if (Status s = CheckFilename(d.ref.filename); !s.ok()) return s;
    if (Status s = ReqString(a, "media_type", d.ref.media_type); !s.ok()) return s;
    if (Status s = ReqString(a, "content_base64", d.content_base64); !s.ok()) return s;
    const auto& allowed = AllowedMediaTypes();
    if (std::find(allowed.begin(), allowed.end(), d.ref.media_type) == allowed.end()) {
      std::string list;
      for (const auto& t : allowed) list += (list.empty() ? "" : ", ") + t;
      return Unprocessable(where + " ('" + d.ref.filename + "'): media type '" + d.ref.media_type +
                               "' is not allowed; allowed: " + list,
                           "attachment-type-not-allowed");
    }
    auto bytes = DecodeBase64(d.content_base64);
    if (!bytes) return FieldError(where + ": content_base64 is not valid base64");
    if (bytes->empty()) return FieldError(where + " is empty");
    total += bytes->size();
    if (total > max_total_bytes) {
      return Status(Code::kPayloadTooLarge,
                    "attachments exceed " + std::to_string(max_total_bytes) +
                        " bytes in total for one response",
                    "attachments-too-large");
    }
    if (!ContentMatches(d.ref.media_type, *bytes)) {
      return Unprocessable(
          where + " ('" + d.ref.filename + "') is not a " + d.ref.media_type + " file",
          "attachment-content-mismatch");
    }
    d.ref.size = bytes->size();
    d.ref.sha256 = ToHex(Sha256(*bytes));
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace hoering::consultations
