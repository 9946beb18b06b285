// Who may see which response (docs/api.md, "Visibility"). Pure.
//
//   secretariat, auditor, admin       everything, always
//   stakeholder of the same party     its own responses, always, in full
//   anyone else, before close         nothing
//   anyone else, after close          public responses (without the author's e-mail),
//                                     anonymous ones without author, private and
//                                     withdrawn ones not at all
// The publication choice of the current revision applies.
#pragma once

#include <optional>
#include <string>

#include "domain/consultations/response_state.h"

namespace hoering::consultations {

struct Reader {
  bool privileged = false;           // secretariat, auditor, admin
  std::optional<std::string> party;  // a stakeholder's party
};

enum class Visibility { kHidden, kWithoutAuthor, kWithoutContact, kFull };

Visibility VisibilityOf(const Reader& reader, const ResponseState& response,
                        bool consultation_closed);

}  // namespace hoering::consultations
