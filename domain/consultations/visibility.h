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

// All that decides who sees a response: its party, whether it is withdrawn
// and the publication its current revision chose. A list keeps these beside
// a response's rendered text instead of its whole state (server/app/
// response_cache.h).
struct VisibilityFacts {
  std::string party;
  bool withdrawn = false;
  Publication publication = Publication::kPrivate;
};
// REQUIRES: response.exists().
VisibilityFacts VisibilityFactsOf(const ResponseState& response);

Visibility VisibilityOf(const Reader& reader, const VisibilityFacts& response,
                        bool consultation_closed);
// VisibilityOf(reader, VisibilityFactsOf(response), consultation_closed).
Visibility VisibilityOf(const Reader& reader, const ResponseState& response,
                        bool consultation_closed);

}  // namespace hoering::consultations
