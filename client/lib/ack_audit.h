// Proof that acknowledged writes are durable: re-read the log through
// /v1/events and check that every write the server acknowledged is present at
// the position it was acknowledged with, in the expected stream.
// Used by hoering-load at the end of a run; usable by any test.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "client/lib/api.h"

namespace hoering::client {

struct Acknowledged {
  std::uint64_t position = 0;  // from the write's answer
  std::string stream;          // expected stream, e.g. "party-load-1-0-7"
  std::string type;            // expected event type; "" accepts any
};

struct AckAuditReport {
  std::uint64_t acknowledged = 0;     // acknowledgements given to the audit
  std::uint64_t confirmed = 0;        // found at their position with the expected stream/type
  std::uint64_t missing = 0;          // no event at that position in the log
  std::uint64_t mismatched = 0;       // an event of another stream/type sits there
  std::uint64_t duplicates = 0;       // the same position acknowledged more than once
  std::uint64_t lost = 0;             // acknowledged - confirmed
  std::uint64_t from = 0, to = 0;     // the range that was read (0, 0 when empty)
  std::vector<std::string> examples;  // up to 10 human-readable findings
};

// Reads positions min..max of `acks` (pages of `page_size`) and compares.
// An ApiError means the log could not be read; the audit is then unknown.
Expected<AckAuditReport> AuditAcknowledged(Api& api, std::vector<Acknowledged> acks,
                                           std::uint32_t page_size = 1000);

}  // namespace hoering::client
