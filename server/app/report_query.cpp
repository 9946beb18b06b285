#include "server/app/report_query.h"

#include <limits>

#include "domain/consultations/report.h"
#include "server/app/agreement_access.h"

namespace hoering::app {

namespace cs = consultations;

struct ReportPasses::Loaded {
  std::shared_ptr<const cs::ConsultationState> consultation;
  std::shared_ptr<const agreements::AgreementState> agreement;
  std::shared_ptr<const agreements::SectionTree> consulted;
  cs::ReportFacts facts;
};

ReportPasses::ReportPasses(AppContext& ctx, const std::string& id, Loaded loaded)
    : consultation_(std::move(loaded.consultation)),
      agreement_(std::move(loaded.agreement)),
      consulted_(std::move(loaded.consulted)),
      facts_(std::move(loaded.facts)),
      cursor_(ctx, id, facts_.as_of_position) {}

Result<std::unique_ptr<ReportPasses>> ReportPasses::Open(AppContext& ctx,
                                                         const access::Principal& who,
                                                         const std::string& id) {
  Loaded l;
  l.facts.as_of_position = ctx.views.position();  // before anything is read
  auto c = LoadConsultation(ctx, id);
  if (!c.ok()) return c.status();
  l.consultation = std::move(c).value();
  auto agreement = LoadAgreement(ctx, l.consultation->info().agreement);
  if (!agreement.ok()) return agreement.status();
  l.agreement = std::move(agreement).value();
  auto consulted = ConsultedText(ctx, *l.consultation);
  if (!consulted.ok()) return consulted.status();
  l.consulted = std::move(consulted).value();
  l.facts.consultation = l.consultation.get();
  l.facts.agreement = l.agreement.get();
  l.facts.consulted_text = l.consulted.get();
  l.facts.party = [&ctx](const std::string& party) -> std::optional<cs::PartyFacts> {
    return ctx.views.Read([&](const Views& v) -> std::optional<cs::PartyFacts> {
      const parties::Party* p = v.parties.Find(party);
      if (p == nullptr) return std::nullopt;
      return cs::PartyFacts{p->name, p->kind};
    });
  };
  l.facts.cited_by = [&ctx](const std::string& response, std::uint32_t point) {
    return CitedByFor(ctx, response)(point);
  };
  l.facts.reader = ReaderOf(who);
  l.facts.now = ctx.clock();
  const std::string agreement_id = l.consultation->info().agreement;
  const std::uint64_t as_of = l.facts.as_of_position;
  std::unique_ptr<ReportPasses> passes(new ReportPasses(ctx, id, std::move(l)));

  cs::ReportTally& tally = passes->tally_;
  auto& kept = passes->kept_;
  kept.emplace();
  ResponseCursor first(ctx, id, as_of);
  for (;;) {
    auto r = first.Next();
    if (!r.ok()) return r.status();
    if (*r == nullptr) break;
    tally.Add(**r);
    if (kept && kept->size() == kKeptBetweenPasses) kept.reset();  // a large one: fold again
    if (kept) kept->push_back(std::move(*r));
  }
  if (!tally.changes().empty()) {
    auto excerpts = ctx.change_excerpts.For(agreement_id, tally.changes(), [&] {
      return ctx.log.ReadStream(agreements::StreamFor(agreement_id), 1,
                                std::numeric_limits<std::size_t>::max());
    });
    if (!excerpts.ok()) return excerpts.status();
    passes->facts_.excerpts = std::move(excerpts).value();
  }
  return passes;
}

nlohmann::json ReportPasses::Head() const {
  return cs::ReportHead(facts_, tally_);
}

Result<std::optional<nlohmann::json>> ReportPasses::Next() {
  for (;;) {
    std::shared_ptr<const cs::ResponseState> r;
    if (kept_) {
      if (next_kept_ == kept_->size()) return std::optional<nlohmann::json>();
      r = (*kept_)[next_kept_++];
    } else {
      auto folded = cursor_.Next();
      if (!folded.ok()) return folded.status();
      if (*folded == nullptr) return std::optional<nlohmann::json>();
      r = std::move(folded).value();
    }
    if (auto entry = body_.Add(*r)) return entry;
  }
}

Result<nlohmann::json> ReportFor(AppContext& ctx, const access::Principal& who,
                                 const std::string& id) {
  auto passes = ReportPasses::Open(ctx, who, id);
  if (!passes.ok()) return passes.status();
  nlohmann::json report = (*passes)->Head();
  nlohmann::json responses = nlohmann::json::array();
  for (;;) {
    auto entry = (*passes)->Next();
    if (!entry.ok()) return entry.status();
    if (!*entry) break;
    responses.push_back(std::move(**entry));
  }
  report["responses"] = std::move(responses);
  report.update((*passes)->Tail());
  return report;
}

}  // namespace hoering::app
