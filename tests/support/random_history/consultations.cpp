// The random history's consultation rounds (generator.h): opening on the
// latest version, the consultation period (submissions, amendments,
// withdrawals, an extension or an explicit close), late responses, then
// dispositions and change sets citing response points.
#include <algorithm>
#include <set>

#include "domain/agreements/agreement_decide.h"
#include "domain/consultations/consultation_decide.h"
#include "tests/support/random_history/generator.h"
#include "tests/support/random_history/prose.h"

namespace hoering::testdata::history {

std::string Generator::ConsultationStreamOf(const AgreementSim& a) {
  return cs::ConsultationStream(a.consultation);
}

Status Generator::ApplyConsultation(AgreementSim& a, const std::vector<RecordedEvent>& events) {
  for (const auto& r : events) {
    if (Status s = a.cons.Apply(r); !s.ok()) return Bug("fold consultation", s);
  }
  return Status::Ok();
}

Status Generator::Open(AgreementSim& a) {
  cs::OpenConsultation cmd;
  cmd.id = std::string(a.spec->id) + "-hoering-" + std::to_string(a.round);
  cmd.agreement = a.spec->id;
  cmd.version = std::to_string(a.state.versions().size());
  cmd.title = "Høring over " + std::string(a.spec->title) + ", udkast " + std::to_string(a.round);
  a.now += rng_.Between(1, 3) * kDay;
  cmd.opens_at = a.now;
  cmd.closes_at = a.now + rng_.Between(28, 56) * kDay;
  cmd.invited = a.parties;
  for (std::size_t i = 1 + kMunicipalities + 1; i < Parties().size(); ++i) {
    if (rng_.Chance(0.6)) cmd.invited.push_back(Parties()[i].id);
  }
  cmd.time_zone = "Europe/Copenhagen";
  a.consultation = cmd.id;
  a.cons = cs::ConsultationState();
  auto events = cs::DecideOpen(a.cons, cmd, &a.state, [](const std::string&) { return true; });
  if (!events.ok()) return Bug("open consultation", events.status());
  if (Status s = ApplyConsultation(a, writer_.Write(ConsultationStreamOf(a), *events, Secretariat(),
                                                    a.now, {ag::StreamFor(a.spec->id)}));
      !s.ok()) {
    return s;
  }
  a.consulted = std::make_shared<const ag::SectionTree>(a.state.text());
  a.consulted_ids = AllIds(*a.consulted);
  a.invited = cmd.invited;
  a.responses.clear();
  a.pending.clear();
  a.disposed.clear();
  a.round_changes.clear();
  a.target = rng_.Between(100, 400);
  a.step = (cmd.closes_at - cmd.opens_at) / static_cast<TimeMs>(a.target * 8 / 5);
  a.phase = Phase::kConsult;
  return Status::Ok();
}

Status Generator::Consult(AgreementSim& a) {
  a.now += a.step / 2 + static_cast<TimeMs>(rng_.Below(static_cast<std::uint64_t>(a.step) + 1));
  const bool rule = (a.round + static_cast<int>(a.index)) % 2 == 1;
  if (a.cons.PhaseAt(a.now) == cs::Phase::kClosed || a.responses.size() >= a.target) {
    if (rule && a.cons.PhaseAt(a.now) == cs::Phase::kOpen) {
      std::optional<std::string> reason;
      if (rng_.Chance(0.5)) reason = "Alle inviterede parter har svaret";
      auto events = cs::DecideClose(a.cons, reason);
      if (!events.ok()) return Bug("close", events.status());
      if (Status s = ApplyConsultation(
              a, writer_.Write(ConsultationStreamOf(a), *events, Secretariat(), a.now));
          !s.ok()) {
        return s;
      }
    } else {
      a.now = std::max(a.now, a.cons.closes_at() + rng_.Between(1, 12) * kHour);
    }
    a.phase = Phase::kLate;
    a.late_todo = (a.round + static_cast<int>(a.index)) % 4 == 0 ? rng_.Between(1, 3) : 0;
    return Status::Ok();
  }
  if ((a.round + static_cast<int>(a.index)) % 3 == 0 && a.cons.extensions().empty() &&
      a.responses.size() * 10 >= a.target * 7) {
    cs::ExtendDeadline cmd{a.cons.closes_at() + rng_.Between(7, 21) * kDay,
                           "Forlænget efter ønske fra " + std::string(rng_.Pick(Parties()).name)};
    auto events = cs::DecideExtend(a.cons, cmd, a.now);
    if (!events.ok()) return Bug("extend", events.status());
    a.target += a.target / 4;
    return ApplyConsultation(a,
                             writer_.Write(ConsultationStreamOf(a), *events, Secretariat(), a.now));
  }
  const std::uint64_t r = rng_.Below(100);
  if (r >= 68 && r < 90) {
    if (ResponseSim* x = LiveResponse(a)) return Amend(a, *x);
  } else if (r >= 90 && r < 95) {
    if (ResponseSim* x = LiveResponse(a)) return Withdraw(a, *x);
  }
  return Submit(a, false);
}

Status Generator::Late(AgreementSim& a) {
  if (a.late_todo > 0) {
    --a.late_todo;
    a.now += rng_.Between(1, 24) * kHour;
    return Submit(a, true);
  }
  for (std::size_t i = 0; i < a.responses.size(); ++i) {
    const auto& st = a.responses[i]->state;
    if (st.withdrawn()) continue;
    for (std::uint32_t p = 1; p <= st.current().content.points.size(); ++p) {
      if (rng_.Chance(0.85)) a.pending.emplace_back(i, p);  // some points get none
    }
  }
  rng_.Shuffle(a.pending);
  a.pending_total = a.pending.size();
  a.changes_planned = static_cast<int>(rng_.Between(2, 5));
  a.changes_done = 0;
  a.phase = Phase::kProcess;
  return Status::Ok();
}

Status Generator::Process(AgreementSim& a) {
  const std::size_t disposed = a.pending_total - a.pending.size();
  const bool change_due =
      a.changes_done < a.changes_planned &&
      (a.pending.empty() || disposed * static_cast<std::size_t>(a.changes_planned) >=
                                static_cast<std::size_t>(a.changes_done) * a.pending_total);
  if (change_due) {
    ++a.changes_done;
    std::vector<ag::Cite> cites;
    std::vector<std::string> reads;
    std::string focus;
    std::set<std::pair<std::string, std::string>> seen;
    for (std::int64_t i = 0, n = rng_.Between(1, 3); i < n && a.pending_total > 0; ++i) {
      const auto& [ri, point] = a.pending.empty() ? rng_.Pick(a.disposed) : rng_.Pick(a.pending);
      const ResponseSim& r = *a.responses[ri];
      if (!seen.insert({r.id, std::to_string(point)}).second) continue;
      cites.push_back({r.id, std::to_string(point)});
      reads.push_back(cs::ResponseStream(r.id));
      const auto& section = r.state.current().content.points[point - 1].section;
      if (focus.empty() && section) focus = *section;
    }
    const std::string change = a.state.NextChangeId();
    Status s = Change(a, std::move(cites), rng_.Between(1, 4), focus, reads);
    if (s.ok()) a.round_changes.push_back(change);
    return s;
  }
  if (!a.disposed.empty() && rng_.Chance(0.08)) {
    const auto [ri, point] = rng_.Pick(a.disposed);
    return Dispose(a, ri, point);  // re-recorded: the latest counts
  }
  if (!a.pending.empty()) {
    const auto [ri, point] = a.pending.back();
    a.pending.pop_back();
    a.disposed.emplace_back(ri, point);
    return Dispose(a, ri, point);
  }
  a.phase = Phase::kPublishFinal;
  return Status::Ok();
}

Status Generator::Dispose(AgreementSim& a, std::size_t ri, std::uint32_t point) {
  ResponseSim& r = *a.responses[ri];
  static const cs::Outcome kOutcomes[] = {
      cs::Outcome::kAccepted,    cs::Outcome::kPartiallyAccepted,
      cs::Outcome::kNotAccepted, cs::Outcome::kNoted,
      cs::Outcome::kNoted,       cs::Outcome::kOutOfScope};
  cs::RecordDisposition cmd;
  cmd.outcome = rng_.Pick(kOutcomes);
  cmd.rationale = std::string(rng_.Pick(Words().openers)) + " " + rng_.Pick(Words().objects) +
                  ". " + Paragraph(rng_, 1, 2);
  std::vector<std::string> reads;
  if ((cmd.outcome == cs::Outcome::kAccepted || cmd.outcome == cs::Outcome::kPartiallyAccepted) &&
      !a.round_changes.empty() && rng_.Chance(0.7)) {
    cmd.changes.push_back(rng_.Pick(a.round_changes));
    reads.push_back(ag::StreamFor(a.spec->id));
  }
  auto events = cs::DecideDisposition(r.state.decision(), point, cmd, a.state);
  if (!events.ok()) return Bug("disposition", events.status());
  a.now += rng_.Between(5, 120) * kMinute;
  return ApplyResponse(
      r, writer_.Write(cs::ResponseStream(r.id), *events, Secretariat(), a.now, reads));
}

}  // namespace hoering::testdata::history
