#include "server/app/trace_queries.h"

#include <cstdint>

#include "domain/audit/trace.h"
#include "server/app/response_loader.h"

namespace hoering::app {

Result<nlohmann::json> DecisionTrace(AppContext& ctx, const std::string& decision) {
  // A copy of the views (cheap: states are shared), so that the responses
  // the trace cites are read from the log without holding the views' lock.
  const Views v = ctx.views.Copy().first;
  auto d = v.decisions.Get(decision);
  if (!d.ok()) return d.status();
  auto agreement = v.agreements.Get((*d)->data.subject.agreement);
  if (!agreement.ok()) return agreement.status();
  std::vector<std::string> ids;
  for (const auto& c :
       v.consultations.ListConsultations("", SIZE_MAX, (*d)->data.subject.agreement)) {
    ids.push_back(c->info().id);
  }
  return audit::TraceDecision(**d, **agreement, v.consultations, ids, ResponsesIn(ctx.log));
}

Result<nlohmann::json> ResponseTrace(AppContext& ctx, const access::Principal& who,
                                     const std::string& response) {
  auto r = ctx.response_cache.Load(response);
  if (!r.ok()) return r.status();
  return ctx.views.Read([&](const Views& v) -> Result<nlohmann::json> {
    if (who.role == access::Role::kStakeholder && (*r)->party() != who.party) {
      return NotFound("response '" + response + "' does not exist", "response-not-found");
    }
    auto agreement = v.agreements.Get((*r)->agreement());
    if (!agreement.ok()) return agreement.status();
    return audit::TraceResponse(**r, **agreement, v.consultations, v.decisions);
  });
}

}  // namespace hoering::app
