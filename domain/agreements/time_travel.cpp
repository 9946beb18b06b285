#include "domain/agreements/time_travel.h"

#include <algorithm>

#include "domain/decimal.h"

namespace hoering::agreements {
namespace {

using Kind = AtSelector::Kind;

Status BadSelector(std::string_view s, const std::string& why) {
  return InvalidArgument("selector '" + std::string(s) + "' " + why, "invalid-selector");
}

template <typename T>
bool ParseUnsigned(std::string_view s, T& out) {
  const std::optional<T> v = ParseDecimal<T>(s);
  if (v) out = *v;
  return v.has_value();
}

Status VersionNotFound(const AtSelector& at) {
  return NotFound("version " + at.ToString() + " does not exist", "version-not-found");
}

Status NotYet(const AtSelector& at) {
  return NotFound("the agreement did not exist at " + at.ToString(), "agreement-not-found");
}

// Does event e lie beyond the cut of a position/time selector?
bool Beyond(const AtSelector& at, const RecordedEvent& e) {
  if (at.kind == Kind::kPosition) return e.position > at.position;
  if (at.kind == Kind::kTime) return e.recorded_at_ms > at.time_ms;
  return false;
}

TextSnapshot Snapshot(const AgreementState& s, bool at_version) {
  TextSnapshot t;
  t.text = std::make_shared<const SectionTree>(s.text());
  t.position = s.last_position();
  t.stream_version = s.version();
  t.recorded_at_ms = s.last_recorded_at_ms();
  if (const VersionInfo* v = s.latest_version()) {
    t.version = *v;
    t.version->text.reset();
    t.at_version = at_version || v->changes == s.change_sets().size();
  }
  return t;
}

}  // namespace

std::string AtSelector::ToString() const {
  switch (kind) {
    case Kind::kCurrent:
      return "current";
    case Kind::kVersion:
      return std::to_string(version);
    case Kind::kLabel:
      return label;
    case Kind::kPosition:
      return "position:" + std::to_string(position);
    case Kind::kTime:
      return "time:" + FormatRfc3339Ms(time_ms);
  }
  return "current";
}

Result<AtSelector> ParseAtSelector(std::string_view s) {
  AtSelector at;
  if (s.empty() || s == "current") return at;
  if (std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (!ParseUnsigned(s, at.version) || at.version == 0) {
      return BadSelector(s, "is not a version number (1, 2, ...)");
    }
    at.kind = Kind::kVersion;
    return at;
  }
  if (s.rfind("position:", 0) == 0) {
    if (!ParseUnsigned(s.substr(9), at.position)) return BadSelector(s, "needs a log position");
    at.kind = Kind::kPosition;
    return at;
  }
  if (s.rfind("time:", 0) == 0) {
    auto t = ParseRfc3339(s.substr(5));
    if (!t) return BadSelector(s, "needs an RFC 3339 time such as time:2024-01-01T00:00:00Z");
    at.kind = Kind::kTime;
    at.time_ms = *t;
    return at;
  }
  at.kind = Kind::kLabel;
  at.label = std::string(s);
  return at;
}

Result<AgreementState> StateAt(std::span<const RecordedEvent> events, const AtSelector& at,
                               FoldOptions options) {
  AgreementState state(options);
  bool found = false;
  for (const auto& e : events) {
    if (Beyond(at, e)) break;
    if (Status s = state.Apply(e); !s.ok()) return s;
    if ((at.kind == Kind::kVersion || at.kind == Kind::kLabel) && e.type == kVersionPublished) {
      const VersionInfo* v = state.latest_version();
      if (v && (at.kind == Kind::kVersion ? v->number == at.version : v->label == at.label)) {
        found = true;
        break;
      }
    }
  }
  if ((at.kind == Kind::kVersion || at.kind == Kind::kLabel) && !found) return VersionNotFound(at);
  if (!state.exists()) return NotYet(at);
  return state;
}

Result<std::vector<TextSnapshot>> TextsAt(std::span<const RecordedEvent> events,
                                          std::span<const AtSelector> ats) {
  std::vector<std::optional<TextSnapshot>> out(ats.size());
  AgreementState state(FoldOptions{false, true});
  std::optional<TextSnapshot> here;  // a snapshot of the current point, shared
  auto take = [&](std::size_t i, bool at_version) -> Status {
    if (!state.exists()) return NotYet(ats[i]);
    if (!here) here = Snapshot(state, at_version);
    out[i] = *here;
    out[i]->at_version = out[i]->at_version || at_version;
    return Status::Ok();
  };
  for (const auto& e : events) {
    for (std::size_t i = 0; i < ats.size(); ++i) {
      if (!out[i] && Beyond(ats[i], e)) {
        if (Status s = take(i, false); !s.ok()) return s;
      }
    }
    if (Status s = state.Apply(e); !s.ok()) return s;
    here.reset();
    if (e.type != kVersionPublished) continue;
    const VersionInfo* v = state.latest_version();
    for (std::size_t i = 0; i < ats.size(); ++i) {
      bool hit = !out[i] && v &&
                 ((ats[i].kind == Kind::kVersion && v->number == ats[i].version) ||
                  (ats[i].kind == Kind::kLabel && v->label == ats[i].label));
      if (hit) {
        if (Status s = take(i, true); !s.ok()) return s;
      }
    }
  }
  std::vector<TextSnapshot> result;
  for (std::size_t i = 0; i < ats.size(); ++i) {
    if (!out[i]) {
      if (ats[i].kind == Kind::kVersion || ats[i].kind == Kind::kLabel) {
        return VersionNotFound(ats[i]);
      }
      if (Status s = take(i, false); !s.ok()) return s;
    }
    result.push_back(std::move(*out[i]));
  }
  return result;
}

Result<TextSnapshot> TextAt(const AgreementState& state, const AtSelector& at,
                            const VersionTextLookup& version_text) {
  if (!state.exists()) return NotYet(at);
  if (at.kind == Kind::kCurrent) return Snapshot(state, false);
  if (at.kind == Kind::kPosition || at.kind == Kind::kTime) {
    return Unprocessable("selector " + at.ToString() + " needs the agreement's events",
                         "needs-events");
  }
  const VersionInfo* v = at.kind == Kind::kVersion ? state.FindVersion(at.version)
                                                   : state.FindVersionByLabel(at.label);
  if (!v) return VersionNotFound(at);
  std::shared_ptr<const SectionTree> text = v->text;
  if (!text && version_text) {
    auto looked_up = version_text(*v);
    if (!looked_up.ok()) return looked_up.status();
    text = std::move(looked_up).value();
  }
  if (!text) return Unprocessable("the state keeps no version texts", "needs-events");
  TextSnapshot t;
  t.text = std::move(text);
  t.position = v->position;
  t.stream_version = v->stream_version;
  t.recorded_at_ms = v->recorded_at_ms;
  t.version = *v;
  t.at_version = true;
  return t;
}

}  // namespace hoering::agreements
