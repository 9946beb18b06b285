// Invitations from the secretariat's consultation page (issue 15), the
// commands of server/app/invitation_commands.h exactly as
// routes_invitations.cpp runs them:
//   POST /manage/consultations/{id}/invitations              field party
//        issues an invitation and answers the page that shows its code
//        and link ONCE (never in a URL, a redirect or a log line; the log
//        keeps the code's hash). A second click of the same form (its key)
//        is answered without the code, as the API's replay is.
//   POST /manage/consultations/{id}/invitations/{iid}/revoke field reason
//        (optional); then the consultation's page.
// A refusal (a party not invited, a revoked invitation) is shown on the
// consultation's page in the error summary, at the invitations.
#include "domain/invitations/invitation_decide.h"
#include "server/app/invitation_commands.h"
#include "server/app/invitation_queries.h"
#include "server/app/read_views.h"
#include "server/web/page_data.h"
#include "server/web/pages_manage.h"

namespace hoering::web::manage {
namespace {

using boost::beast::http::verb;
using nlohmann::json;

// The page with the new code, built on the completion thread from what the
// command wrote and the views (no log reads).
PageReply CodePage(const PageCall& call, const std::string& consultation, const std::string& party,
                   const std::string& code, bool replayed) {
  json data = {{"party_name", app::PartyName(call.ctx.views, party).value_or(party)},
               {"manage_href", ConsultationHref(consultation) + "#invitations"},
               {"replayed", replayed}};
  if (!replayed) {
    data["code"] = code;
    data["link"] = app::InvitationLink(call.ctx, code);
  }
  return HtmlPage{"manage_invitation", call.T("manage.invitation.title"), std::move(data)};
}

Result<PageReply> Issue(const PageCall& call) {
  const std::string id = call.Param("id");
  auto party = invitations::ParseIssueInvitation({{"party", call.Field("party").value_or("")}});
  if (!party.ok()) return RefusedAt(call, "invitations", party.status());
  app::NewInvitation invitation = app::MakeInvitation(id, *party);
  commands::CommandMeta meta = MetaFor(call, ConsultationHref(id) + "/invitations/" + *party);
  auto decide = app::DecideIssueInvitation(call.ctx, std::move(invitation.command));
  return LaterPage{[meta, decide, id, party = *party, code = invitation.code](const PageCall& later,
                                                                              PageDone done) {
    RunOnConsultation(later, done, meta, decide, id, "invitations",
                      [&later, id, party, code](const commands::Written& written) {
                        return CodePage(later, id, party, code, written.replayed);
                      });
  }};
}

Result<PageReply> Revoke(const PageCall& call) {
  const std::string id = call.Param("id");
  const std::string iid = call.Param("iid");
  std::string reason_text = call.Field("reason").value_or("");
  json body = reason_text.find_first_not_of(" \t\r\n") == std::string::npos
                  ? json()
                  : json{{"reason", reason_text}};
  auto reason = invitations::ParseRevokeReason(body);
  if (!reason.ok()) return RefusedAt(call, "invitations", reason.status());
  commands::CommandMeta meta =
      MetaFor(call, ConsultationHref(id) + "/invitations/" + iid + "/revoke");
  auto decide = app::DecideRevokeInvitation(call.ctx, id, iid, *reason);
  return LaterPage{[meta, decide, id](const PageCall& later, PageDone done) {
    RunOnConsultation(later, done, meta, decide, id, "invitations", [id](const commands::Written&) {
      return PageReply(Redirect{ConsultationHref(id) + "?done=revoked#invitations", {}});
    });
  }};
}

}  // namespace

void AddInvitationPages(Pages& pages) {
  const std::string base = "/manage/consultations/{id}/invitations";
  pages.Add(verb::post, base, app::Editors(), Issue);
  pages.Add(verb::post, base + "/{iid}/revoke", app::Editors(), Revoke);
}

}  // namespace hoering::web::manage
