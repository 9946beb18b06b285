// Proof that acknowledged writes are durable: re-read the log through
// /v1/events and check that every write the server acknowledged is present at
// the position it was acknowledged with, in the expected stream.
// Used by hoering-load at the end of a run; usable by any test.
//
// Cost: the audit reads every event from the smallest to the largest
// acknowledged position in pages of up to 1000 (the server's largest page),
// never one request per acknowledgement, without the events' data
// (/v1/events?data=false: about 500 bytes an event instead of a few KB);
// AuditAcknowledgedInParallel splits the range over several connections so
// the server and the client work on several pages at once.
//
// Thread safety: AuditAcknowledged uses `api` on the calling thread (an Api
// is not thread-safe); the parallel form uses one Api per reader thread.
#pragma once

#include <cstdint>
#include <functional>
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

// The same result, read by up to `readers` connections at once: the
// acknowledgements, sorted by position, are cut into `readers` contiguous
// slices of about equal size (never between two acknowledgements of the same
// position), and each slice's range min..max is read by its own thread with
// its own Api from `connect` (called on the calling thread, once per slice,
// before any thread starts). Only the ranges of the slices are read, so the
// log between two slices is skipped. Counts add up; `examples` are the
// slices' findings in position order, at most 10.
// REQUIRES: readers >= 1. The first error of a connect or of a slice (in
// slice order) is returned; every thread has finished by then.
Expected<AckAuditReport> AuditAcknowledgedInParallel(const std::function<Expected<Api>()>& connect,
                                                     std::vector<Acknowledged> acks, int readers,
                                                     std::uint32_t page_size = 1000);

}  // namespace hoering::client
