// The random history's writing side: appends go through the command service
// (server/commands/command_service.h) as the server's do, with up to
// `in_flight` outstanding; an append to a stream waits until nothing is in
// flight or queued before it on that stream or on any stream its decision
// read (so the log is causally ordered and its decided_on still holds).
// Each Write also records the events in the generator's local model at once
// (tests/support/event_log_builder.h), with local positions and virtual time.
//
// Thread safety: Write, Failed and Finish are called by the generator's
// thread; acknowledgements arrive on the store's threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/event.h"
#include "domain/time.h"
#include "server/commands/command_service.h"
#include "storage/event_store.h"
#include "tests/support/random_history.h"
#include "tests/support/random_history/rng.h"

namespace hoering::testdata::history {

class HistoryWriter {
 public:
  // `rng` draws correlation ids and idempotency keys; the generator's own.
  HistoryWriter(EventStore& store, Rng& rng, std::size_t in_flight);

  // Appends `events` to `stream` with the expected version the local model
  // knows; the append is sent once neither `stream` nor any of `reads` has an
  // append in flight or queued before it (others overtake it meanwhile).
  // `idempotent`: with an idempotency key, as a client retrying would send.
  // Returns the events as the local model records them (virtual time `at`).
  // Blocks while the queue is full.
  std::vector<RecordedEvent> Write(const std::string& stream, std::vector<NewEvent> events,
                                   const Actor& actor, TimeMs at,
                                   const std::vector<std::string>& reads = {},
                                   bool idempotent = false,
                                   std::optional<StreamAt> decided_on = std::nullopt);

  // Whether an append failed (later ones are dropped).
  bool Failed();
  // Events handed to Write so far.
  std::uint64_t planned() const { return planned_; }

  // Blocks until every append is acknowledged (or dropped after a failure);
  // returns the first append error, else what was written.
  Result<HistoryStats> Finish();

 private:
  struct Queued {
    commands::CommandMeta meta;
    commands::Command cmd;
    std::vector<std::string> types;
    std::vector<std::string> reads;
  };

  std::size_t Limit() const;
  // Queues the append; sends what is ready. Blocks while the queue is full.
  void Dispatch(Queued q);
  // Sends ready appends until done() holds, waiting for acknowledgements in
  // between. REQUIRES: lock holds mu_.
  template <typename Done>
  void Pump(std::unique_lock<std::mutex>& lock, Done done);
  // Removes from the queue, in order, every append whose stream and read
  // streams have nothing in flight and nothing queued before it, up to the
  // in-flight limit. REQUIRES: mu_ held.
  std::vector<Queued> TakeReady();
  // Through the command service, as the server writes.
  void Send(Queued q);

  commands::CommandService commands_;
  Rng& rng_;
  const std::size_t in_flight_limit_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Queued> queue_;                   // decided, not yet sent, in order
  std::unordered_map<std::string, int> busy_;  // streams with appends in flight
  std::size_t in_flight_ = 0;
  Status error_;
  HistoryStats stats_;

  std::uint64_t planned_ = 0;  // events handed to the store
  std::uint64_t local_position_ = 0;
  std::unordered_map<std::string, std::uint64_t> versions_;  // stream versions written
};

}  // namespace hoering::testdata::history
