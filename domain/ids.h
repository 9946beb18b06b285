// Rules for identifiers chosen by users (party ids, agreement ids, ...).
#pragma once

#include <string_view>

#include "domain/status.h"

namespace hoering {

// An id is 1-64 characters of [a-z0-9._-], starting with a letter or digit.
// `what` names the field in the error ("party id").
Status ValidateId(std::string_view id, std::string_view what);

// A display text (name, label, title): 1..max_len bytes after trimming, no
// control characters other than tab/newline.
Status ValidateText(std::string_view text, std::string_view what, std::size_t max_len);

}  // namespace hoering
