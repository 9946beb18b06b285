#include "client/load/scenarios.h"

#include "client/load/responses_scenario.h"

namespace hoering::client::load {
namespace {

struct Entry {
  const char* name;
  std::unique_ptr<Scenario> (*make)(const ScenarioConfig&);
};

constexpr Entry kScenarios[] = {
    {"parties", MakePartiesScenario},
    {"responses", MakeResponsesScenario},
};

}  // namespace

std::vector<std::string> ScenarioNames() {
  std::vector<std::string> names;
  for (const auto& e : kScenarios) names.emplace_back(e.name);
  return names;
}

std::unique_ptr<Scenario> MakeScenario(const std::string& name, const ScenarioConfig& config) {
  for (const auto& e : kScenarios) {
    if (name == e.name) return e.make(config);
  }
  return nullptr;
}

}  // namespace hoering::client::load
