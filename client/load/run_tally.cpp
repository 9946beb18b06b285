#include "client/load/run_tally.h"

#include <algorithm>

namespace hoering::client::load {
namespace {

void AddExample(std::vector<std::string>& examples, std::string example) {
  if (examples.size() < kMaxErrorExamples &&
      std::find(examples.begin(), examples.end(), example) == examples.end()) {
    examples.push_back(std::move(example));
  }
}

}  // namespace

void RunTally::Count(bool measuring, double latency_ms, LoadOutcome outcome,
                     const std::string& key) {
  (measuring ? result_.sent : result_.warmup_sent)++;
  if (outcome.ack) result_.acks.push_back(std::move(*outcome.ack));
  if (outcome.ok) {
    if (measuring) {
      ++result_.acknowledged;
      result_.latencies_ms.push_back(latency_ms);
    }
    return;
  }
  ++result_.errors[key];
  AddExample(result_.error_examples, key + ": " + outcome.problem);
}

void RunTally::MergeInto(RunResult& total) {
  RunResult local = std::move(result_);
  result_ = RunResult{};
  total.sent += local.sent;
  total.warmup_sent += local.warmup_sent;
  total.acknowledged += local.acknowledged;
  total.connections_opened += local.connections_opened;
  total.latencies_ms.insert(total.latencies_ms.end(), local.latencies_ms.begin(),
                            local.latencies_ms.end());
  total.acks.insert(total.acks.end(), std::make_move_iterator(local.acks.begin()),
                    std::make_move_iterator(local.acks.end()));
  for (const auto& [k, n] : local.errors) total.errors[k] += n;
  for (auto& e : local.error_examples) AddExample(total.error_examples, std::move(e));
}

}  // namespace hoering::client::load
