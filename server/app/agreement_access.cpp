#include "server/app/agreement_access.h"

#include "domain/agreements/agreement_events.h"
#include "domain/agreements/agreement_views.h"

namespace hoering::app {

Result<std::shared_ptr<const agreements::AgreementState>> LoadAgreement(AppContext& ctx,
                                                                        const std::string& id) {
  return ctx.views.Read([&](const Views& v) { return v.agreements.Get(id); });
}

Page AgreementsPage(AppContext& ctx, const PageRequest& page) {
  auto found =
      ctx.views.Read([&](const Views& v) { return v.agreements.List(page.after, page.limit + 1); });
  return PageOf(
      found, page.limit, [](const auto& a) { return a->info().id; },
      [](const auto& a) { return agreements::AgreementSummaryJson(*a); });
}

Result<std::vector<RecordedEvent>> EventsFor(AppContext& ctx, const std::string& id,
                                             std::initializer_list<agreements::AtSelector> ats) {
  using Kind = agreements::AtSelector::Kind;
  bool needed = false;
  for (const auto& at : ats) needed |= at.kind == Kind::kPosition || at.kind == Kind::kTime;
  if (!needed) return std::vector<RecordedEvent>{};
  return ctx.log.ReadStream(agreements::StreamFor(id), 1, std::numeric_limits<std::size_t>::max());
}

}  // namespace hoering::app
