#include "server/app/report_query.h"

#include <limits>

#include "domain/consultations/report.h"
#include "server/app/agreement_access.h"
#include "server/app/consultation_access.h"

namespace hoering::app {

namespace cs = consultations;

Result<nlohmann::json> ReportFor(AppContext& ctx, const access::Principal& who,
                                 const std::string& id) {
  auto c = LoadConsultation(ctx, id);
  if (!c.ok()) return c.status();
  auto agreement = LoadAgreement(ctx, (*c)->info().agreement);
  if (!agreement.ok()) return agreement.status();
  cs::ReportInput in;
  in.consultation = c->get();
  in.agreement = agreement->get();
  auto consulted = ConsultedText(ctx, **c);
  if (!consulted.ok()) return consulted.status();
  in.consulted_text = consulted->get();
  in.as_of_position = ctx.views.position();
  auto responses = AllResponsesOf(ctx, id);
  if (!responses.ok()) return responses.status();
  in.responses = std::move(responses).value();
  in.party = [&ctx](const std::string& party) -> std::optional<cs::PartyFacts> {
    return ctx.views.Read([&](const Views& v) -> std::optional<cs::PartyFacts> {
      const parties::Party* p = v.parties.Find(party);
      if (p == nullptr) return std::nullopt;
      return cs::PartyFacts{p->name, p->kind};
    });
  };
  in.cited_by = [&ctx](const std::string& response, std::uint32_t point) {
    return CitedByFor(ctx, response)(point);
  };
  in.reader = ReaderOf(who);
  in.now = ctx.clock();
  const std::set<std::string> changes = cs::ChangesInReport(in);
  if (!changes.empty()) {
    auto events = ctx.log.ReadStream(agreements::StreamFor((*c)->info().agreement), 1,
                                     std::numeric_limits<std::size_t>::max());
    if (!events.ok()) return events.status();
    auto excerpts = cs::ChangeExcerpts(*events, changes);
    if (!excerpts.ok()) return excerpts.status();
    in.excerpts = std::move(excerpts).value();
  }
  return cs::BuildReport(in);
}

}  // namespace hoering::app
