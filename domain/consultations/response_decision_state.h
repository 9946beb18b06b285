// What decisions on a response need, and nothing more: the decision state of
// "response-<id>", folded from its typed events. The read view
// (ResponseState) keeps the contents and the history; deciding an amendment,
// a withdrawal or a disposition reads only this, so it can be loaded from the
// log's stream without any read view (server/app/decision_states.h).
// ResponseState::decision() gives the same value from a folded view.
// Not thread-safe; a value.
#pragma once

#include <cstdint>
#include <string>

#include "domain/status.h"

namespace hoering::events {
struct DecodedEvent;
}  // namespace hoering::events

namespace hoering::consultations {

struct ResponseDecisionState {
  std::uint64_t version = 0;  // the stream's version: the expected version of the next append
  std::string id;
  std::string consultation;
  std::string agreement;
  std::string party;           // of the current revision
  std::uint32_t revision = 0;  // the current revision; 0 while the response does not exist
  std::size_t points = 0;      // points of the current revision (numbered from 1)
  bool withdrawn = false;

  bool exists() const { return revision > 0; }
  bool operator==(const ResponseDecisionState&) const = default;

  // evolve: as ResponseState::Apply (a failure is kCorruption; unknown types
  // only advance the version).
  Status Apply(const events::DecodedEvent& e);
};

}  // namespace hoering::consultations
