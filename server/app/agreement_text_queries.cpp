#include "server/app/agreement_text_queries.h"

#include "domain/agreements/change_log.h"
#include "server/app/agreement_access.h"

namespace hoering::app {

namespace ag = agreements;

Result<TextAt> AgreementTextAt(AppContext& ctx, const std::string& id, const ag::AtSelector& at) {
  auto state = LoadAgreement(ctx, id);
  if (!state.ok()) return state.status();
  auto events = EventsFor(ctx, id, {at});
  if (!events.ok()) return events.status();
  std::vector<ag::AtSelector> ats = {at};
  auto snaps = ag::ResolveTexts(**state, *events, ats, ctx.version_texts.For(id));
  if (!snaps.ok()) return snaps.status();
  return TextAt{*state, std::move((*snaps)[0])};
}

Result<AgreementDiff> DiffOfAgreement(AppContext& ctx, const std::string& id,
                                      const ag::AtSelector& from, const ag::AtSelector& to) {
  auto state = LoadAgreement(ctx, id);
  if (!state.ok()) return state.status();
  auto events = EventsFor(ctx, id, {from, to});
  if (!events.ok()) return events.status();
  auto diff = ag::DiffBetween(**state, *events, from, to, {}, ctx.version_texts.For(id));
  if (!diff.ok()) return diff.status();
  return AgreementDiff{
      "diff " + (*state)->info().id + " " + from.ToString() + " -> " + to.ToString(),
      std::move(diff).value()};
}

Result<nlohmann::json> ChangesOfAgreement(AppContext& ctx, const std::string& id,
                                          const ag::AtSelector& from, const ag::AtSelector& to) {
  auto state = LoadAgreement(ctx, id);
  if (!state.ok()) return state.status();
  auto log = ag::ChangeSetsBetween(**state, from, to);
  if (!log.ok()) return log.status();
  auto events = EventsFor(ctx, id, {from, to});
  if (!events.ok()) return events.status();
  std::vector<ag::AtSelector> ats = {from, to};
  auto snaps = ag::ResolveTexts(**state, *events, ats, ctx.version_texts.For(id));
  if (!snaps.ok()) return snaps.status();
  return ag::ChangeLogToJson(*log, ag::SnapshotRefJson(ats[0], (*snaps)[0]),
                             ag::SnapshotRefJson(ats[1], (*snaps)[1]));
}

}  // namespace hoering::app
