// An agreement's text as it stood at any selector, the diff between any two,
// and the change sets between them: what GET /v1/agreements/{id}[/diff|
// /changes] answer and what the agreement and diff pages will show. Each
// works on an immutable state from the read views (no lock held while
// rendering); position:/time: selectors read the agreement's stream.
//
// 404 "agreement-not-found"; 400 "invalid-selector"; 404 "version-not-found".
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "domain/agreements/agreement_queries.h"
#include "domain/agreements/agreement_state.h"
#include "domain/agreements/time_travel.h"
#include "server/app/app_context.h"

namespace hoering::app {

struct TextAt {
  std::shared_ptr<const agreements::AgreementState> agreement;  // as it is now
  agreements::TextSnapshot snapshot;                            // as it was at the selector
};
Result<TextAt> AgreementTextAt(AppContext& ctx, const std::string& id,
                               const agreements::AtSelector& at);

// Both ends of a diff, resolved (agreements::ResolveDiffEnds), and its title.
struct AgreementDiffEnds {
  std::string title;  // "diff <id> <from> -> <to>"
  agreements::DiffEnds ends;
};
Result<AgreementDiffEnds> DiffEndsOf(AppContext& ctx, const std::string& id,
                                     const agreements::AtSelector& from,
                                     const agreements::AtSelector& to);

struct AgreementDiff {
  std::string title;  // "diff <id> <from> -> <to>"
  agreements::DiffAnswer answer;
};
Result<AgreementDiff> DiffOfAgreement(AppContext& ctx, const std::string& id,
                                      const agreements::AtSelector& from,
                                      const agreements::AtSelector& to,
                                      const agreements::DiffOptions& options = {});

// The change sets between two selectors, with rationale, actor, time, ops and
// cited response points, and both ends described (the changes route's body).
Result<nlohmann::json> ChangesOfAgreement(AppContext& ctx, const std::string& id,
                                          const agreements::AtSelector& from,
                                          const agreements::AtSelector& to);

}  // namespace hoering::app
