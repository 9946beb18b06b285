#include "server/app/invitation_queries.h"

#include <algorithm>
#include <optional>

#include "domain/invitations/invitation_decide.h"
#include "server/app/token_secret.h"

namespace hoering::app {
namespace {

using invitations::InvitationInfo;
using nlohmann::json;

json InvitationJson(const InvitationInfo& i, TimeMs expires_at, TimeMs now) {
  json j = {{"id", i.id},
            {"consultation", i.consultation},
            {"party", i.party},
            {"issued_at", FormatRfc3339(i.issued_at_ms)},
            {"expires_at", FormatRfc3339(expires_at)},
            {"expired", now >= expires_at},
            {"revoked", i.revoked},
            {"revoked_at", i.revoked ? json(FormatRfc3339(i.revoked_at_ms)) : json(nullptr)}};
  if (i.revoke_reason) j["revoke_reason"] = *i.revoke_reason;
  return j;
}

Status NoSuchInvitation(const std::string& consultation, const std::string& id) {
  return NotFound("consultation '" + consultation + "' has no invitation '" + id + "'",
                  "invitation-not-found");
}

// The grant of the invitation `find` picks in the views, when it is neither
// revoked nor expired now; else 401 "invitation-invalid" (one answer for all).
template <typename Find>
Result<InvitationGrant> GrantOf(AppContext& ctx, Find find) {
  const TimeMs now = ctx.clock();
  auto grant = ctx.views.Read([&](const Views& v) -> std::optional<InvitationGrant> {
    const InvitationInfo* i = find(v);
    if (i == nullptr || i->revoked) return std::nullopt;
    auto consultation = v.consultations.GetConsultation(i->consultation);
    if (!consultation.ok()) return std::nullopt;
    const TimeMs expires_at = invitations::ExpiresAt(**consultation);
    if (now >= expires_at) return std::nullopt;
    return InvitationGrant{i->id, i->consultation, i->party, expires_at};
  });
  if (!grant) {
    return Status(Code::kUnauthenticated,
                  "the invitation is not valid (unknown, revoked or expired); ask the "
                  "secretariat for a new one",
                  "invitation-invalid");
  }
  return *grant;
}

}  // namespace

Result<InvitationGrant> RedeemInvitation(AppContext& ctx, const std::string& code) {
  const std::string hash = TokenHash(code);
  return GrantOf(ctx, [&](const Views& v) { return v.invitations.FindByHash(hash); });
}

Result<InvitationGrant> ActiveInvitation(AppContext& ctx, const std::string& id) {
  return GrantOf(ctx, [&](const Views& v) { return v.invitations.Find(id); });
}

std::string InvitationLink(const AppContext& ctx, const std::string& code) {
  return ctx.public_url + "/sign-in?token=" + code;
}

Result<json> InvitationFor(AppContext& ctx, const std::string& consultation,
                           const std::string& id) {
  const TimeMs now = ctx.clock();
  return ctx.views.Read([&](const Views& v) -> Result<json> {
    auto c = v.consultations.GetConsultation(consultation);
    if (!c.ok()) return c.status();
    const InvitationInfo* i = v.invitations.Find(id);
    if (i == nullptr || i->consultation != consultation) return NoSuchInvitation(consultation, id);
    return InvitationJson(*i, invitations::ExpiresAt(**c), now);
  });
}

Result<Page> InvitationsPage(AppContext& ctx, const std::string& consultation,
                             const PageRequest& page) {
  const TimeMs now = ctx.clock();
  TimeMs expires_at = 0;
  auto found = ctx.views.Read([&](const Views& v) -> Result<std::vector<InvitationInfo>> {
    auto c = v.consultations.GetConsultation(consultation);
    if (!c.ok()) return c.status();
    expires_at = invitations::ExpiresAt(**c);
    return v.invitations.OfConsultation(consultation);
  });
  if (!found.ok()) return found.status();
  const std::vector<InvitationInfo>& all = *found;
  auto from = all.begin();
  if (!page.after.empty()) {
    from = std::find_if(all.begin(), all.end(),
                        [&](const InvitationInfo& i) { return i.id == page.after; });
    if (from == all.end()) {
      return InvalidArgument(
          "?after=" + page.after + " is not an invitation of consultation '" + consultation + "'",
          "invalid-query");
    }
    ++from;
  }
  const std::size_t rest = static_cast<std::size_t>(all.end() - from);
  const std::vector<InvitationInfo> shown(
      from, from + static_cast<std::ptrdiff_t>(std::min(rest, page.limit + 1)));
  return PageOf(
      shown, page.limit, [](const InvitationInfo& i) { return i.id; },
      [&](const InvitationInfo& i) { return InvitationJson(i, expires_at, now); });
}

}  // namespace hoering::app
