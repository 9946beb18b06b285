#include "server/app/decision_commands.h"

#include <set>

#include "domain/decisions/ratification.h"
#include "server/app/agreement_access.h"
#include "server/app/read_views.h"
#include "server/app/response_loader.h"

namespace hoering::app {

namespace dc = decisions;

Decide DecideRecordDecision(AppContext& ctx, dc::RecordDecision command) {
  return [&ctx, cmd = std::move(command)]() -> Result<Command> {
    const std::string& id = cmd.decision.id;
    auto agreement = LoadAgreement(ctx, cmd.decision.subject.agreement);
    dc::Lookups lookups;
    lookups.party_exists = PartyExists(ctx.views);
    lookups.consultation_exists = [&ctx](const std::string& c) {
      return ctx.views.Read(
          [&](const Views& v) { return v.consultations.GetConsultation(c).ok(); });
    };
    lookups.response_exists = [&ctx](const std::string& r) {
      return LoadResponse(ctx.log, r).ok();
    };
    const bool exists = ctx.views.Read([&](const Views& v) { return v.decisions.Get(id).ok(); });
    auto events =
        dc::DecideRecord(exists, cmd, agreement.ok() ? agreement->get() : nullptr, lookups);
    if (!events.ok()) return events.status();
    Command write = CommandFor(dc::DecisionStream(id), ExpectedVersion::NoStream(), *events);
    write.on_conflict = AlreadyExists("decision '" + id + "' already exists", "decision-exists");
    return write;
  };
}

Decide DecideFulfilCondition(AppContext& ctx, std::string decision, std::uint32_t condition,
                             std::string evidence) {
  return [&ctx, id = std::move(decision), n = condition,
          evidence = std::move(evidence)]() -> Result<Command> {
    auto d = ctx.views.Read([&](const Views& v) { return v.decisions.Get(id); });
    if (!d.ok()) return d.status();
    auto events = dc::DecideFulfil(**d, n, evidence);
    if (!events.ok()) return events.status();
    return CommandFor(dc::DecisionStream(id), ExpectedVersion::Exact((*d)->version), *events);
  };
}

Decide DecideObligationDone(AppContext& ctx, std::string agreement, std::string key,
                            std::string evidence) {
  return [&ctx, id = std::move(agreement), key = std::move(key),
          evidence = std::move(evidence)]() -> Result<Command> {
    auto state = LoadAgreement(ctx, id);
    if (!state.ok()) return state.status();
    std::set<std::string> keys, done;
    for (const auto& o : dc::ObligationsOf((*state)->info().term)) {
      if (o.kind == "duty") keys.insert(o.key);
    }
    for (const auto& [k, f] :
         ctx.views.Read([&](const Views& v) { return v.decisions.Obligations(id); })) {
      done.insert(k);
    }
    auto events = dc::DecideObligationDone(id, key, keys, done, evidence);
    if (!events.ok()) return events.status();
    return CommandFor(dc::ObligationStream(id), ExpectedVersion::Exact(done.size()), *events);
  };
}

}  // namespace hoering::app
