#include "domain/consultations/consultation_state.h"

#include <algorithm>

#include "domain/enum_names.h"
#include "domain/events/decoded_event.h"

namespace hoering::consultations {

namespace {

constexpr EnumName<Phase> kPhaseNames[] = {
    {Phase::kScheduled, "scheduled"}, {Phase::kOpen, "open"}, {Phase::kClosed, "closed"}};

}  // namespace

std::string PhaseName(Phase p) {
  return std::string(NameIn(kPhaseNames, p, "closed"));
}

Status ConsultationState::Apply(const RecordedEvent& e) {
  return Apply(events::DecodeEvent(e));
}

Status ConsultationState::Apply(const events::DecodedEvent& d) {
  const RecordedEvent& e = d.envelope;
  ++version_;
  last_position_ = e.position;
  if (!d.payload.ok()) return d.payload.status();
  if (const auto* opened = d.As<ConsultationOpened>()) {
    exists_ = true;
    info_ = *opened;
    closes_at_ = info_.closes_at;
    created_position_ = e.position;
    created_at_ = e.recorded_at_ms;
  } else if (const auto* ext = d.As<DeadlineExtended>()) {
    closes_at_ = ext->closes_at;
    extensions_.push_back({ext->closes_at, ext->previous_closes_at, ext->reason, e.recorded_at_ms,
                           e.position, e.actor});
  } else if (const auto* closed = d.As<ConsultationClosed>()) {
    closed_at_ = e.recorded_at_ms;
    close_reason_ = closed->reason;
  }
  return Status::Ok();
}

TimeMs ConsultationState::EffectiveClose() const {
  return closed_at_ ? std::min(*closed_at_, closes_at_) : closes_at_;
}

Phase ConsultationState::PhaseAt(TimeMs now) const {
  if (now >= EffectiveClose()) return Phase::kClosed;
  if (now < info_.opens_at) return Phase::kScheduled;
  return Phase::kOpen;
}

bool ConsultationState::IsInvited(const std::string& party) const {
  return std::find(info_.invited.begin(), info_.invited.end(), party) != info_.invited.end();
}

}  // namespace hoering::consultations
