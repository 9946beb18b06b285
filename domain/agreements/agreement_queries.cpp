#include "domain/agreements/agreement_queries.h"

#include "domain/agreements/agreement_views.h"
#include "domain/agreements/text_json.h"

namespace hoering::agreements {

using Kind = AtSelector::Kind;

Result<std::vector<TextSnapshot>> ResolveTexts(const AgreementState& state,
                                               std::span<const RecordedEvent> events,
                                               std::span<const AtSelector> ats,
                                               const VersionTextLookup& version_text) {
  bool from_state = true;
  for (const auto& at : ats) {
    if (at.kind == Kind::kPosition || at.kind == Kind::kTime) from_state = false;
    if ((at.kind == Kind::kVersion || at.kind == Kind::kLabel) &&
        !state.options().keep_version_texts && !version_text) {
      from_state = false;
    }
  }
  if (!from_state) {
    if (events.empty()) {
      return Unprocessable("these selectors need the agreement's events", "needs-events");
    }
    return TextsAt(events, ats);
  }
  std::vector<TextSnapshot> out;
  for (const auto& at : ats) {
    auto t = TextAt(state, at, version_text);
    if (!t.ok()) return t.status();
    out.push_back(std::move(t).value());
  }
  return out;
}

nlohmann::json SnapshotRefJson(const AtSelector& at, const TextSnapshot& s) {
  std::string hash = s.at_version && s.version ? s.version->hash : TextHash(*s.text);
  return {{"at", at.ToString()},
          {"version", s.version ? VersionRefJson(*s.version) : nlohmann::json(nullptr)},
          {"at_version", s.at_version},
          {"position", s.position},
          {"hash", std::move(hash)}};
}

Result<DiffEnds> ResolveDiffEnds(const AgreementState& state, std::span<const RecordedEvent> events,
                                 const AtSelector& from, const AtSelector& to,
                                 const VersionTextLookup& version_text) {
  std::vector<AtSelector> ats{from, to};
  auto texts = ResolveTexts(state, events, ats, version_text);
  if (!texts.ok()) return texts.status();
  auto& t = *texts;
  nlohmann::json from_ref = SnapshotRefJson(from, t[0]), to_ref = SnapshotRefJson(to, t[1]);
  return DiffEnds{std::move(t[0]), std::move(t[1]), std::move(from_ref), std::move(to_ref)};
}

Result<DiffAnswer> DiffBetween(const AgreementState& state, std::span<const RecordedEvent> events,
                               const AtSelector& from, const AtSelector& to,
                               const DiffOptions& options, const VersionTextLookup& version_text) {
  auto ends = ResolveDiffEnds(state, events, from, to, version_text);
  if (!ends.ok()) return ends.status();
  return DiffAnswer{DiffTexts(*ends->from.text, *ends->to.text, options), std::move(ends->from_ref),
                    std::move(ends->to_ref)};
}

}  // namespace hoering::agreements
