#include "domain/consultations/response_decision_state.h"

#include "domain/events/decoded_event.h"

namespace hoering::consultations {

Status ResponseDecisionState::Apply(const events::DecodedEvent& d) {
  ++version;
  if (!d.payload.ok()) return d.payload.status();
  if (const auto* r = d.As<ResponseRevisionEvent>()) {
    if (!exists()) {
      id = r->response;
      consultation = r->consultation;
      agreement = r->agreement;
    }
    revision = r->revision;
    party = r->content.party;
    points = r->content.points.size();
  } else if (d.As<ResponseWithdrawn>() != nullptr) {
    withdrawn = true;
  }
  return Status::Ok();
}

}  // namespace hoering::consultations
