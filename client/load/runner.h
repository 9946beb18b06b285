// Drives a Scenario: one thread and one keep-alive HttpClient per connection,
// all started together, first a warm-up (answers checked and acknowledged
// writes kept for the audit, but no statistics), then the measured phase
// bounded by a duration or by a total number of requests.
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
  int connections = 64;                        // threads = keep-alive connections
  std::chrono::milliseconds duration{10'000};  // measured phase, when requests == 0
  std::uint64_t requests = 0;                  // > 0: measured requests in total instead
  std::chrono::milliseconds warmup{1'000};     // before the measured phase
  std::chrono::milliseconds timeout{10'000};   // per request
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
};

// REQUIRES: config.connections > 0; `scenario` prepared already.
// Runs to completion; transport errors are counted, never thrown.
RunResult RunLoad(const RunConfig& config, Scenario& scenario);

}  // namespace hoering::client::load
