#include "server/app/consultation_access.h"

#include "server/app/agreement_access.h"
#include "server/app/response_loader.h"

namespace hoering::app {

namespace cs = consultations;

cs::Reader ReaderOf(const access::Principal& who) {
  using access::Role;
  cs::Reader r;
  r.privileged =
      who.role == Role::kAdmin || who.role == Role::kSecretariat || who.role == Role::kAuditor;
  if (who.role == Role::kStakeholder) r.party = who.party;
  return r;
}

cs::Submitter SubmitterOf(const access::Principal& who) {
  cs::Submitter s;
  if (who.role == access::Role::kStakeholder) s.stakeholder_party = who.party;
  return s;
}

Result<std::shared_ptr<const cs::ConsultationState>> LoadConsultation(AppContext& ctx,
                                                                      const std::string& id) {
  return ctx.views.Read([&](const Views& v) { return v.consultations.GetConsultation(id); });
}

Result<VisibleResponse> LoadVisibleResponse(AppContext& ctx, const access::Principal& who,
                                            const std::string& consultation,
                                            const std::string& response) {
  auto c = LoadConsultation(ctx, consultation);
  if (!c.ok()) return c.status();
  auto r = ctx.response_cache.Load(response);
  if (!r.ok()) return r.status();
  const bool closed = (*c)->PhaseAt(ctx.clock()) == cs::Phase::kClosed;
  const cs::Visibility vis = cs::VisibilityOf(ReaderOf(who), **r, closed);
  if ((*r)->consultation() != consultation || vis == cs::Visibility::kHidden) {
    return NotFound(
        "response '" + response + "' does not exist in consultation '" + consultation + "'",
        "response-not-found");
  }
  return VisibleResponse{*c, *r, vis};
}

Result<std::vector<std::shared_ptr<const cs::ResponseState>>> AllResponsesOf(
    AppContext& ctx, const std::string& consultation) {
  constexpr std::size_t kPage = 1024;
  const auto index = ctx.views.responses();
  std::vector<std::shared_ptr<const cs::ResponseState>> out;
  std::string after;
  for (;;) {
    auto ids = index->ResponsesOf(consultation, after, kPage);
    if (!ids.ok()) return ids.status();
    for (const auto& id : *ids) {
      auto r = LoadResponse(ctx.log, id);
      if (!r.ok() && r.status().code() != Code::kCorruption &&
          r.status().code() != Code::kNotFound) {
        return r.status();
      }
      if (r.ok()) out.push_back(std::move(r).value());  // a broken stream is left out
    }
    if (ids->size() < kPage) return out;
    after = ids->back();
  }
}

Result<cs::ResponseCounts> ResponseCountsOf(AppContext& ctx, const std::string& consultation) {
  return ctx.views.responses()->CountsOf(consultation);
}

Result<std::shared_ptr<const agreements::SectionTree>> ConsultedText(
    AppContext& ctx, const cs::ConsultationState& consultation) {
  auto agreement = LoadAgreement(ctx, consultation.info().agreement);
  if (!agreement.ok()) return agreement.status();
  const auto* v = (*agreement)->FindVersion(consultation.info().version.number);
  if (v == nullptr) {
    return Status(Code::kInternal, "the consulted version is not in the read model");
  }
  return ctx.version_texts.Get(consultation.info().agreement, *v);
}

cs::CitedBy CitedByFor(AppContext& ctx, const std::string& response) {
  return [&ctx, response](std::uint32_t point) {
    auto cites = ctx.views.Read(
        [&](const Views& v) { return v.consultations.CitationsOf(response, point); });
    std::vector<std::string> out;
    for (const auto& c : cites) out.push_back(c.change);
    return out;
  };
}

}  // namespace hoering::app
