#include "domain/consultations/response_state.h"

#include "domain/sha256.h"

namespace hoering::consultations {

Recorded RecordedOf(const RecordedEvent& e) {
  return {e.position, ToHex(e.hash), e.recorded_at_ms, e.actor};
}

const DispositionInfo* ResponseState::CurrentDisposition(std::uint32_t point) const {
  auto it = dispositions_.find(point);
  return it == dispositions_.end() || it->second.empty() ? nullptr : &it->second.back();
}

Status ResponseState::Apply(const RecordedEvent& e) {
  ++version_;
  nlohmann::json j;
  try {
    j = e.data_json();
  } catch (const std::exception&) {
    return Status(Code::kCorruption, "event " + std::to_string(e.position) + " is not JSON",
                  "corruption");
  }
  if (e.type == kResponseSubmitted || e.type == kResponseAmended) {
    auto r = ResponseRevisionFromJson(j);
    if (!r.ok()) return r.status();
    if (revisions_.empty()) {
      id_ = r->response;
      consultation_ = r->consultation;
      agreement_ = r->agreement;
      first_position_ = e.position;
      late_ = r->late;
      late_reason_ = r->late_reason;
      received_at_ = r->received_at;
    }
    revisions_.push_back({r->revision, std::move(r->content), r->submitted_at, RecordedOf(e)});
  } else if (e.type == kResponseWithdrawn) {
    auto w = ResponseWithdrawnFromJson(j);
    if (!w.ok()) return w.status();
    withdrawal_ = WithdrawalInfo{w->reason, w->withdrawn_at, RecordedOf(e)};
  } else if (e.type == kDispositionRecorded) {
    auto d = DispositionRecordedFromJson(j);
    if (!d.ok()) return d.status();
    dispositions_[d->point].push_back(
        {d->outcome, std::move(d->rationale), std::move(d->changes), RecordedOf(e)});
  }
  return Status::Ok();
}

}  // namespace hoering::consultations
