#include "client/lib/api_inputs.h"

#include "domain/decimal.h"

namespace hoering::client {

using nlohmann::json;

json VersionSelectorJson(const std::string& selector) {
  if (auto number = ParseDecimal<std::uint32_t>(selector)) return *number;
  return selector;
}

json ToJson(const PartyInput& party) {
  return {{"id", party.id}, {"name", party.name}, {"kind", party.kind}};
}

json ToJson(const TokenRequest& request) {
  json body{{"role", request.role}, {"label", request.label}};
  if (!request.party.empty()) body["party"] = request.party;
  return body;
}

json ToJson(const AgreementInput& agreement) {
  json term = {{"years", agreement.years}};
  if (!agreement.entry_into_force.empty()) term["entry_into_force"] = agreement.entry_into_force;
  json body = {{"id", agreement.id},
               {"title", agreement.title},
               {"term", std::move(term)},
               {"parties", agreement.parties}};
  if (!agreement.subtitle.empty()) body["subtitle"] = agreement.subtitle;
  return body;
}

json ToJson(const ChangeSetInput& change_set) {
  json cites = json::array();
  for (const auto& c : change_set.cites)
    cites.push_back({{"response", c.response}, {"point", c.point}});
  return {
      {"rationale", change_set.rationale}, {"cites", std::move(cites)}, {"ops", change_set.ops}};
}

json ToJson(const VersionInput& version) {
  json body = {{"label", version.label}};
  if (version.note) body["note"] = *version.note;
  return body;
}

json ToJson(const ConsultationInput& consultation) {
  json body = {{"id", consultation.id},
               {"agreement", consultation.agreement},
               {"version", VersionSelectorJson(consultation.version)},
               {"title", consultation.title},
               {"opens_at", consultation.opens_at},
               {"closes_at", consultation.closes_at},
               {"invited", consultation.invited}};
  if (!consultation.time_zone.empty()) body["time_zone"] = consultation.time_zone;
  return body;
}

json ToJson(const ResponseSubmission& submission) {
  json body = submission.content;
  if (!submission.accept_late_reason.empty()) {
    body["accept_late"] = {{"reason", submission.accept_late_reason}};
  }
  return body;
}

json ToJson(const DispositionInput& disposition) {
  return {{"outcome", disposition.outcome},
          {"rationale", disposition.rationale},
          {"changes", disposition.changes}};
}

json ToJson(const DecisionInput& decision) {
  json conditions = json::array();
  for (const auto& c : decision.conditions) {
    conditions.push_back({{"text", c.text}, {"party", c.party}, {"due", c.due}});
  }
  json body = {
      {"id", decision.id},
      {"body", {{"name", decision.body_name}, {"party", decision.party}}},
      {"meeting_date", decision.meeting_date},
      {"subject",
       {{"agreement", decision.agreement}, {"version", VersionSelectorJson(decision.version)}}},
      {"outcome", decision.outcome},
      {"final_for_party", decision.final_for_party},
      {"conditions", std::move(conditions)},
      {"recommendations", decision.recommendations},
      {"basis",
       {{"consultations", decision.basis_consultations}, {"responses", decision.basis_responses}}},
      {"absent", decision.absent}};
  if (!decision.case_ref.empty()) body["case_ref"] = decision.case_ref;
  if (!decision.note.empty()) body["note"] = decision.note;
  return body;
}

}  // namespace hoering::client
