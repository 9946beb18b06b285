// Time travel: the text (or whole state) of an agreement at a point of its
// history. Pure functions over the stream's events.
//
// SELECTORS (api.md ?at=, ?from=, ?to=), ParseAtSelector:
//   "" | "current"        the whole stream (the working text)
//   "<n>" (digits, n>=1)  version n: up to and including its VersionPublished
//   "position:<p>"        events at global log positions <= p
//   "time:<RFC 3339>"     events recorded at or before that instant
//   anything else         a version label ("consultation draft")
// Labels can never look like the other forms (agreement_decide.h).
// Errors: "0", "position:x", "time:x" -> 400 "invalid-selector"; an unknown
// version or label -> 404 "version-not-found"; a point before the agreement
// was created -> 404 "agreement-not-found".
// Time cuts assume the recorded-at times of a stream never decrease (the
// store assigns them in append order): the fold stops at the first later one.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/agreements/agreement_state.h"
#include "domain/event.h"
#include "domain/status.h"
#include "domain/time.h"

namespace hoering::agreements {

struct AtSelector {
  enum class Kind { kCurrent, kVersion, kLabel, kPosition, kTime };
  Kind kind = Kind::kCurrent;
  std::uint32_t version = 0;     // kVersion
  std::string label;             // kLabel
  std::uint64_t position = 0;    // kPosition
  TimeMs time_ms = 0;            // kTime
  std::string ToString() const;  // parses back to the same selector
  bool operator==(const AtSelector&) const = default;
};

Result<AtSelector> ParseAtSelector(std::string_view s);

// The state folded up to the selected point (version texts are not kept
// unless options say so).
Result<AgreementState> StateAt(std::span<const RecordedEvent> events, const AtSelector& at,
                               FoldOptions options = {false, true});

struct TextSnapshot {
  std::shared_ptr<const SectionTree> text;
  std::uint64_t position = 0;        // of the last event folded
  std::uint64_t stream_version = 0;  // events folded
  std::int64_t recorded_at_ms = 0;   // of the last event folded
  // The version selected, or else the latest version published by then.
  std::optional<VersionInfo> version;
  // True when `text` is exactly `version`'s text (selected by version, or
  // nothing recorded since it).
  bool at_version = false;
};

// One fold for several selectors, e.g. both sides of a diff. Results are in
// the order of `ats`; selectors naming the same point share one text.
Result<std::vector<TextSnapshot>> TextsAt(std::span<const RecordedEvent> events,
                                          std::span<const AtSelector> ats);

// The text of a published version, from wherever the caller keeps it (the
// server folds it from the log on demand and caches it: the read view keeps
// no version texts).
using VersionTextLookup =
    std::function<Result<std::shared_ptr<const SectionTree>>(const VersionInfo& version)>;

// Without events, from a state: answers kCurrent, and kVersion and kLabel
// from the state's version texts or else through `version_text`; kPosition
// and kTime (and versions with neither) fail with kUnprocessable
// "needs-events" (use TextsAt).
Result<TextSnapshot> TextAt(const AgreementState& state, const AtSelector& at,
                            const VersionTextLookup& version_text = {});

}  // namespace hoering::agreements
