// Read-side helpers that put the pieces together for the routes:
//   GET /v1/agreements/{id}?at=..., GET .../diff?from=&to=, GET .../changes?from=&to=
//
// ResolveTexts answers selectors from a folded state when it can (current,
// and versions from the state's version texts or `version_text`) and folds
// `events` once otherwise (position:/time: selectors, or versions with
// neither). `events` may be empty when the state suffices.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <vector>

#include "domain/agreements/agreement_state.h"
#include "domain/agreements/section_diff.h"
#include "domain/agreements/time_travel.h"
#include "domain/event.h"
#include "domain/status.h"

namespace hoering::agreements {

Result<std::vector<TextSnapshot>> ResolveTexts(const AgreementState& state,
                                               std::span<const RecordedEvent> events,
                                               std::span<const AtSelector> ats,
                                               const VersionTextLookup& version_text = {});

// How a diff or change log names one of its sides:
//   {"at": "<selector>", "version": VersionRefJson | null, "at_version": bool,
//    "position": <last event folded>, "hash": <TextHash of that text>}
nlohmann::json SnapshotRefJson(const AtSelector& at, const TextSnapshot& s);

// Both ends of a diff, resolved (ResolveTexts), with their SnapshotRefJson.
// The refs name each text by its SHA-256, so equal refs mean equal texts.
struct DiffEnds {
  TextSnapshot from, to;
  nlohmann::json from_ref, to_ref;
};
Result<DiffEnds> ResolveDiffEnds(const AgreementState& state, std::span<const RecordedEvent> events,
                                 const AtSelector& from, const AtSelector& to,
                                 const VersionTextLookup& version_text = {});

// The whole diff answer: {from, to, summary, sections} with SnapshotRefJson sides.
struct DiffAnswer {
  TextDiff diff;
  nlohmann::json from_ref;
  nlohmann::json to_ref;
};
Result<DiffAnswer> DiffBetween(const AgreementState& state, std::span<const RecordedEvent> events,
                               const AtSelector& from, const AtSelector& to,
                               const DiffOptions& options = {},
                               const VersionTextLookup& version_text = {});

}  // namespace hoering::agreements
