#include "server/app/decision_queries.h"

#include "domain/consultations/consultation_decide.h"
#include "domain/decisions/ratification.h"
#include "domain/time.h"
#include "server/app/agreement_access.h"

namespace hoering::app {

namespace dc = decisions;

namespace {

// Days since the Unix epoch, UTC.
std::int64_t Today(AppContext& ctx) {
  const std::int64_t ms = ctx.clock();
  return (ms >= 0 ? ms : ms - 86399999) / 86400000;
}

nlohmann::json DecisionJsonWithFulfilment(const dc::DecisionInfo& d) {
  nlohmann::json j = dc::DecisionJson(d.data);
  for (auto& c : j["conditions"]) {
    auto it = d.fulfilled.find(c["n"].get<std::uint32_t>());
    c["fulfilled"] = it != d.fulfilled.end();
    if (it != d.fulfilled.end()) {
      c["evidence"] = it->second.evidence;
      c["fulfilled_at"] = FormatRfc3339(it->second.at_ms);
    }
  }
  j["position"] = d.position;
  j["hash"] = d.hash;
  j["recorded_at"] = FormatRfc3339(d.recorded_at_ms);
  j["stream_version"] = d.version;
  return j;
}

}  // namespace

Result<DecisionDocument> DecisionFor(AppContext& ctx, const std::string& id) {
  auto d = ctx.views.Read([&](const Views& v) { return v.decisions.Get(id); });
  if (!d.ok()) return d.status();
  return DecisionDocument{DecisionJsonWithFulfilment(**d), (*d)->version};
}

Page DecisionsPage(AppContext& ctx, const DecisionsQuery& query) {
  auto found = ctx.views.Read([&](const Views& v) {
    return query.agreement.empty() ? v.decisions.List(query.after, query.limit + 1)
                                   : v.decisions.OnAgreement(query.agreement);
  });
  // An agreement's decisions are few and listed whole.
  const std::size_t limit = query.agreement.empty() ? query.limit : found.size();
  return PageOf(
      found, limit, [](const auto& d) { return d->data.id; },
      [](const auto& d) { return DecisionJsonWithFulfilment(*d); });
}

Result<nlohmann::json> RatificationOf(AppContext& ctx, const std::string& agreement,
                                      const std::optional<std::string>& version) {
  auto state = LoadAgreement(ctx, agreement);
  if (!state.ok()) return state.status();
  const agreements::VersionInfo* v =
      version ? consultations::FindPublished(**state, *version) : (*state)->latest_version();
  if (v == nullptr) return NotFound("no such published version", "version-not-found");
  auto decisions =
      ctx.views.Read([&](const Views& views) { return views.decisions.OnAgreement(agreement); });
  auto kind_of = [&ctx](const std::string& party) -> std::optional<std::string> {
    return ctx.views.Read([&](const Views& views) -> std::optional<std::string> {
      const auto* p = views.parties.Find(party);
      return p ? std::optional<std::string>(p->kind) : std::nullopt;
    });
  };
  return dc::Ratification(**state, *v, decisions, kind_of, Today(ctx));
}

Result<nlohmann::json> ObligationsOf(AppContext& ctx, const std::string& agreement) {
  auto state = LoadAgreement(ctx, agreement);
  if (!state.ok()) return state.status();
  auto done = ctx.views.Read([&](const Views& v) { return v.decisions.Obligations(agreement); });
  return dc::ObligationsJson(**state, done, Today(ctx));
}

}  // namespace hoering::app
