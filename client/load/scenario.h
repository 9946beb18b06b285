// A load scenario: what each connection sends next and how its answer is
// judged. hoering-load drives any Scenario the same way (see runner.h), so a
// new workload ("submit responses", ...) is one new class plus one line in
// scenarios.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "client/lib/ack_audit.h"
#include "client/lib/api.h"
#include "client/lib/http_client.h"
#include "domain/status.h"

namespace hoering::client::load {

struct LoadRequest {
  Verb method = Verb::post;
  std::string target;  // path + query, e.g. "/v1/parties"
  std::string body;
  std::string content_type = "application/json";
  Headers headers;     // added to Authorization (set by the runner)
  std::string stream;  // where an acknowledged write must appear ("" for reads)
  std::string type;    // expected event type ("" accepts any)
};

struct LoadOutcome {
  bool ok = false;                  // acknowledged (counts toward throughput)
  std::optional<Acknowledged> ack;  // a write to re-check in the log at the end
  std::string problem;              // why not ok, for the report's examples
};

class Scenario {
 public:
  virtual ~Scenario() = default;
  virtual std::string name() const = 0;

  // Called once on the main thread before any worker starts (create fixtures
  // such as an agreement and a consultation). Default: nothing to prepare.
  virtual Status Prepare(Api& api) { return Status::Ok(); }

  // The `index`-th request (from 0) of `connection`. Called concurrently from
  // the runner's io threads (several connections per thread, each with its
  // own `connection`); must be thread-safe and must not block: it runs on an
  // io thread, and a wait stalls every connection of that thread. A short
  // lock is fine (ResponsesScenario records receipts under one).
  virtual LoadRequest Next(int connection, std::uint64_t index) = 0;

  // Judges the answer to `request`. Thread-safe and non-blocking, as Next
  // (called on the io thread that got the answer). The default accepts any 2xx
  // answer that carries a log position (body `position` or X-Log-Position)
  // and acknowledges it for `request.stream` when that is non-empty.
  virtual LoadOutcome Check(const LoadRequest& request, const HttpResponse& response);
};

}  // namespace hoering::client::load
