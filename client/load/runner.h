// Drives a Scenario asynchronously: `threads` io threads, each running its
// own io_context, and `connections` keep-alive connections spread over them
// round-robin (connection c on thread c % threads; load_connection.h is one
// connection's loop). All connections start together: first a warm-up
// (answers checked and acknowledged writes kept for the audit, but no
// statistics), then the measured phase bounded by a duration or by a total
// number of requests.
//
// With RunConfig::rate, requests follow a schedule instead (open loop).
//
// The generator's own cost is measured too: the process's CPU time
// (getrusage, user + system, every thread) from the start of the measured
// phase to its end, so client_cpu_us_per_request() says what one request
// costs the load generator itself.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "client/lib/ack_audit.h"
#include "client/load/scenario.h"

namespace hoering::client::load {

struct RunConfig {
  std::string url = "http://127.0.0.1:8080";
  std::string token;                           // "" sends no Authorization
  int connections = 64;                        // keep-alive connections in total
  int threads = 0;                             // io threads; 0: DefaultLoadThreads()
  std::chrono::milliseconds duration{10'000};  // measured phase, when requests == 0
  std::uint64_t requests = 0;                  // > 0: measured requests in total instead
  std::chrono::milliseconds warmup{1'000};     // before the measured phase
  std::chrono::milliseconds timeout{10'000};   // per request
  // Requests per second offered in all (open loop), spread evenly over the
  // connections: connection c sends its k-th request at start + (c + k *
  // connections) / rate, or as soon as it has the previous answer when that
  // comes later. Latency is counted from the scheduled time, so a server
  // that falls behind shows in the percentiles, not only in a lower rate.
  // Every request scheduled before the end is sent, so a run against a
  // server slower than the rate lasts longer than `duration` (RunResult::
  // seconds says how long; its throughput is what the server achieved).
  // 0: closed loop, each connection sends again as soon as it is answered.
  double rate = 0;
};

struct RunResult {
  std::uint64_t sent = 0;            // measured requests sent
  std::uint64_t acknowledged = 0;    // measured requests judged ok
  double seconds = 0;                // measured phase, wall clock
  std::vector<double> latencies_ms;  // of acknowledged measured requests
  // Not-ok answers by HTTP status ("409") or "transport"; warm-up included.
  std::map<std::string, std::uint64_t> errors;
  std::vector<std::string> error_examples;  // up to 10
  std::vector<Acknowledged> acks;           // every acknowledged write, warm-up included
  std::uint64_t warmup_sent = 0;
  std::uint64_t connections_opened = 0;  // > connections means reconnects happened
  int threads = 0;                       // io threads used
  double client_cpu_seconds = 0;         // this process, user + sys, measured phase

  // CPU microseconds per measured request (sent); 0 without any.
  double client_cpu_us_per_request() const;
};

// min(2, hardware concurrency), at least 1.
int DefaultLoadThreads();

// REQUIRES: config.connections > 0, config.threads >= 0, config.url a base
// URL ParseBaseUrl accepts (otherwise nothing is sent and the result holds
// one error example); `scenario` prepared already. Uses
// min(threads, connections) threads. Runs to completion; transport errors are
// counted, never thrown.
RunResult RunLoad(const RunConfig& config, Scenario& scenario);

}  // namespace hoering::client::load
