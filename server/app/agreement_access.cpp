#include "server/app/agreement_access.h"

#include "domain/agreements/agreement_events.h"

namespace hoering::app {

Result<std::shared_ptr<const agreements::AgreementState>> LoadAgreement(AppContext& ctx,
                                                                        const std::string& id) {
  return ctx.views.Read([&](const Views& v) { return v.agreements.Get(id); });
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
