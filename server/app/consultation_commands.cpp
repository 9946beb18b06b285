#include "server/app/consultation_commands.h"

#include <functional>

#include "server/app/agreement_access.h"
#include "server/app/consultation_access.h"
#include "server/app/read_views.h"
#include "server/app/request_helpers.h"
#include "server/app/time_zones.h"

namespace hoering::app {
namespace {

namespace cs = consultations;

using DecideOnConsultation =
    std::function<Result<std::vector<NewEvent>>(const cs::ConsultationState&, TimeMs)>;

// Decides on the consultation's state and appends with its version.
Decide OnConsultation(AppContext& ctx, std::string id, std::optional<std::uint64_t> if_match,
                      DecideOnConsultation decide_on) {
  return
      [&ctx, id = std::move(id), if_match, decide_on = std::move(decide_on)]() -> Result<Command> {
        auto state = LoadConsultation(ctx, id);
        if (!state.ok()) return state.status();
        if (Status s = CheckIfMatch(if_match, (*state)->version(), "the consultation"); !s.ok()) {
          return s;
        }
        auto events = decide_on(**state, ctx.clock());
        if (!events.ok()) return events.status();
        return CommandFor(cs::ConsultationStream(id), ExpectedVersion::Exact((*state)->version()),
                          *events);
      };
}

}  // namespace

Decide DecideOpenConsultation(AppContext& ctx, cs::OpenConsultation command) {
  return [&ctx, cmd = std::move(command)]() -> Result<Command> {
    auto existing = LoadConsultation(ctx, cmd.id);
    cs::ConsultationState empty;
    auto agreement = LoadAgreement(ctx, cmd.agreement);
    auto events = cs::DecideOpen(existing.ok() ? **existing : empty, cmd,
                                 agreement.ok() ? agreement->get() : nullptr,
                                 PartyExists(ctx.views), IsKnownTimeZone);
    if (!events.ok()) return events.status();
    Command write =
        CommandFor(cs::ConsultationStream(cmd.id), ExpectedVersion::NoStream(), *events);
    write.on_conflict =
        AlreadyExists("consultation '" + cmd.id + "' already exists", "consultation-exists");
    return write;
  };
}

Decide DecideExtendConsultation(AppContext& ctx, std::string id, cs::ExtendDeadline command,
                                std::optional<std::uint64_t> if_match) {
  return OnConsultation(ctx, std::move(id), if_match,
                        [cmd = std::move(command)](const cs::ConsultationState& s, TimeMs now) {
                          return cs::DecideExtend(s, cmd, now);
                        });
}

Decide DecideCloseConsultation(AppContext& ctx, std::string id, std::optional<std::string> reason,
                               std::optional<std::uint64_t> if_match) {
  return OnConsultation(ctx, std::move(id), if_match,
                        [reason = std::move(reason)](const cs::ConsultationState& s, TimeMs) {
                          return cs::DecideClose(s, reason);
                        });
}

}  // namespace hoering::app
