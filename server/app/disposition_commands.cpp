#include "server/app/disposition_commands.h"

#include "domain/consultations/response_events.h"
#include "server/app/agreement_access.h"
#include "server/app/consultation_access.h"
#include "server/app/decision_states.h"
#include "server/app/request_helpers.h"

namespace hoering::app {

namespace cs = consultations;

Decide DecideRecordDisposition(AppContext& ctx, std::string consultation, std::string response,
                               std::uint32_t point, cs::RecordDisposition command,
                               std::optional<std::uint64_t> if_match) {
  return [&ctx, consultation = std::move(consultation), response = std::move(response), point,
          command = std::move(command), if_match]() -> Result<Command> {
    if (auto c = LoadConsultation(ctx, consultation); !c.ok()) return c.status();
    auto r = LoadResponseDecision(ctx.log, response);
    if (!r.ok()) return r.status();
    if (!r->exists() || r->consultation != consultation) {
      return NotFound(
          "response '" + response + "' does not exist in consultation '" + consultation + "'",
          "response-not-found");
    }
    if (Status s = CheckIfMatch(if_match, r->version, "the response"); !s.ok()) return s;
    auto agreement = LoadAgreement(ctx, r->agreement);
    if (!agreement.ok()) return agreement.status();
    auto events = cs::DecideDisposition(*r, point, command, **agreement);
    if (!events.ok()) return events.status();
    return CommandFor(cs::ResponseStream(response), ExpectedVersion::Exact(r->version), *events);
  };
}

}  // namespace hoering::app
