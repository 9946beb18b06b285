#include "domain/agreements/agreement_views.h"

#include "domain/agreements/text_json.h"
#include "domain/time.h"

namespace hoering::agreements {

using nlohmann::json;

namespace {

json Head(const AgreementState& s, const VersionInfo* version) {
  const AgreementCreated& a = s.info();
  json j = {{"id", a.id},
            {"title", a.title},
            {"term", TermToJson(a.term)},
            {"parties", a.parties},
            {"created_at", FormatRfc3339Ms(s.created_at_ms())},
            {"version", version ? VersionRefJson(*version) : json(nullptr)}};
  if (a.subtitle) j["subtitle"] = *a.subtitle;
  return j;
}

}  // namespace

json VersionRefJson(const VersionInfo& v) {
  json j = {{"number", v.number},
            {"label", v.label},
            {"hash", v.hash},
            {"position", v.position},
            {"published_at", FormatRfc3339Ms(v.recorded_at_ms)},
            {"changes", v.changes},
            {"actor",
             {{"token_id", v.actor.token_id}, {"role", v.actor.role}, {"party", v.actor.party}}}};
  if (v.note) j["note"] = *v.note;
  return j;
}

json VersionsToJson(const AgreementState& s) {
  json arr = json::array();
  for (const auto& v : s.versions()) arr.push_back(VersionRefJson(v));
  return arr;
}

json AgreementJson(const AgreementState& s, const SectionTree& text, const VersionInfo* version,
                   const json& at) {
  json j = Head(s, version);
  j["sections"] = SectionsToJson(text);
  if (!at.is_null()) j["at"] = at;
  return j;
}

json AgreementJson(const AgreementState& s) {
  return AgreementJson(s, s.text(), s.latest_version());
}

json AgreementSummaryJson(const AgreementState& s) {
  json j = Head(s, s.latest_version());
  j["section_count"] = s.text().size();
  return j;
}

}  // namespace hoering::agreements
