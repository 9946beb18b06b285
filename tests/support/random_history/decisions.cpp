// The random history's decisions (generator.h): each deciding body's
// decision on the final version (some with conditions), fulfilled conditions
// and fulfilled obligations, then the next round.
#include <algorithm>
#include <set>

#include "domain/decisions/decision_decide.h"
#include "domain/decisions/ratification.h"
#include "tests/support/random_history/generator.h"
#include "tests/support/random_history/prose.h"

namespace hoering::testdata::history {

Status Generator::Decide(AgreementSim& a) {
  a.now += rng_.Between(1, 10) * kDay;
  if (a.todo > 0) {
    const bool first = a.todo == static_cast<int>(a.bodies.size());
    const std::string party = a.bodies[--a.todo];
    const bool region = party == Parties()[0].id;
    dc::RecordDecision cmd;
    dc::DecisionRecorded& d = cmd.decision;
    d.id = party + "-" + std::to_string(++decision_counter_);
    d.body = {region ? "Regionsrådet" : (party.size() % 2 ? "Byrådet" : "Kommunalbestyrelsen"),
              party};
    d.meeting_date = Date(a.now);
    if (rng_.Chance(0.6)) d.case_ref = "sag-" + rng_.Hex(6);
    d.subject.agreement = a.spec->id;
    cmd.version_selector = std::to_string(a.state.versions().size());
    static const dc::Outcome kOutcomes[] = {
        dc::Outcome::kApproved, dc::Outcome::kApproved,
        dc::Outcome::kApproved, dc::Outcome::kApprovedWithConditions,
        dc::Outcome::kRejected, dc::Outcome::kPostponed,
        dc::Outcome::kNoted};
    d.outcome = first ? dc::Outcome::kApprovedWithConditions : rng_.Pick(kOutcomes);
    d.final_for_party = d.outcome != dc::Outcome::kPostponed && d.outcome != dc::Outcome::kNoted;
    if (d.outcome == dc::Outcome::kApprovedWithConditions) {
      for (std::uint32_t n = 1, m = static_cast<std::uint32_t>(rng_.Between(1, 3)); n <= m; ++n) {
        d.conditions.push_back({n,
                                "Det forudsættes, at " + std::string(rng_.Pick(Words().objects)) +
                                    " indgår i den første handleplan.",
                                rng_.Pick(a.parties), Date(a.now + rng_.Between(90, 365) * kDay)});
      }
    }
    for (std::int64_t i = 0, n = rng_.Between(0, 2); i < n; ++i) {
      d.recommendations.push_back(Sentence(rng_));
    }
    std::vector<std::string> reads{ag::StreamFor(a.spec->id)};
    if (!a.consultation.empty()) {
      d.basis_consultations.push_back(a.consultation);
      reads.push_back(ConsultationStreamOf(a));
    }
    for (std::int64_t i = 0, n = rng_.Between(0, 4); i < n && !a.responses.empty(); ++i) {
      const std::string& rid = rng_.Pick(a.responses)->id;
      if (std::find(d.basis_responses.begin(), d.basis_responses.end(), rid) ==
          d.basis_responses.end()) {
        d.basis_responses.push_back(rid);
        reads.push_back(cs::ResponseStream(rid));
      }
    }
    if (rng_.Chance(0.3)) {
      d.absent.push_back(std::string(rng_.Pick(Words().first_names)) + " " +
                         rng_.Pick(Words().last_names));
    }
    if (rng_.Chance(0.3)) d.note = Sentence(rng_);
    auto events = dc::DecideRecord(false, cmd, &a.state, {});
    if (!events.ok()) return Bug("record decision", events.status());
    auto local = writer_.Write(dc::DecisionStream(d.id), *events, Secretariat(), a.now, reads);
    auto rec = dc::DecisionRecordedFromJson(json::parse(local.front().data));
    if (!rec.ok()) return Bug("read decision", rec.status());
    if (!rec->conditions.empty()) {
      DecisionSim sim;
      sim.info.data = *rec;
      sim.info.version = 1;
      for (const auto& c : rec->conditions) sim.open.push_back(c.n);
      sim_now_[d.id] = a.now;
      decisions_.push_back(std::move(sim));
    }
    return Status::Ok();
  }
  if (a.obligation_todo) {
    a.obligation_todo = false;
    std::set<std::string> keys;
    std::string next;
    for (const auto& o : dc::ObligationsOf(a.state.info().term)) {
      if (o.kind != "duty") continue;
      keys.insert(o.key);
      if (next.empty() && !a.obligations_done.count(o.key)) next = o.key;
    }
    if (!next.empty()) {
      auto events =
          dc::DecideObligationDone(a.spec->id, next, keys, a.obligations_done,
                                   "Behandlet på mødet " + Date(a.now) + ": " + Sentence(rng_));
      if (!events.ok()) return Bug("obligation", events.status());
      writer_.Write(dc::ObligationStream(a.spec->id), *events, Secretariat(), a.now,
                    {ag::StreamFor(a.spec->id)});
      a.obligations_done.insert(next);
      return Status::Ok();
    }
  }
  // Next round: a few drafting change sets, then a new draft.
  ++a.round;
  a.phase = Phase::kDraft;
  a.todo = static_cast<int>(rng_.Between(1, 3));
  return Status::Ok();
}

Status Generator::FulfilCondition() {
  const std::size_t i = rng_.Below(decisions_.size());
  DecisionSim& d = decisions_[i];
  const std::size_t k = rng_.Below(d.open.size());
  const std::uint32_t n = d.open[k];
  TimeMs& at = sim_now_[d.info.data.id];
  at += rng_.Between(7, 120) * kDay;
  auto events = dc::DecideFulfil(d.info, n, "Opfyldt, jf. " + Sentence(rng_));
  if (!events.ok()) return Bug("fulfil", events.status());
  writer_.Write(dc::DecisionStream(d.info.data.id), *events, Secretariat(), at);
  d.info.fulfilled[n] = dc::Fulfilment{};
  ++d.info.version;
  d.open.erase(d.open.begin() + static_cast<std::ptrdiff_t>(k));
  if (d.open.empty()) {
    sim_now_.erase(d.info.data.id);
    decisions_.erase(decisions_.begin() + static_cast<std::ptrdiff_t>(i));
  }
  return Status::Ok();
}

}  // namespace hoering::testdata::history
