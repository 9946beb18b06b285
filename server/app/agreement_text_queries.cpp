#include "server/app/agreement_text_queries.h"

#include "domain/agreements/change_log.h"
#include "domain/events/decoded_event.h"
#include "server/app/agreement_access.h"

namespace hoering::app {

namespace ag = agreements;

namespace {

// Copies of `sets` (in order) with their ops, decoded from the agreement's
// ChangeSetRecorded events.
Result<std::vector<ag::ChangeSetInfo>> WithOps(AppContext& ctx, const std::string& id,
                                               const std::vector<const ag::ChangeSetInfo*>& sets) {
  std::vector<ag::ChangeSetInfo> out;
  if (sets.empty()) return out;
  std::uint64_t first = sets.front()->stream_version, last = first;
  for (const auto* c : sets) {
    first = std::min(first, c->stream_version);
    last = std::max(last, c->stream_version);
  }
  auto events = ctx.log.ReadStream(ag::StreamFor(id), first, last - first + 1);
  if (!events.ok()) return events.status();
  for (const auto* c : sets) {
    out.push_back(*c);
    const std::uint64_t at = c->stream_version - first;
    std::optional<events::DecodedEvent> decoded;
    if (at < events->size()) decoded.emplace(events::DecodeEvent((*events)[at]));
    const auto* recorded = decoded ? decoded->As<ag::ChangeSetRecorded>() : nullptr;
    if (recorded == nullptr) {
      return Status(Code::kCorruption,
                    "change set " + c->id() + " of agreement '" + id + "' is not in the log",
                    "change-set-missing");
    }
    out.back().data.ops = recorded->ops;
  }
  return out;
}

}  // namespace

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

Result<AgreementDiffEnds> DiffEndsOf(AppContext& ctx, const std::string& id,
                                     const ag::AtSelector& from, const ag::AtSelector& to) {
  auto state = LoadAgreement(ctx, id);
  if (!state.ok()) return state.status();
  auto events = EventsFor(ctx, id, {from, to});
  if (!events.ok()) return events.status();
  auto ends = ag::ResolveDiffEnds(**state, *events, from, to, ctx.version_texts.For(id));
  if (!ends.ok()) return ends.status();
  return AgreementDiffEnds{
      "diff " + (*state)->info().id + " " + from.ToString() + " -> " + to.ToString(),
      std::move(ends).value()};
}

Result<AgreementDiff> DiffOfAgreement(AppContext& ctx, const std::string& id,
                                      const ag::AtSelector& from, const ag::AtSelector& to,
                                      const ag::DiffOptions& options) {
  auto found = DiffEndsOf(ctx, id, from, to);
  if (!found.ok()) return found.status();
  ag::DiffEnds& ends = found->ends;
  return AgreementDiff{found->title,
                       ag::DiffAnswer{ag::DiffTexts(*ends.from.text, *ends.to.text, options),
                                      std::move(ends.from_ref), std::move(ends.to_ref)}};
}

Result<nlohmann::json> ChangesOfAgreement(AppContext& ctx, const std::string& id,
                                          const ag::AtSelector& from, const ag::AtSelector& to) {
  auto state = LoadAgreement(ctx, id);
  if (!state.ok()) return state.status();
  auto log = ag::ChangeSetsBetween(**state, from, to);
  if (!log.ok()) return log.status();
  // The view keeps change sets without their ops: read them from the log.
  auto with_ops = WithOps(ctx, id, log->items);
  if (!with_ops.ok()) return with_ops.status();
  log->items.clear();
  for (const auto& c : *with_ops) log->items.push_back(&c);
  auto events = EventsFor(ctx, id, {from, to});
  if (!events.ok()) return events.status();
  std::vector<ag::AtSelector> ats = {from, to};
  auto snaps = ag::ResolveTexts(**state, *events, ats, ctx.version_texts.For(id));
  if (!snaps.ok()) return snaps.status();
  return ag::ChangeLogToJson(*log, ag::SnapshotRefJson(ats[0], (*snaps)[0]),
                             ag::SnapshotRefJson(ats[1], (*snaps)[1]));
}

}  // namespace hoering::app
