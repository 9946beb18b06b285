#include "domain/ids.h"

#include <string>

namespace hoering {

Status ValidateId(std::string_view id, std::string_view what) {
  auto fail = [&](std::string why) {
    return InvalidArgument(std::string(what) + " '" + std::string(id.substr(0, 80)) + "' " + why,
                           "invalid-id");
  };
  if (id.empty()) return InvalidArgument(std::string(what) + " must not be empty", "invalid-id");
  if (id.size() > 64) return fail("is longer than 64 characters");
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return fail("may contain only a-z, 0-9, '.', '_' and '-'");
  }
  if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9'))) {
    return fail("must start with a letter or digit");
  }
  return Status::Ok();
}

Status ValidateText(std::string_view text, std::string_view what, std::size_t max_len) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return InvalidArgument(std::string(what) + " must not be empty", "invalid-field");
  }
  if (text.size() > max_len) {
    return InvalidArgument(std::string(what) + " is longer than " + std::to_string(max_len) +
                               " bytes",
                           "invalid-field");
  }
  for (unsigned char c : text) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      return InvalidArgument(std::string(what) + " contains a control character", "invalid-field");
    }
  }
  return Status::Ok();
}

}  // namespace hoering
