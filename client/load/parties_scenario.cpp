// Scenario "parties": every request registers a new party
//   POST /v1/parties {id: "load-<run>-<conn>-<i>", name: <~100 bytes>, kind}
// and must be acknowledged with 201 and a position; the write is expected in
// stream "party-<id>".
#include <nlohmann/json.hpp>

#include "client/load/scenarios.h"

namespace hoering::client::load {
namespace {

constexpr const char* kKinds[] = {"region",       "municipality", "practice",
                                  "organisation", "authority",    "committee"};
constexpr std::size_t kNameBytes = 100;

class PartiesScenario : public Scenario {
 public:
  explicit PartiesScenario(ScenarioConfig config) : config_(std::move(config)) {}

  std::string name() const override { return "parties"; }

  LoadRequest Next(int connection, std::uint64_t index) override {
    const std::string suffix = std::to_string(connection) + "-" + std::to_string(index);
    const std::string id = "load-" + config_.run_id + "-" + suffix;
    std::string name = "Load test party " + suffix + " ";
    while (name.size() < kNameBytes) name += "abcdefghijklmnopqrstuvwxyz";
    name.resize(kNameBytes);
    nlohmann::json body{{"id", id}, {"name", name}, {"kind", kKinds[index % std::size(kKinds)]}};
    LoadRequest r;
    r.method = Verb::post;
    r.target = "/v1/parties";
    r.body = body.dump();
    r.stream = "party-" + id;
    return r;
  }

  LoadOutcome Check(const LoadRequest& request, const HttpResponse& response) override {
    if (response.status != 201 && IsSuccess(response.status)) {
      LoadOutcome out;
      out.problem = "expected 201 Created, got " + std::to_string(response.status);
      return out;
    }
    return Scenario::Check(request, response);
  }

 private:
  ScenarioConfig config_;
};

}  // namespace

std::unique_ptr<Scenario> MakePartiesScenario(const ScenarioConfig& config) {
  return std::make_unique<PartiesScenario>(config);
}

}  // namespace hoering::client::load
