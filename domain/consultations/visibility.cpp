#include "domain/consultations/visibility.h"

namespace hoering::consultations {

VisibilityFacts VisibilityFactsOf(const ResponseState& response) {
  return VisibilityFacts{response.party(), response.withdrawn(),
                         response.current().content.publication};
}

Visibility VisibilityOf(const Reader& reader, const VisibilityFacts& response,
                        bool consultation_closed) {
  if (reader.privileged) return Visibility::kFull;
  if (reader.party && *reader.party == response.party) return Visibility::kFull;
  if (!consultation_closed || response.withdrawn) return Visibility::kHidden;
  switch (response.publication) {
    case Publication::kPublic:
      return Visibility::kWithoutContact;
    case Publication::kAnonymous:
      return Visibility::kWithoutAuthor;
    case Publication::kPrivate:
      return Visibility::kHidden;
  }
  return Visibility::kHidden;
}

Visibility VisibilityOf(const Reader& reader, const ResponseState& response,
                        bool consultation_closed) {
  return VisibilityOf(reader, VisibilityFactsOf(response), consultation_closed);
}

}  // namespace hoering::consultations
