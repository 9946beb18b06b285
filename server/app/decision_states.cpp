#include "server/app/decision_states.h"

#include "domain/consultations/response_events.h"
#include "domain/events/decoded_event.h"

namespace hoering::app {

Result<consultations::ResponseDecisionState> LoadResponseDecision(const EventLog& log,
                                                                  const std::string& response_id) {
  constexpr std::size_t kPage = 256;
  const std::string stream = consultations::ResponseStream(response_id);
  consultations::ResponseDecisionState state;
  for (std::uint64_t from = 1;; from += kPage) {
    auto page = log.ReadStream(stream, from, kPage);
    if (!page.ok()) return page.status();
    for (const RecordedEvent& e : *page) {
      if (Status s = state.Apply(events::DecodeEvent(e)); !s.ok()) return s;
    }
    if (page->size() < kPage) return state;
  }
}

}  // namespace hoering::app
