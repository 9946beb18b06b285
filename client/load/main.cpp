// hoering-load: drives a write workload against a server, measures throughput
// and latency, then proves every acknowledged write is in the log.
//
// Exit codes: 0 ok; 1 bad arguments; 2 acknowledged writes are lost or read
// back differently ("responses"); 3 nothing was acknowledged, preparation
// failed or the audit could not read the log.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <random>

#include "client/lib/api.h"
#include "client/load/duration.h"
#include "client/load/report.h"
#include "client/load/responses_scenario.h"
#include "client/load/scenarios.h"

namespace hoering::client::load {
namespace {

std::string NewRunId() {
  std::random_device rd;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(rd()));
  return buf;
}

int Main(int argc, char** argv) {
  RunConfig config;
  std::string scenario_name = "parties", duration = "10s", warmup = "1s", timeout = "10s";
  std::string run_id = NewRunId();
  ScenarioConfig scenario_config;
  bool json = false;
  int audit_readers = 2;

  CLI::App app{"hoering-load: write load with a durability audit", "hoering-load"};
  app.add_option("--url", config.url, "Server base URL")
      ->envname("HOERING_URL")
      ->capture_default_str();
  app.add_option("--token", config.token, "Bearer token (admin: writes and reads the log)")
      ->envname("HOERING_TOKEN");
  app.add_option("--connections", config.connections,
                 "Keep-alive connections, spread over the io threads")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  config.threads = DefaultLoadThreads();
  app.add_option("--threads", config.threads,
                 "io threads running the connections (default: min(2, cores))")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  app.add_option("--duration", duration, "Measured time, e.g. 10s, 500ms, 2m")
      ->capture_default_str();
  app.add_option("--requests", config.requests,
                 "Measured requests in total (instead of --duration)");
  app.add_option("--warmup", warmup, "Warm-up before measuring")->capture_default_str();
  app.add_option("--timeout", timeout, "Per-request timeout")->capture_default_str();
  app.add_option("--rate", config.rate,
                 "Requests/s offered in all, on a schedule (open loop; latency counted from "
                 "each request's scheduled time); 0: each connection sends on as answered")
      ->check(CLI::Range(0.0, 10'000'000.0))
      ->capture_default_str();
  app.add_option("--scenario", scenario_name,
                 "Workload: parties (POST /v1/parties), responses (responses to open "
                 "consultations, submitted by the secretariat, read back after the run)")
      ->check(CLI::IsMember(ScenarioNames()))
      ->capture_default_str();
  app.add_option("--run-id", run_id, "Tag making generated ids unique (default: random)");
  app.add_option("--parties", scenario_config.parties, "responses: parties to register")
      ->check(CLI::Range(1, 100'000))
      ->capture_default_str();
  app.add_option("--consultations", scenario_config.consultations,
                 "responses: open consultations to submit to")
      ->check(CLI::Range(1, 10'000))
      ->capture_default_str();
  app.add_option("--audit-readers", audit_readers,
                 "Connections re-reading the log at once for the audit")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  app.add_flag("--json", json, "Print the report as JSON");
  CLI11_PARSE(app, argc, argv);

  auto d = ParseDuration(duration), w = ParseDuration(warmup), t = ParseDuration(timeout);
  if (!d || !w || !t || t->count() == 0) {
    std::cerr << "hoering-load: durations look like 10s, 500ms or 2m\n";
    return 1;
  }
  config.duration = *d;
  config.warmup = *w;
  config.timeout = *t;

  HttpClientOptions http;
  http.timeout = std::max(config.timeout, std::chrono::milliseconds(30'000));
  auto api = Api::Connect(config.url, config.token, http);
  if (!api.ok()) {
    std::cerr << "hoering-load: " << Describe(api.error()) << '\n';
    return 1;
  }
  scenario_config.run_id = run_id;
  auto scenario = MakeScenario(scenario_name, scenario_config);
  if (auto st = scenario->Prepare(*api); !st.ok()) {
    std::cerr << "hoering-load: preparing " << scenario_name << " failed: " << st.detail() << '\n';
    return 3;
  }

  std::cerr << "hoering-load: " << scenario_name << ", " << config.connections << " connections on "
            << std::min(config.threads, config.connections) << " threads, "
            << (config.requests ? std::to_string(config.requests) + " requests"
                                : duration + " measured")
            << " after " << warmup << " warm-up"
            << (config.rate > 0
                    ? ", " + std::to_string(static_cast<long long>(config.rate)) + "/s offered"
                    : std::string())
            << " against " << config.url << '\n';
  // "responses" submits as the secretariat (its own token), reads back as it.
  auto* responses = dynamic_cast<ResponsesScenario*>(scenario.get());
  RunConfig run_config = config;
  if (responses && !responses->secretariat_token().empty()) {
    run_config.token = responses->secretariat_token();
  }
  LoadReport report{scenario_name, run_id, config, RunLoad(run_config, *scenario), {}, {}, {}};
  report.latency = Summarize(report.run.latencies_ms);
  std::cerr << "hoering-load: re-reading " << report.run.acks.size()
            << " acknowledged writes through /v1/events (" << audit_readers << " readers)\n";
  const auto audit_started = std::chrono::steady_clock::now();
  auto audit =
      AuditAcknowledgedInParallel([&] { return Api::Connect(config.url, config.token, http); },
                                  report.run.acks, audit_readers, 1000);
  report.audit_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - audit_started).count();
  if (audit.ok()) {
    report.audit = *audit;
  } else {
    report.audit_error = Describe(audit.error());
  }
  if (responses) {
    auto reader = Api::Connect(config.url, run_config.token, http);
    std::cerr << "hoering-load: reading back up to " << ResponsesScenario::kMaxReadback << " of "
              << responses->receipts() << " responses\n";
    report.readback = responses->ReadBack(*reader);
  }

  if (json) {
    std::cout << ToJson(report).dump(2) << '\n';
  } else {
    PrintHuman(std::cout, report);
  }
  if (!report.audit) return 3;
  if (report.audit->lost > 0) return 2;
  if (report.readback && report.readback->mismatches > 0) return 2;
  if (report.run.acks.empty() && report.run.acknowledged == 0) return 3;
  return 0;
}

}  // namespace
}  // namespace hoering::client::load

int main(int argc, char** argv) {
  return hoering::client::load::Main(argc, argv);
}
