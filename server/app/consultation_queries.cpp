#include "server/app/consultation_queries.h"

#include "server/app/consultation_access.h"

namespace hoering::app {

namespace cs = consultations;

namespace {

nlohmann::json ConsultationJsonNow(AppContext& ctx, const cs::ConsultationState& c) {
  auto responses =
      ctx.models.Read([&](const Views& v) { return v.consultations.ResponsesOf(c.info().id); });
  return cs::ConsultationJson(c, ctx.clock(), responses);
}

}  // namespace

Result<ConsultationDocument> ConsultationFor(AppContext& ctx, const std::string& id) {
  auto c = LoadConsultation(ctx, id);
  if (!c.ok()) return c.status();
  return ConsultationDocument{ConsultationJsonNow(ctx, **c), (*c)->version()};
}

Page ConsultationsPage(AppContext& ctx, const ConsultationsQuery& query) {
  auto found = ctx.models.Read([&](const Views& v) {
    return v.consultations.ListConsultations(query.after, query.limit + 1, query.agreement);
  });
  Page page;
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (i == query.limit) {
      page.next = found[i - 1]->info().id;
      break;
    }
    page.items.push_back(ConsultationJsonNow(ctx, *found[i]));
  }
  return page;
}

}  // namespace hoering::app
