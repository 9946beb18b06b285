#include "server/app/invitation_commands.h"

#include "server/app/consultation_access.h"
#include "server/app/token_secret.h"

namespace hoering::app {

NewInvitation MakeInvitation(const std::string& consultation, const std::string& party) {
  NewInvitation out;
  out.code = NewInvitationCode();
  out.command = {NewInvitationId(), consultation, party, TokenHash(out.code)};
  return out;
}

Decide DecideIssueInvitation(AppContext& ctx, invitations::IssueInvitation command) {
  return [&ctx, command = std::move(command)]() -> Result<Command> {
    auto consultation = LoadConsultation(ctx, command.consultation);
    consultations::ConsultationState none;
    const consultations::ConsultationState& state = consultation.ok() ? **consultation : none;
    auto event = invitations::DecideIssue(state, command, ctx.clock());
    if (!event.ok()) return event.status();
    Command write = CommandFor(invitations::InvitationStream(command.consultation),
                               ExpectedVersion::Any(), {std::move(event).value()});
    write.decided_on =
        StreamAt{consultations::ConsultationStream(command.consultation), state.version()};
    return write;
  };
}

Decide DecideRevokeInvitation(AppContext& ctx, std::string consultation, std::string id,
                              std::optional<std::string> reason) {
  return [&ctx, consultation = std::move(consultation), id = std::move(id),
          reason = std::move(reason)]() -> Result<Command> {
    if (auto c = LoadConsultation(ctx, consultation); !c.ok()) return c.status();
    std::uint64_t version = 0;
    auto event = ctx.views.Read([&](const Views& v) {
      version = v.invitations.StreamVersion(consultation);
      return invitations::DecideRevoke(v.invitations, consultation, id, reason);
    });
    if (!event.ok()) return event.status();
    Command write = CommandFor(invitations::InvitationStream(consultation),
                               ExpectedVersion::Exact(version), {std::move(event).value()});
    write.on_conflict =
        Conflict("the consultation's invitations changed meanwhile; retry", "version-conflict");
    return write;
  };
}

}  // namespace hoering::app
