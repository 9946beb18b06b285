// A random but realistic consultation history, appended to an EventStore: for
// tests that rebuild the read views from the log and for rebuild benchmarks.
//
// The events are what the server writes: they are built with the domain's own
// decide functions and encoders (parties, access, agreements, consultations,
// responses, decisions), on locally folded states, with the server's stream
// names and expected versions. Time is virtual (starting 2024-01-01, one
// clock per agreement, so not monotonic across the log: the store keeps its
// own clock and no commit deadline is sent), so the
// same seed gives the same streams, types and data; only what the store
// assigns (positions, recorded_at, hashes) and, with a store that completes
// appends on its own threads, the interleaving of streams in the log may
// differ. Each agreement runs rounds: drafting change sets, a published draft,
// a consultation (responses, amendments, withdrawals, attachments, sometimes
// an extension or an explicit close), late responses, dispositions and change
// sets citing response points, a final version, decisions with conditions and
// their fulfilment, fulfilled obligations.
//
// With `damaged`, a few events the views must tolerate are mixed in (about 30
// per history): unknown event types in known streams, malformed data in
// agreement, response, consultation, decision, attachment and party streams
// (broken streams in the views), a change set citing a response that does not
// exist, a disposition without a response.
//
// Appends go through the command service (server/commands/command_service.h)
// as the server's do, with the same idempotency fingerprint and a response's
// decided_on, with up to `in_flight` requests outstanding; a stream is never
// written twice concurrently, and an append waits for the pending appends of
// the streams its decision read (so the log is causally
// ordered). Blocks until every append is acknowledged.
//
// Thread safety: one call per store at a time; the store may be shared with
// readers.
//
// Implementation: tests/support/random_history/ (generator.h says which file
// holds what; the word lists and parties are data files there). The output
// for a seed must stay byte for byte the same (benchmarks and
// docs/performance.md depend on it): compare random_history_dump's output
// before and after a change (random_history_dump.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "domain/status.h"
#include "storage/event_store.h"

namespace hoering::testdata {

struct HistoryOptions {
  std::uint64_t events = 100000;  // append until at least this many events were written
  std::uint64_t seed = 1;         // same seed, same events (except what the store assigns)
  bool damaged = true;            // also write a few events the views must tolerate
  std::size_t in_flight = 256;    // concurrent AppendAsync requests (group commit batches them)
};

struct HistoryStats {
  std::uint64_t events = 0;   // events written
  std::uint64_t appends = 0;  // appends acknowledged
  std::map<std::string, std::uint64_t> by_type;
};

// Appends a random consultation history to `store` (REQUIRES: empty, or at
// least without the streams this writes). Returns the first append error, or
// kInternal when the generator itself produced a command the domain refused
// (a bug here).
Result<HistoryStats> AppendRandomHistory(EventStore& store, const HistoryOptions& options);

}  // namespace hoering::testdata
