#include "server/app/response_loader.h"

#include "domain/consultations/response_events.h"
#include "server/app/stream_fold.h"

namespace hoering::app {

namespace cs = consultations;

Result<std::shared_ptr<const cs::ResponseState>> LoadResponse(const EventLog& log,
                                                              const std::string& id,
                                                              std::size_t* bytes) {
  auto state = std::make_shared<cs::ResponseState>();
  if (Status s = FoldStream(log, cs::ResponseStream(id), *state, bytes); !s.ok()) return s;
  if (!state->exists()) {
    return NotFound("response '" + id + "' does not exist", "response-not-found");
  }
  return std::shared_ptr<const cs::ResponseState>(std::move(state));
}

cs::ResponseLookup ResponsesIn(const EventLog& log) {
  return [&log](const std::string& id) { return LoadResponse(log, id); };
}

}  // namespace hoering::app
