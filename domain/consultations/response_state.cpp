#include "domain/consultations/response_state.h"

#include "domain/events/decoded_event.h"
#include "domain/sha256.h"

namespace hoering::consultations {

Recorded RecordedOf(const RecordedEvent& e) {
  return {e.position, ToHex(e.hash), e.recorded_at_ms, e.actor};
}

const DispositionInfo* ResponseState::CurrentDisposition(std::uint32_t point) const {
  auto it = dispositions_.find(point);
  return it == dispositions_.end() || it->second.empty() ? nullptr : &it->second.back();
}

ResponseDecisionState ResponseState::decision() const {
  ResponseDecisionState d;
  d.version = version_;
  if (!exists()) return d;
  d.id = id_;
  d.consultation = consultation_;
  d.agreement = agreement_;
  d.party = party();
  d.revision = current().revision;
  d.points = current().content.points.size();
  d.withdrawn = withdrawn();
  return d;
}

Status ResponseState::Apply(const RecordedEvent& e) {
  return Apply(events::DecodeEvent(e));
}

Status ResponseState::Apply(const events::DecodedEvent& d) {
  const RecordedEvent& e = d.envelope;
  ++version_;
  last_position_ = e.position;
  if (!d.payload.ok()) return d.payload.status();
  if (const auto* r = d.As<ResponseRevisionEvent>()) {
    if (revisions_.empty()) {
      id_ = r->response;
      consultation_ = r->consultation;
      agreement_ = r->agreement;
      first_position_ = e.position;
      late_ = r->late;
      late_reason_ = r->late_reason;
      received_at_ = r->received_at;
    }
    revisions_.push_back({r->revision, r->content, r->submitted_at, RecordedOf(e)});
  } else if (const auto* w = d.As<ResponseWithdrawn>()) {
    withdrawal_ = WithdrawalInfo{w->reason, w->withdrawn_at, RecordedOf(e)};
  } else if (const auto* disposition = d.As<DispositionRecorded>()) {
    dispositions_[disposition->point].push_back(
        {disposition->outcome, disposition->rationale, disposition->changes, RecordedOf(e)});
  }
  return Status::Ok();
}

}  // namespace hoering::consultations
