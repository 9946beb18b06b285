#include "server/app/record_as_of.h"

#include "domain/agreements/time_travel.h"
#include "domain/consultations/consultation_events.h"
#include "domain/consultations/response_events.h"
#include "server/app/stream_fold.h"

namespace hoering::app {

namespace cs = consultations;
using Kind = agreements::AtSelector::Kind;

namespace {

Status BadAt(const std::string& raw, const std::string& why) {
  return InvalidArgument("query parameter 'at' ('" + raw + "') " + why, "invalid-field")
      .WithErrors({{"at", "invalid-field", {{"value", raw}}}});
}

// The event at `position` (REQUIRES: 1 <= position <= head).
Result<RecordedEvent> EventAt(const EventLog& log, std::uint64_t position) {
  auto one = log.ReadAll(position, 1);
  if (!one.ok()) return one.status();
  if (one->empty() || one->front().position != position) {
    return Status(Code::kCorruption,
                  "the log has no event at position " + std::to_string(position));
  }
  return std::move(one->front());
}

// The last position in 1..head recorded at or before `t`; 0 when none.
Result<std::uint64_t> LastAtOrBefore(const EventLog& log, std::uint64_t head, TimeMs t) {
  std::uint64_t lo = 0, hi = head;  // invariant: lo is at or before t, hi + 1 is after
  while (lo < hi) {
    const std::uint64_t mid = lo + (hi - lo + 1) / 2;
    auto e = EventAt(log, mid);
    if (!e.ok()) return e.status();
    if (e->recorded_at_ms <= t) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

// `stream` folded up to `as_of.position`; 404 "<what>-not-found" when the
// <what> `id` did not exist by then.
template <typename State>
Result<std::shared_ptr<const State>> FoldedAsOf(AppContext& ctx, const std::string& stream,
                                                const std::string& what, const std::string& id,
                                                const AsOf& as_of) {
  auto state = std::make_shared<State>();
  const Status s = FoldStreamUpTo(ctx.log, stream, as_of.position, *state);
  if (!s.ok()) return s;
  if (!state->exists()) {
    return NotFound(what + " '" + id + "' did not exist at " + as_of.at, what + "-not-found");
  }
  return std::shared_ptr<const State>(std::move(state));
}

}  // namespace

Result<std::optional<AsOf>> ParseAsOf(AppContext& ctx, const std::optional<std::string>& raw) {
  if (!raw || raw->empty() || *raw == "current") return std::optional<AsOf>();
  auto sel = agreements::ParseAtSelector(*raw);
  if (!sel.ok() || (sel->kind != Kind::kPosition && sel->kind != Kind::kTime)) {
    return BadAt(*raw, "must be position:<n> or time:<RFC 3339 UTC>");
  }
  // The read views' position: the response index lists every response up
  // to it, and nothing past it has been acknowledged to anyone.
  const std::uint64_t head = ctx.views.position();
  AsOf as_of;
  as_of.at = sel->ToString();
  if (sel->kind == Kind::kPosition) {
    if (sel->position > head) {
      return NotFound("the log's head is at position " + std::to_string(head) + ", before " +
                          std::to_string(sel->position),
                      "position-not-found");
    }
    as_of.position = sel->position;
    if (as_of.position > 0) {
      auto e = EventAt(ctx.log, as_of.position);
      if (!e.ok()) return e.status();
      as_of.now = e->recorded_at_ms;
    }
    return std::optional<AsOf>(std::move(as_of));
  }
  auto p = LastAtOrBefore(ctx.log, head, sel->time_ms);
  if (!p.ok()) return p.status();
  as_of.position = *p;
  as_of.now = sel->time_ms;
  return std::optional<AsOf>(std::move(as_of));
}

nlohmann::json WithAsOf(nlohmann::json body, const std::optional<AsOf>& as_of) {
  if (as_of && body.is_object()) {
    body["as_of_position"] = as_of->position;
    body["at"] = as_of->at;
  }
  return body;
}

Result<std::shared_ptr<const cs::ConsultationState>> ConsultationAsOf(AppContext& ctx,
                                                                      const std::string& id,
                                                                      const AsOf& as_of) {
  return FoldedAsOf<cs::ConsultationState>(ctx, cs::ConsultationStream(id), "consultation", id,
                                           as_of);
}

Result<std::shared_ptr<const cs::ResponseState>> ResponseAsOf(AppContext& ctx,
                                                              const std::string& id,
                                                              const AsOf& as_of) {
  return FoldedAsOf<cs::ResponseState>(ctx, cs::ResponseStream(id), "response", id, as_of);
}

}  // namespace hoering::app
