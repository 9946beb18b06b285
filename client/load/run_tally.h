// The accounting of a load run: one RunTally per io thread counts what the
// connections on that thread sent and got back, and MergeInto() adds it to
// the run's total once the thread is done.
//
// Rules (the RunResult contract in runner.h): every request counts as sent
// (measured) or warmup_sent; an ok outcome in the measured phase counts as
// acknowledged with its latency; every ack (warm-up too) is kept for the
// audit; a not-ok outcome counts under its HTTP status ("409") or
// "transport", warm-up included, and its "<key>: <problem>" is kept as an
// example when it is new and fewer than kMaxErrorExamples are kept.
//
// Thread safety: none. A RunTally belongs to one io thread; MergeInto is
// called after that thread has stopped.
#pragma once

#include <cstdint>
#include <string>

#include "client/load/runner.h"

namespace hoering::client::load {

inline constexpr std::size_t kMaxErrorExamples = 10;

class RunTally {
 public:
  // One answered or failed request. `key` is the HTTP status as text or
  // "transport"; it is only read when !outcome.ok.
  void Count(bool measuring, double latency_ms, LoadOutcome outcome, const std::string& key);
  void ConnectionOpened() { ++result_.connections_opened; }

  const RunResult& result() const { return result_; }
  // Adds this tally (counts, latencies, acks, errors, examples) to `total`
  // and leaves this tally empty. `total.seconds` is not touched.
  void MergeInto(RunResult& total);

 private:
  RunResult result_;
};

}  // namespace hoering::client::load
