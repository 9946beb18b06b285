// The application: read views, routes and their wiring to a store. Owns
// everything the handlers need except the store and the HTTP transport.
//
// Lifecycle: construct with an open store; Start() catches the read views up
// and marks them ready; handler() serves requests; Shutdown() waits for
// blocking jobs. The store must outlive the App.
#pragma once

#include <atomic>
#include <boost/asio/thread_pool.hpp>
#include <memory>

#include "server/app/app_context.h"
#include "server/app/min_position_gate.h"
#include "server/app/point_search.h"
#include "server/http/metrics.h"
#include "server/http/request_metrics.h"
#include "server/http/router.h"

namespace hoering::app {

struct AppOptions {
  // A checkpoint of the read views is written in the background whenever
  // this many events were applied since the last one (0: never), and at
  // Shutdown() when anything changed. Off by default: writing one costs about
  // as much as folding the log again (docs/performance.md "Projections").
  std::uint64_t checkpoint_every = 0;
  // While no view changed since the stored snapshot, the checkpoint is only
  // the snapshot's small marker (read_views.h), written after this many
  // events (at most checkpoint_every): it bounds what a start after a crash
  // folds when the log grows by responses only.
  std::uint64_t checkpoint_marker_every = 1000;
  // When views changed since the stored snapshot but none for this many
  // events, a new snapshot is written then (not only after checkpoint_every),
  // so that markers can follow it: a burst of decisions or a new consultation
  // does not leave the rest of a stream of responses to be folded after a crash.
  std::uint64_t checkpoint_after_quiet = 10000;
  bool checkpoint_on_shutdown = true;
  // AppContext::public_url: an absolute http(s) URL without query or
  // fragment (server/http/config.h validates --public-url); a trailing slash
  // is dropped.
  std::string public_url = "http://127.0.0.1:8080";
  // AppContext::response_cache's memory budget (response_cache.h).
  std::size_t response_cache_bytes = std::size_t{32} << 20;
  // Threads of the blocking pool (AppContext::run_blocking): reports chunk
  // by chunk, receipts, verification, snapshots of the read views. With one,
  // four reports at once waited for each other (report p99 2.9 s against
  // 0.10-0.13 s for one alone: docs/performance.md, session 18).
  std::size_t blocking_threads = 2;
  // AppContext::point_search's memory budget (point_search.h).
  std::size_t point_search_bytes = std::size_t{64} << 20;
  // AppContext::diff_bodies's memory budget (diff_bodies.h).
  std::size_t diff_bodies_bytes = DiffBodies::kDefaultBudget;
  // AppContext::change_excerpts's memory budget (change_excerpts.h).
  std::size_t change_excerpts_bytes = ChangeExcerptCache::kDefaultBudget;
};

class App {
 public:
  // `clock` returns UTC ms (injectable for tests).
  App(EventStore& store, http::MetricsRegistry& metrics, std::function<std::int64_t()> clock,
      AppOptions options = {});
  ~App();

  // Restores the read views from their checkpoint (unless `use_checkpoint`
  // is false: then they are folded from position 1) and catches them up from
  // the log. Call once, before serving.
  Result<ProjectionStart> Start(bool use_checkpoint = true);
  http::Handler& handler() { return gate_; }
  AppContext& context() { return ctx_; }
  ReadViews& views() { return views_; }
  // Waits for running blocking jobs (verify) to finish, then writes a
  // checkpoint (AppOptions).
  void Shutdown();

 private:
  void MaybeCheckpointInBackground();

  AppOptions options_;
  std::atomic<bool> checkpoint_queued_{false};
  std::atomic<bool> shut_down_{false};
  EventStore& ctx_store_;
  ReadViews views_{ctx_store_};
  commands::CommandService commands_{ctx_store_};
  VersionTexts version_texts_{ctx_store_};
  DiffBodies diff_bodies_{options_.diff_bodies_bytes};
  ChangeExcerptCache change_excerpts_{options_.change_excerpts_bytes};
  ResponseCache response_cache_{ctx_store_, options_.response_cache_bytes};
  CommitNotifier notifier_;
  boost::asio::thread_pool blocking_{options_.blocking_threads};
  // Keeps a reference to ctx_ (constructed next) and uses it only when asked.
  PointSearch point_search_{ctx_, options_.point_search_bytes};
  AppContext ctx_;
  http::RequestMetrics request_metrics_;
  http::Router router_;
  MinPositionGate gate_{ctx_, router_};
};

}  // namespace hoering::app
