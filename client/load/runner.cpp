#include "client/load/runner.h"

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <memory>
#include <thread>

#include "client/load/cpu_time.h"
#include "client/load/load_connection.h"

namespace hoering::client::load {

double RunResult::client_cpu_us_per_request() const {
  return CpuMicrosPerRequest(client_cpu_seconds, sent);
}

int DefaultLoadThreads() {
  const unsigned hardware = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(hardware, 1u, 2u));
}

RunResult RunLoad(const RunConfig& config, Scenario& scenario) {
  RunResult result;
  auto endpoint = ParseBaseUrl(config.url);
  if (!endpoint.ok()) {
    result.error_examples.push_back("bad url: " + endpoint.status().detail());
    return result;
  }
  const int threads = std::max(
      1, std::min(config.threads > 0 ? config.threads : DefaultLoadThreads(), config.connections));
  LoadPlan plan(config, scenario, *endpoint);
  if (!config.token.empty()) plan.authorization = "Bearer " + config.token;

  // Destroyed in reverse: connections first, then tallies and contexts.
  std::vector<std::unique_ptr<boost::asio::io_context>> contexts;
  std::vector<RunTally> tallies(threads);
  for (int t = 0; t < threads; ++t)
    contexts.push_back(std::make_unique<boost::asio::io_context>(1));
  std::vector<std::unique_ptr<LoadConnection>> connections;
  connections.reserve(config.connections);

  const auto begin = LoadClock::now();
  plan.started = begin;
  plan.measure_from = begin + config.warmup;
  plan.measure_until = plan.measure_from + config.duration;
  for (int c = 0; c < config.connections; ++c) {
    connections.push_back(
        std::make_unique<LoadConnection>(*contexts[c % threads], plan, c, tallies[c % threads]));
    connections.back()->Start();
  }
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) workers.emplace_back([&io = *contexts[t]] { io.run(); });

  // A run always lasts past measure_from: before it, every connection may
  // continue (runner.h). This thread sleeps, so it adds no CPU of its own.
  std::this_thread::sleep_until(plan.measure_from);
  const double cpu_from = ProcessCpuSeconds();
  for (auto& w : workers) w.join();
  const auto end = LoadClock::now();
  result.client_cpu_seconds = std::max(0.0, ProcessCpuSeconds() - cpu_from);

  result.seconds = std::max(
      0.0, std::chrono::duration<double>(end - std::max(plan.measure_from, begin)).count());
  result.threads = threads;
  for (auto& tally : tallies) tally.MergeInto(result);
  return result;
}

}  // namespace hoering::client::load
