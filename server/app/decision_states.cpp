#include "server/app/decision_states.h"

#include "domain/consultations/response_events.h"
#include "server/app/stream_fold.h"

namespace hoering::app {

Result<consultations::ResponseDecisionState> LoadResponseDecision(const EventLog& log,
                                                                  const std::string& response_id) {
  consultations::ResponseDecisionState state;
  if (Status s = FoldStream(log, consultations::ResponseStream(response_id), state); !s.ok()) {
    return s;
  }
  return state;
}

}  // namespace hoering::app
