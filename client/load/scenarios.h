// The scenarios hoering-load knows, by name.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "client/load/scenario.h"

namespace hoering::client::load {

struct ScenarioConfig {
  std::string run_id;      // unique per run; makes ids like load-<run>-<conn>-<i> unique
  int parties = 200;       // fixture size for scenarios that need parties ("responses")
  int consultations = 20;  // open consultations to spread the "responses" load over
};

// Names accepted by MakeScenario, for --scenario's help and validation.
std::vector<std::string> ScenarioNames();
// nullptr for an unknown name.
std::unique_ptr<Scenario> MakeScenario(const std::string& name, const ScenarioConfig& config);

// Individual scenarios (one file each).
std::unique_ptr<Scenario> MakePartiesScenario(const ScenarioConfig& config);

}  // namespace hoering::client::load
