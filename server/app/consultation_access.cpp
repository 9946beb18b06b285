#include "server/app/consultation_access.h"

#include "domain/consultations/response_events.h"
#include "server/app/agreement_access.h"
#include "server/app/response_loader.h"
#include "server/app/stream_fold.h"

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
                                            const std::string& response, const AsOf* as_of) {
  auto c =
      as_of ? ConsultationAsOf(ctx, consultation, *as_of) : LoadConsultation(ctx, consultation);
  if (!c.ok()) return c.status();
  auto r = as_of ? ResponseAsOf(ctx, response, *as_of) : ctx.response_cache.Load(response);
  if (!r.ok()) return r.status();
  const bool closed = (*c)->PhaseAt(as_of ? as_of->now : ctx.clock()) == cs::Phase::kClosed;
  const cs::Visibility vis = cs::VisibilityOf(ReaderOf(who), **r, closed);
  if ((*r)->consultation() != consultation || vis == cs::Visibility::kHidden) {
    return NotFound(
        "response '" + response + "' does not exist in consultation '" + consultation + "'",
        "response-not-found");
  }
  return VisibleResponse{*c, *r, vis};
}

ResponseCursor::ResponseCursor(AppContext& ctx, std::string consultation, std::uint64_t as_of)
    : log_(ctx.log),
      cache_(ctx.response_cache),
      index_(ctx.views.responses()),
      consultation_(std::move(consultation)),
      as_of_(as_of),
      use_kept_(as_of <= ctx.views.position()) {}

Result<std::shared_ptr<const cs::ResponseState>> ResponseCursor::Next() {
  for (;;) {
    if (next_ == page_.size()) {
      if (last_page_) return std::shared_ptr<const cs::ResponseState>();
      const std::string after = page_.empty() ? "" : page_.back();
      auto ids = index_->ResponsesOf(consultation_, after, kPage);
      if (!ids.ok()) return ids.status();
      page_ = std::move(ids).value();
      next_ = 0;
      last_page_ = page_.size() < kPage;
      continue;
    }
    const std::string& id = page_[next_++];
    if (use_kept_) {
      auto kept = cache_.Kept(id);
      if (kept && kept->last_position() <= as_of_) return kept;
    }
    auto state = std::make_shared<cs::ResponseState>();
    const Status s = FoldStreamUpTo(log_, cs::ResponseStream(id), as_of_, *state);
    if (s.ok() && state->exists()) return std::shared_ptr<const cs::ResponseState>(state);
    // A broken stream, or a response submitted after `as_of`, is skipped.
    if (!s.ok() && s.code() != Code::kCorruption && s.code() != Code::kNotFound) return s;
  }
}

Status ForEachResponseOf(AppContext& ctx, const std::string& consultation, std::uint64_t as_of,
                         const std::function<Status(const cs::ResponseState&)>& visit) {
  ResponseCursor cursor(ctx, consultation, as_of);
  for (;;) {
    auto r = cursor.Next();
    if (!r.ok()) return r.status();
    if (*r == nullptr) return Status::Ok();
    if (Status s = visit(**r); !s.ok()) return s;
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
    return Status(Code::kInternal, "the consulted version is not in the read view");
  }
  return ctx.version_texts.Get(consultation.info().agreement, *v);
}

std::vector<cs::PointCitation> CitationsFor(AppContext& ctx, const std::string& response,
                                            const AsOf* as_of) {
  auto cites =
      ctx.views.Read([&](const Views& v) { return v.consultations.CitationsOfResponse(response); });
  if (as_of) {
    std::erase_if(
        cites, [&](const cs::PointCitation& c) { return c.citation.position > as_of->position; });
  }
  return cites;
}

cs::CitedBy CitedByFor(AppContext& ctx, const std::string& response, const AsOf* as_of) {
  return cs::CitedByOf(CitationsFor(ctx, response, as_of));
}

}  // namespace hoering::app
