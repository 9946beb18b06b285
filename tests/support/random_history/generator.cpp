// The random history generator: Run, setup (parties and tokens) and the main
// loop that steps the agreements (generator.h); and AppendRandomHistory.
#include "tests/support/random_history/generator.h"

#include <algorithm>
#include <memory>

#include "domain/access/access.h"
#include "domain/parties/party.h"
#include "domain/sha256.h"
#include "tests/support/random_history/cast.h"

namespace hoering::testdata::history {

Generator::Generator(EventStore& store, const HistoryOptions& options)
    : options_(options), rng_(options.seed), writer_(store, rng_, options.in_flight) {}

Result<HistoryStats> Generator::Run() {
  Status s = Setup();
  if (s.ok()) s = MainLoop();
  auto written = writer_.Finish();
  if (!written.ok()) return written.status();
  if (!s.ok()) return s;
  return written;
}

Status Generator::Setup() {
  TimeMs at = kStartMs;
  Status s;
  admin_ = IssueToken("admin", "", "bootstrap admin", Actor{}, at, s);
  for (const PartySpec& p : Parties()) {
    auto e = parties::DecideRegister(p.id, p.name, p.kind);
    if (!e.ok()) return Bug("register party", e.status());
    at += rng_.Between(1, 30) * kMinute;
    writer_.Write(parties::StreamFor(p.id), {*e}, admin_, at);
    party_ids_.push_back(p.id);
  }
  for (int i = 0; i < 2; ++i) {
    secretariat_.push_back(
        IssueToken("secretariat", "", "sekretariatet " + std::to_string(i + 1), admin_, at, s));
  }
  IssueToken("auditor", "", "revision", admin_, at, s);
  for (const PartySpec& p : Parties()) {
    at += rng_.Between(1, 10) * kMinute;
    stakeholder_[p.id] = IssueToken("stakeholder", p.id, std::string(p.name), admin_, at, s);
  }
  // Tokens replaced later: two of four are revoked.
  std::vector<std::string> extra;
  for (int i = 0; i < 4; ++i) {
    extra.push_back(
        IssueToken("stakeholder", Parties()[1 + i].id, "erstattet token", admin_, at, s).token_id);
  }
  if (!s.ok()) return s;
  for (int i = 0; i < 2; ++i) {
    auto e = access::DecideRevoke(access_, extra[i]);
    if (!e.ok()) return Bug("revoke token", e.status());
    for (const auto& r : writer_.Write(access::kStream, {*e}, admin_, at += kHour))
      access_.Apply(r);
  }
  for (std::size_t i = 0; i < std::size(kAgreements); ++i) {
    auto a = std::make_unique<AgreementSim>();
    a->index = i;
    a->spec = &kAgreements[i];
    a->now = kStartMs + static_cast<TimeMs>(i) * 7 * kDay + kDay;
    a->parties.push_back(Parties()[0].id);
    for (std::size_t m = 0; m < a->spec->municipalities && m < kMunicipalities; ++m) {
      a->parties.push_back(Parties()[1 + m].id);
    }
    if (a->spec->practice) a->parties.push_back("plo-midtjylland");
    agreements_.push_back(std::move(a));
  }
  return Status::Ok();
}

Actor Generator::IssueToken(const std::string& role, const std::string& party,
                            const std::string& label, const Actor& by, TimeMs at, Status& s) {
  access::IssueTokenCommand cmd{"tok_" + rng_.Hex(16), ToHex(Sha256("hoer_" + rng_.Hex(43))), role,
                                party, label};
  auto e = access::DecideIssue(cmd, !party.empty());
  if (!e.ok()) {
    s = Bug("issue token", e.status());
    return {};
  }
  for (const auto& r :
       writer_.Write(access::kStream, {*e}, by, at,
                     party.empty() ? std::vector<std::string>{}
                                   : std::vector<std::string>{parties::StreamFor(party)})) {
    access_.Apply(r);
  }
  return {cmd.id, role, party};
}

const Actor& Generator::Secretariat() {
  return secretariat_[rng_.Below(secretariat_.size())];
}

Status Generator::MainLoop() {
  const std::uint64_t damage_every = std::max<std::uint64_t>(500, options_.events / 30);
  std::uint64_t next_damage = damage_every / 2;
  int damage_kind = 0;
  while (writer_.planned() < options_.events) {
    if (writer_.Failed()) return Status::Ok();  // Run() reports the store's error
    Status s;
    if (options_.damaged && writer_.planned() >= next_damage) {
      s = Damage(damage_kind++);
      next_damage += damage_every;
    } else if (!decisions_.empty() && rng_.Chance(0.003)) {
      s = FulfilCondition();
    } else {
      s = Step(*agreements_[rng_.Below(agreements_.size())]);
    }
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status Generator::Step(AgreementSim& a) {
  switch (a.phase) {
    case Phase::kCreate:
      return Create(a);
    case Phase::kDraft: {
      Status s = (a.round == 1) ? InitialText(a) : Change(a, {}, rng_.Between(1, 6));
      if (s.ok() && --a.todo <= 0) a.phase = Phase::kPublishDraft;
      return s;
    }
    case Phase::kPublishDraft:
      return Publish(a, "høringsudkast " + std::to_string(a.round), Phase::kOpen);
    case Phase::kOpen:
      return Open(a);
    case Phase::kConsult:
      return Consult(a);
    case Phase::kLate:
      return Late(a);
    case Phase::kProcess:
      return Process(a);
    case Phase::kPublishFinal:
      return Publish(a, "vedtaget " + std::to_string(a.round), Phase::kDecide);
    case Phase::kDecide:
      return Decide(a);
  }
  return Status::Ok();
}

}  // namespace hoering::testdata::history

namespace hoering::testdata {

Result<HistoryStats> AppendRandomHistory(EventStore& store, const HistoryOptions& options) {
  history::Generator g(store, options);
  return g.Run();
}

}  // namespace hoering::testdata
