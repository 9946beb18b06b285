// The load runner's settings for an e2e run against a TestServer: as the
// admin, 8 keep-alive connections, 250 ms of warm-up, then `duration` of
// measured load, each request given 5 s at most.
#pragma once

#include <chrono>

#include "client/load/runner.h"
#include "tests/support/test_server.h"

namespace hoering::testing {

inline client::load::RunConfig E2eRunConfig(const TestServer& server,
                                            std::chrono::milliseconds duration) {
  client::load::RunConfig config;
  config.url = server.url();
  config.token = kAdminToken;
  config.connections = 8;
  config.warmup = std::chrono::milliseconds(250);
  config.duration = duration;
  config.timeout = std::chrono::milliseconds(5'000);
  return config;
}

}  // namespace hoering::testing
