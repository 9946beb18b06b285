// The result of a hoering-load run, for people or as one JSON document.
// Besides throughput, latency, errors and the audit it states what the load
// generator itself cost: `client_cpu_us_per_request` (JSON) / "client cpu"
// (human), CPU microseconds (user + sys, every thread) per measured request.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "client/lib/ack_audit.h"
#include "client/lib/latency_stats.h"
#include "client/load/responses_scenario.h"
#include "client/load/runner.h"

namespace hoering::client::load {

struct LoadReport {
  std::string scenario;
  std::string run_id;
  RunConfig config;
  RunResult run;
  LatencySummary latency;
  std::optional<AckAuditReport> audit;  // nullopt when the log could not be read
  std::string audit_error;              // why, when it could not
  double audit_seconds = 0;             // wall time the audit took
  // Scenarios that read their writes back ("responses"); nullopt otherwise.
  std::optional<ReadbackReport> readback = std::nullopt;

  double throughput() const { return run.seconds > 0 ? run.acknowledged / run.seconds : 0; }
  // Acknowledged writes not found where acknowledged; unknown (nullopt)
  // without an audit.
  std::optional<std::uint64_t> lost() const;
};

nlohmann::json ToJson(const LoadReport& r);
void PrintHuman(std::ostream& out, const LoadReport& r);

}  // namespace hoering::client::load
