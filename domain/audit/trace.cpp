#include "domain/audit/trace.h"

#include <algorithm>

#include "domain/consultations/consultation_json.h"
#include "domain/decimal.h"
#include "domain/time.h"

namespace hoering::audit {

using nlohmann::json;
namespace ag = agreements;
namespace cs = consultations;
namespace dc = decisions;

std::uint64_t ChangeNumber(const std::string& id) {
  if (id.rfind("c-", 0) != 0) return 0;
  return ParseDecimal<std::uint64_t>(std::string_view(id).substr(2)).value_or(0);
}

namespace {

json VersionRef(const ag::VersionInfo& v) {
  return {{"number", v.number}, {"label", v.label}, {"hash", v.hash}};
}

json CiteTrace(const ag::Cite& cite, const cs::ResponseLookup& responses) {
  json out = {{"response", cite.response}, {"point", cite.point}};
  auto r = responses(cite.response);
  if (!r.ok()) {
    out["missing"] = true;
    return out;
  }
  const cs::ResponseState& resp = **r;
  out["party"] = resp.party();
  out["consultation"] = resp.consultation();
  out["receipt"] = {{"revision", resp.current().revision},
                    {"position", resp.current().recorded.position},
                    {"hash", resp.current().recorded.hash}};
  const std::uint32_t n = ParseDecimal<std::uint32_t>(cite.point).value_or(0);
  const auto& points = resp.current().content.points;
  out["point_text"] = n >= 1 && n <= points.size() ? json(points[n - 1].text) : json();
  const cs::DispositionInfo* d = resp.CurrentDisposition(n);
  out["disposition"] = d ? json{{"outcome", cs::OutcomeName(d->outcome)},
                                {"rationale", d->rationale},
                                {"changes", d->changes}}
                         : json();
  return out;
}

json DecisionSummary(const dc::DecisionInfo& d) {
  return {{"id", d.data.id},
          {"body", d.data.body.name},
          {"party", d.data.body.party},
          {"meeting_date", d.data.meeting_date},
          {"outcome", dc::OutcomeName(d.data.outcome)},
          {"final_for_party", d.data.final_for_party},
          {"version", d.data.subject.version},
          {"position", d.position},
          {"hash", d.hash}};
}

}  // namespace

Result<json> TraceDecision(const dc::DecisionInfo& decision, const ag::AgreementState& agreement,
                           const cs::ConsultationsView& consultations,
                           const std::vector<std::string>& consultation_ids,
                           const cs::ResponseLookup& responses) {
  const ag::VersionInfo* v = agreement.FindVersion(decision.data.subject.version);
  if (v == nullptr) {
    return NotFound("the decided version is not in the agreement", "version-not-found");
  }
  json consulted = json::array();
  std::optional<std::uint32_t> since;
  for (const auto& id : consultation_ids) {
    auto c = consultations.GetConsultation(id);
    if (!c.ok()) continue;
    const auto& info = (*c)->info();
    consulted.push_back({{"id", info.id},
                         {"title", info.title},
                         {"version", cs::VersionRefJson(info.version)},
                         {"opens_at", FormatRfc3339(info.opens_at)},
                         {"closes_at", FormatRfc3339((*c)->closes_at())}});
    if (info.version.number <= v->number) {
      since = since ? std::min(*since, info.version.number) : info.version.number;
    }
  }
  const std::uint64_t from = since ? agreement.FindVersion(*since)->changes : 0;
  json changes = json::array();
  const auto& sets = agreement.change_sets();
  for (std::uint64_t i = from; i < v->changes && i < sets.size(); ++i) {
    const ag::ChangeSetInfo& c = sets[i];
    json cites = json::array();
    for (const auto& cite : c.data.cites) cites.push_back(CiteTrace(cite, responses));
    changes.push_back({{"change", c.id()},
                       {"rationale", c.data.rationale},
                       {"position", c.position},
                       {"recorded_at", FormatRfc3339(c.recorded_at_ms)},
                       {"actor", c.actor.role},
                       {"cites", std::move(cites)}});
  }
  json d = DecisionSummary(decision);
  return json{{"decision", d},
              {"version",
               {{"number", v->number},
                {"label", v->label},
                {"hash", v->hash},
                {"position", v->position},
                {"published_at", FormatRfc3339(v->recorded_at_ms)},
                {"hash_matches", v->hash == decision.data.subject.hash}}},
              {"consultations", std::move(consulted)},
              {"since", since ? json(*since) : json()},
              {"changes", std::move(changes)}};
}

Result<json> TraceResponse(const cs::ResponseState& response, const ag::AgreementState& agreement,
                           const cs::ConsultationsView& consultations,
                           const dc::DecisionsView& decisions) {
  json revisions = json::array();
  for (const auto& rev : response.revisions()) {
    revisions.push_back(
        {{"revision", rev.revision},
         {"submitted_at", FormatRfc3339Ms(rev.submitted_at)},
         {"receipt", {{"position", rev.recorded.position}, {"hash", rev.recorded.hash}}}});
  }
  json points = json::array();
  std::vector<std::string> change_ids;
  const auto& content = response.current().content;
  for (std::uint32_t n = 1; n <= content.points.size(); ++n) {
    json history = json::array();
    if (auto it = response.dispositions().find(n); it != response.dispositions().end()) {
      for (const auto& d : it->second) history.push_back(cs::DispositionJson(d));
    }
    json cited_by = json::array();
    for (const auto& c : consultations.CitationsOf(response.id(), n)) {
      cited_by.push_back(c.change);
      if (std::find(change_ids.begin(), change_ids.end(), c.change) == change_ids.end()) {
        change_ids.push_back(c.change);
      }
    }
    if (const cs::DispositionInfo* d = response.CurrentDisposition(n)) {
      for (const auto& c : d->changes) {
        if (std::find(change_ids.begin(), change_ids.end(), c) == change_ids.end()) {
          change_ids.push_back(c);
        }
      }
    }
    points.push_back({{"n", n},
                      {"text", content.points[n - 1].text},
                      {"dispositions", std::move(history)},
                      {"cited_by", std::move(cited_by)}});
  }
  std::sort(change_ids.begin(), change_ids.end(), [](const std::string& a, const std::string& b) {
    return ChangeNumber(a) < ChangeNumber(b);
  });
  json changes = json::array();
  std::vector<std::uint32_t> version_numbers;
  for (const auto& id : change_ids) {
    const ag::ChangeSetInfo* c = agreement.FindChangeSet(id);
    if (c == nullptr) continue;
    json in_versions = json::array();
    for (const auto& v : agreement.versions()) {
      if (v.changes >= ChangeNumber(id)) {
        in_versions.push_back(v.number);
        if (std::find(version_numbers.begin(), version_numbers.end(), v.number) ==
            version_numbers.end()) {
          version_numbers.push_back(v.number);
        }
      }
    }
    changes.push_back({{"change", id},
                       {"rationale", c->data.rationale},
                       {"position", c->position},
                       {"versions", std::move(in_versions)}});
  }
  std::sort(version_numbers.begin(), version_numbers.end());
  json versions = json::array();
  for (auto n : version_numbers) versions.push_back(VersionRef(*agreement.FindVersion(n)));
  json decided = json::array();
  // Decisions on the versions the response's changes reached: none when its
  // points changed nothing (most responses), so the agreement's decisions are
  // not walked then (on the 1M random history that walk was most of a trace).
  if (!version_numbers.empty()) {
    for (const auto& d : decisions.OnAgreement(agreement.info().id)) {
      if (std::binary_search(version_numbers.begin(), version_numbers.end(),
                             d->data.subject.version)) {
        decided.push_back(DecisionSummary(*d));
      }
    }
  }
  return json{{"response",
               {{"id", response.id()},
                {"consultation", response.consultation()},
                {"agreement", response.agreement()},
                {"party", response.party()},
                {"late", response.late()},
                {"withdrawn", response.withdrawn()}}},
              {"revisions", std::move(revisions)},
              {"points", std::move(points)},
              {"changes", std::move(changes)},
              {"versions", std::move(versions)},
              {"decisions", std::move(decided)}};
}

}  // namespace hoering::audit
