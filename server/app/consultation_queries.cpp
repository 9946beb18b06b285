#include "server/app/consultation_queries.h"

#include "server/app/consultation_access.h"

namespace hoering::app {

namespace cs = consultations;

namespace {

Result<nlohmann::json> ConsultationJsonNow(AppContext& ctx, const cs::ConsultationState& c) {
  auto counts = ResponseCountsOf(ctx, c.info().id);
  if (!counts.ok()) return counts.status();
  return cs::ConsultationJson(c, ctx.clock(), *counts);
}

}  // namespace

Result<ConsultationDocument> ConsultationFor(AppContext& ctx, const std::string& id) {
  auto c = LoadConsultation(ctx, id);
  if (!c.ok()) return c.status();
  auto json = ConsultationJsonNow(ctx, **c);
  if (!json.ok()) return json.status();
  return ConsultationDocument{std::move(json).value(), (*c)->version()};
}

Result<Page> ConsultationsPage(AppContext& ctx, const ConsultationsQuery& query) {
  auto found = ctx.views.Read([&](const Views& v) {
    return v.consultations.ListConsultations(query.after, query.limit + 1, query.agreement);
  });
  Page page;
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (i == query.limit) {
      page.next = found[i - 1]->info().id;
      break;
    }
    auto json = ConsultationJsonNow(ctx, *found[i]);
    if (!json.ok()) return json.status();
    page.items.push_back(std::move(json).value());
  }
  return page;
}

}  // namespace hoering::app
