// The application: read models, routes and their wiring to a store. Owns
// everything the handlers need except the store and the HTTP transport.
//
// Lifecycle: construct with an open store; Start() catches the read models up
// and marks them ready; handler() serves requests; Shutdown() waits for
// blocking jobs. The store must outlive the App.
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <memory>

#include "server/app/app_context.h"
#include "server/app/min_position_gate.h"
#include "server/http/metrics.h"
#include "server/http/request_metrics.h"
#include "server/http/router.h"

namespace hoering::app {

class App {
 public:
  // `clock` returns UTC ms (injectable for tests).
  App(EventStore& store, http::MetricsRegistry& metrics, std::function<std::int64_t()> clock);
  ~App();

  // Catches the read models up from the log. Call once, before serving.
  Status Start();
  http::Handler& handler() { return gate_; }
  AppContext& context() { return ctx_; }
  ReadModels& models() { return models_; }
  // Waits for running blocking jobs (verify) to finish.
  void Shutdown();

 private:
  EventStore& ctx_store_;
  ReadModels models_{ctx_store_};
  CommitNotifier notifier_;
  boost::asio::thread_pool blocking_{1};
  AppContext ctx_;
  http::RequestMetrics request_metrics_;
  http::Router router_;
  MinPositionGate gate_{ctx_, router_};
};

}  // namespace hoering::app
