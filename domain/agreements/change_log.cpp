#include "domain/agreements/change_log.h"

#include <algorithm>

#include "domain/time.h"

namespace hoering::agreements {

using nlohmann::json;
using Kind = AtSelector::Kind;

Result<std::size_t> ChangeCountAt(const AgreementState& state, const AtSelector& at) {
  const auto& cs = state.change_sets();
  switch (at.kind) {
    case Kind::kCurrent:
      return cs.size();
    case Kind::kVersion:
    case Kind::kLabel: {
      const VersionInfo* v = at.kind == Kind::kVersion ? state.FindVersion(at.version)
                                                       : state.FindVersionByLabel(at.label);
      if (!v) return NotFound("version " + at.ToString() + " does not exist", "version-not-found");
      return static_cast<std::size_t>(v->changes);
    }
    case Kind::kPosition:
      return static_cast<std::size_t>(
          std::upper_bound(cs.begin(), cs.end(), at.position,
                           [](std::uint64_t p, const ChangeSetInfo& c) { return p < c.position; }) -
          cs.begin());
    case Kind::kTime:
      return static_cast<std::size_t>(std::upper_bound(cs.begin(), cs.end(), at.time_ms,
                                                       [](std::int64_t t, const ChangeSetInfo& c) {
                                                         return t < c.recorded_at_ms;
                                                       }) -
                                      cs.begin());
  }
  return cs.size();
}

Result<ChangeLog> ChangeSetsBetween(const AgreementState& state, const AtSelector& from,
                                    const AtSelector& to) {
  auto a = ChangeCountAt(state, from);
  if (!a.ok()) return a.status();
  auto b = ChangeCountAt(state, to);
  if (!b.ok()) return b.status();
  ChangeLog log;
  log.reversed = *b < *a;
  std::size_t lo = std::min(*a, *b), hi = std::max(*a, *b);
  for (std::size_t i = lo; i < hi; ++i) log.items.push_back(&state.change_sets()[i]);
  return log;
}

std::vector<const ChangeSetInfo*> ChangeSetsCiting(const AgreementState& state,
                                                   std::string_view response,
                                                   std::string_view point) {
  std::vector<const ChangeSetInfo*> out;
  for (const auto& c : state.change_sets()) {
    for (const auto& cite : c.data.cites) {
      if (cite.response == response && (point.empty() || cite.point == point)) {
        out.push_back(&c);
        break;
      }
    }
  }
  return out;
}

json ChangeSetToJson(const ChangeSetInfo& c) {
  return json{
      {"change", c.data.change},
      {"rationale", c.data.rationale},
      {"cites", CitesToJson(c.data.cites)},
      {"ops", OpsToJson(c.data.ops)},
      {"source", c.data.source},
      {"actor", {{"token_id", c.actor.token_id}, {"role", c.actor.role}, {"party", c.actor.party}}},
      {"time", FormatRfc3339Ms(c.recorded_at_ms)},
      {"position", c.position},
      {"stream_version", c.stream_version}};
}

json ChangeLogToJson(const ChangeLog& log, const json& from_ref, const json& to_ref) {
  json items = json::array();
  for (const ChangeSetInfo* c : log.items) items.push_back(ChangeSetToJson(*c));
  return json{
      {"from", from_ref}, {"to", to_ref}, {"reversed", log.reversed}, {"items", std::move(items)}};
}

}  // namespace hoering::agreements
