#include "domain/decisions/decision_events.h"

#include "domain/enum_names.h"
#include "domain/events/event_data.h"

namespace hoering::decisions {

using nlohmann::json;

std::string DecisionStream(const std::string& id) {
  return "decision-" + id;
}
std::string ObligationStream(const std::string& agreement) {
  return "obligations-" + agreement;
}

namespace {
constexpr EnumName<Outcome> kOutcomeNames[] = {
    {Outcome::kApproved, "approved"},
    {Outcome::kApprovedWithConditions, "approved_with_conditions"},
    {Outcome::kRejected, "rejected"},
    {Outcome::kPostponed, "postponed"},
    {Outcome::kNoted, "noted"}};
}  // namespace

std::string OutcomeName(Outcome o) {
  return std::string(NameIn(kOutcomeNames, o, "noted"));
}

std::optional<Outcome> ParseOutcome(const std::string& s) {
  return ValueIn(kOutcomeNames, s);
}

json DecisionJson(const DecisionRecorded& d) {
  json conditions = json::array();
  for (const auto& c : d.conditions) {
    conditions.push_back({{"n", c.n}, {"text", c.text}, {"party", c.party}, {"due", c.due}});
  }
  json j = {{"id", d.id},
            {"body", {{"name", d.body.name}, {"party", d.body.party}}},
            {"meeting_date", d.meeting_date},
            {"subject",
             {{"agreement", d.subject.agreement},
              {"version", d.subject.version},
              {"label", d.subject.label},
              {"hash", d.subject.hash}}},
            {"outcome", OutcomeName(d.outcome)},
            {"final_for_party", d.final_for_party},
            {"conditions", std::move(conditions)},
            {"recommendations", d.recommendations},
            {"basis", {{"consultations", d.basis_consultations}, {"responses", d.basis_responses}}},
            {"absent", d.absent}};
  if (d.case_ref) j["case_ref"] = *d.case_ref;
  if (d.note) j["note"] = *d.note;
  return j;
}

NewEvent ToEvent(const DecisionRecorded& e) {
  return {kDecisionRecorded, 1, DecisionJson(e), {}};
}

NewEvent ToEvent(const ConditionFulfilled& e) {
  return {kConditionFulfilled,
          1,
          {{"decision", e.decision}, {"condition", e.condition}, {"evidence", e.evidence}},
          {}};
}

NewEvent ToEvent(const ObligationFulfilled& e) {
  return {kObligationFulfilled,
          1,
          {{"agreement", e.agreement}, {"obligation", e.obligation}, {"evidence", e.evidence}},
          {}};
}

Result<DecisionRecorded> DecisionRecordedFromJson(const json& j) {
  return events::ReadEventData("decision", kDecisionRecorded, [&] {
    DecisionRecorded d;
    d.id = j.at("id").get<std::string>();
    d.body = {j.at("body").at("name").get<std::string>(),
              j.at("body").at("party").get<std::string>()};
    d.meeting_date = j.at("meeting_date").get<std::string>();
    d.case_ref = events::OptionalText(j, "case_ref");
    const json& s = j.at("subject");
    d.subject = {s.at("agreement").get<std::string>(), s.at("version").get<std::uint32_t>(),
                 s.at("label").get<std::string>(), s.at("hash").get<std::string>()};
    auto o = ParseOutcome(j.at("outcome").get<std::string>());
    if (!o) throw std::invalid_argument("bad outcome");
    d.outcome = *o;
    d.final_for_party = j.at("final_for_party").get<bool>();
    for (const auto& c : j.at("conditions")) {
      d.conditions.push_back({c.at("n").get<std::uint32_t>(), c.at("text").get<std::string>(),
                              c.at("party").get<std::string>(), c.at("due").get<std::string>()});
    }
    d.recommendations = j.at("recommendations").get<std::vector<std::string>>();
    d.basis_consultations = j.at("basis").at("consultations").get<std::vector<std::string>>();
    d.basis_responses = j.at("basis").at("responses").get<std::vector<std::string>>();
    d.absent = j.at("absent").get<std::vector<std::string>>();
    d.note = events::OptionalText(j, "note");
    return d;
  });
}

Result<ConditionFulfilled> ConditionFulfilledFromJson(const json& j) {
  return events::ReadEventData("decision", kConditionFulfilled, [&] {
    return ConditionFulfilled{j.at("decision").get<std::string>(),
                              j.at("condition").get<std::uint32_t>(),
                              j.at("evidence").get<std::string>()};
  });
}

Result<ObligationFulfilled> ObligationFulfilledFromJson(const json& j) {
  return events::ReadEventData("decision", kObligationFulfilled, [&] {
    return ObligationFulfilled{j.at("agreement").get<std::string>(),
                               j.at("obligation").get<std::string>(),
                               j.at("evidence").get<std::string>()};
  });
}

}  // namespace hoering::decisions
