#include "client/load/runner.h"

#include <algorithm>
#include <atomic>
#include <latch>
#include <mutex>
#include <thread>

namespace hoering::client::load {
namespace {

using Clock = std::chrono::steady_clock;

struct Shared {
  Shared(const RunConfig& c, Scenario& sc)
      : config(c), scenario(sc), start(c.connections + 1), budget(c.requests) {}

  const RunConfig& config;
  Scenario& scenario;
  std::latch start;
  Clock::time_point begin;            // set before the latch opens
  Clock::time_point measure_from;     // begin + warmup
  Clock::time_point measure_until;    // duration mode only
  std::atomic<std::uint64_t> budget;  // requests mode: measured requests left
  std::mutex mu;
  RunResult result;  // GUARDED_BY(mu)
};

// Takes one measured request from the budget (requests mode) or checks the
// clock (duration mode). False: this worker is done.
bool MayContinue(Shared& s, Clock::time_point now, bool measuring) {
  if (s.config.requests > 0) {
    if (!measuring) return true;
    std::uint64_t left = s.budget.load();
    while (left > 0 && !s.budget.compare_exchange_weak(left, left - 1)) {
    }
    return left > 0;
  }
  return now < s.measure_until;
}

void Worker(Shared& s, int connection) {
  RunResult local;
  HttpClientOptions options;
  options.timeout = s.config.timeout;
  auto http = HttpClient::Create(s.config.url, options);
  Headers auth;
  if (!s.config.token.empty()) auth.Set("Authorization", "Bearer " + s.config.token);
  s.start.arrive_and_wait();
  for (std::uint64_t index = 0; http.ok(); ++index) {
    const auto before = Clock::now();
    const bool measuring = before >= s.measure_from;
    if (!MayContinue(s, before, measuring)) break;
    LoadRequest req = s.scenario.Next(connection, index);
    Headers headers = req.headers;
    for (const auto& [n, v] : auth.fields()) headers.Set(n, v);
    auto r = http->Send(req.method, req.target, req.body, req.content_type, headers);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - before).count();
    (measuring ? local.sent : local.warmup_sent)++;
    LoadOutcome outcome;
    if (r.ok()) {
      outcome = s.scenario.Check(req, r.value());
    } else {
      outcome.problem = r.status().detail();
    }
    if (outcome.ack) local.acks.push_back(*outcome.ack);
    if (outcome.ok) {
      if (measuring) {
        ++local.acknowledged;
        local.latencies_ms.push_back(ms);
      }
      continue;
    }
    const std::string key = r.ok() ? std::to_string(r->status) : "transport";
    ++local.errors[key];
    std::string example = key + ": " + outcome.problem;
    if (local.error_examples.size() < 10 &&
        std::find(local.error_examples.begin(), local.error_examples.end(), example) ==
            local.error_examples.end()) {
      local.error_examples.push_back(std::move(example));
    }
    if (!r.ok()) std::this_thread::sleep_for(std::chrono::milliseconds(10));  // no hot spin
  }
  if (http.ok()) local.connections_opened = http->connections_opened();

  std::lock_guard lock(s.mu);
  RunResult& total = s.result;
  total.sent += local.sent;
  total.warmup_sent += local.warmup_sent;
  total.acknowledged += local.acknowledged;
  total.connections_opened += local.connections_opened;
  total.latencies_ms.insert(total.latencies_ms.end(), local.latencies_ms.begin(),
                            local.latencies_ms.end());
  total.acks.insert(total.acks.end(), local.acks.begin(), local.acks.end());
  for (const auto& [k, n] : local.errors) total.errors[k] += n;
  for (auto& e : local.error_examples) {
    if (total.error_examples.size() < 10 &&
        std::find(total.error_examples.begin(), total.error_examples.end(), e) ==
            total.error_examples.end()) {
      total.error_examples.push_back(std::move(e));
    }
  }
}

}  // namespace

RunResult RunLoad(const RunConfig& config, Scenario& scenario) {
  Shared s(config, scenario);
  std::vector<std::thread> threads;
  threads.reserve(config.connections);
  for (int c = 0; c < config.connections; ++c) threads.emplace_back(Worker, std::ref(s), c);
  s.begin = Clock::now();
  s.measure_from = s.begin + config.warmup;
  s.measure_until = s.measure_from + config.duration;
  s.start.arrive_and_wait();  // publishes the times above to every worker
  for (auto& t : threads) t.join();
  const auto end = Clock::now();
  s.result.seconds =
      std::max(0.0, std::chrono::duration<double>(end - std::max(s.measure_from, s.begin)).count());
  return std::move(s.result);
}

}  // namespace hoering::client::load
