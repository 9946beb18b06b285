// The load tests' scenario and server answer: ScriptedScenario asks for
// POST /w with body "<connection>-<index>" (expected in stream "s-<body>",
// event type "T") and records what the runner asked for and checked; Created
// is a FakeServer's 201 with a log position. Thread safe (the runner calls a
// scenario from several I/O threads).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "client/load/scenario.h"
#include "tests/client/fake_server.h"

namespace hoering::client::load {

class ScriptedScenario : public Scenario {
 public:
  std::string name() const override { return "scripted"; }

  LoadRequest Next(int connection, std::uint64_t index) override {
    {
      std::lock_guard lock(mu_);
      asked_[connection].push_back(index);
    }
    LoadRequest r;
    r.method = Verb::post;
    r.target = "/w";
    r.body = std::to_string(connection) + "-" + std::to_string(index);
    r.headers.Set("X-Test", "yes");
    if (with_stream) r.stream = "s-" + r.body;
    r.type = "T";
    return r;
  }

  LoadOutcome Check(const LoadRequest& request, const HttpResponse& response) override {
    {
      std::lock_guard lock(mu_);
      checked_bodies_.push_back(request.body);
    }
    return Scenario::Check(request, response);
  }

  // The indices asked for, by connection.
  std::map<int, std::vector<std::uint64_t>> asked() const {
    std::lock_guard lock(mu_);
    return asked_;
  }
  // The bodies of the requests handed to Check, in the order it saw them.
  std::vector<std::string> checked_bodies() const {
    std::lock_guard lock(mu_);
    return checked_bodies_;
  }

  bool with_stream = true;  // false: reads (no stream), acknowledged without a position

 private:
  mutable std::mutex mu_;
  std::map<int, std::vector<std::uint64_t>> asked_;
  std::vector<std::string> checked_bodies_;
};

// 201 Created with {"position": position}.
inline FakeReply Created(std::uint64_t position) {
  return Json(201, nlohmann::json{{"position", position}}.dump());
}

}  // namespace hoering::client::load
