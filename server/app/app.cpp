#include "server/app/app.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/post.hpp>

#include "server/app/routes.h"
#include "server/web/pages.h"

namespace hoering::app {
namespace {

std::string WithoutTrailingSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

App::App(EventStore& store, http::MetricsRegistry& metrics, std::function<std::int64_t()> clock,
         AppOptions options)
    : options_(options),
      ctx_store_(store),
      ctx_{store,
           store,
           commands_,
           views_,
           version_texts_,
           diff_bodies_,
           change_excerpts_,
           response_cache_,
           point_search_,
           notifier_,
           metrics,
           std::move(clock),
           [this](std::function<void()> job) { boost::asio::post(blocking_, std::move(job)); },
           WithoutTrailingSlash(options.public_url)},
      request_metrics_(metrics),
      router_(&request_metrics_) {
  store.SetBatchFolder(
      [this](const std::vector<RecordedEvent>& batch) { return views_.FoldIntoBatch(batch); });
  store.AddCommitListener([this](const std::vector<RecordedEvent>& batch) {
    response_cache_.Forget(batch);
    views_.Apply(batch);
    notifier_.Notify();
    MaybeCheckpointInBackground();
  });
  metrics.AddCallbackGauge("hoering_store_head_position", "Position of the last committed event",
                           [&store] { return static_cast<double>(store.Head().position); });
  metrics.AddCallbackGauge("hoering_response_cache_bytes",
                           "Bytes of folded responses kept between requests",
                           [this] { return static_cast<double>(response_cache_.stats().bytes); });
  metrics.AddCallbackGauge("hoering_response_cache_hits", "Response reads served from the cache",
                           [this] { return static_cast<double>(response_cache_.stats().hits); });
  metrics.AddCallbackGauge("hoering_response_cache_misses",
                           "Response reads that folded the stream from the log",
                           [this] { return static_cast<double>(response_cache_.stats().misses); });
  metrics.AddCallbackGauge("hoering_response_cache_renders",
                           "Response JSON texts rendered for lists (not served from the cache)",
                           [this] { return static_cast<double>(response_cache_.stats().renders); });
  metrics.AddCallbackGauge("hoering_diff_cache_bytes", "Bytes of rendered diffs kept",
                           [this] { return static_cast<double>(diff_bodies_.stats().bytes); });
  metrics.AddCallbackGauge("hoering_diff_cache_hits", "Diff reads served from the kept bodies",
                           [this] { return static_cast<double>(diff_bodies_.stats().hits); });
  metrics.AddCallbackGauge("hoering_diff_cache_misses", "Diff reads that computed the diff",
                           [this] { return static_cast<double>(diff_bodies_.stats().misses); });
  metrics.AddCallbackGauge("hoering_excerpt_cache_bytes", "Bytes of report change excerpts kept",
                           [this] { return static_cast<double>(change_excerpts_.stats().bytes); });
  metrics.AddCallbackGauge("hoering_excerpt_cache_hits",
                           "Report change excerpts served from memory",
                           [this] { return static_cast<double>(change_excerpts_.stats().hits); });
  metrics.AddCallbackGauge("hoering_excerpt_cache_misses",
                           "Report change excerpts folded from the agreement's stream",
                           [this] { return static_cast<double>(change_excerpts_.stats().misses); });
  metrics.AddCallbackGauge("hoering_point_search_bytes",
                           "Bytes of the response-point index kept between requests",
                           [this] { return static_cast<double>(point_search_.stats().bytes); });
  metrics.AddCallbackGauge("hoering_projection_position", "Position the read views have applied",
                           [this] { return static_cast<double>(views_.position()); });
  metrics.AddCallbackGauge("hoering_projection_checkpoint_position",
                           "Position of the last stored read-view checkpoint",
                           [this] { return static_cast<double>(views_.checkpoint_position()); });
  Routes routes(router_, ctx_);
  AddOpsRoutes(routes);
  AddPartyRoutes(routes);
  AddTokenRoutes(routes);
  AddEventRoutes(routes);
  AddAgreementWriteRoutes(routes);
  AddAgreementReadRoutes(routes);
  AddConsultationRoutes(routes);
  AddInvitationRoutes(routes);
  AddResponseWriteRoutes(routes);
  AddResponseReadRoutes(routes);
  AddDispositionRoutes(routes);
  AddReportRoutes(routes);
  AddReportPublishRoutes(routes);
  AddDecisionRoutes(routes);
  AddTraceRoutes(routes);
  AddReceiptRoutes(routes);
  AddProjectionRoutes(routes);
  web::AddWebPages(router_, ctx_);
}

App::~App() {
  Shutdown();
}

Result<ProjectionStart> App::Start(bool use_checkpoint) {
  auto report = views_.Start(use_checkpoint);
  if (!report.ok()) return report;
  views_.set_ready();
  return report;
}

void App::MaybeCheckpointInBackground() {
  if (options_.checkpoint_every == 0 || !views_.ready()) return;
  const std::uint64_t at = views_.position(), stored = views_.checkpoint_position();
  if (at <= stored) return;
  std::uint64_t every = options_.checkpoint_every;
  if (views_.views_match_snapshot()) {
    every = std::min(every, options_.checkpoint_marker_every);
  } else if (at - views_.views_changed_at() >= options_.checkpoint_after_quiet) {
    every = std::min(every, options_.checkpoint_after_quiet);
  }
  if (at - stored < every) return;
  if (checkpoint_queued_.exchange(true)) return;
  boost::asio::post(blocking_, [this] {
    auto c = views_.WriteCheckpoint();
    if (!c.ok()) {
      spdlog::warn("read-view checkpoint failed: {}", c.status().detail());
    } else if (c->snapshot) {
      spdlog::info("read-view checkpoint at position {} ({} bytes, {:.2f} s)", c->position,
                   c->bytes, c->seconds);
    }
    checkpoint_queued_.store(false);
  });
}

void App::Shutdown() {
  blocking_.join();
  if (!options_.checkpoint_on_shutdown || !views_.ready() || shut_down_.exchange(true)) return;
  auto c = views_.WriteCheckpoint();
  if (c.ok()) {
    if (c->snapshot) {
      spdlog::info("read-view checkpoint at position {} ({} bytes, {:.2f} s)", c->position,
                   c->bytes, c->seconds);
    } else if (c->written) {
      spdlog::info(
          "read-view checkpoint at position {}: the views are unchanged since the "
          "snapshot at {}",
          c->position, views_.snapshot_position());
    }
  } else {
    spdlog::warn("read-view checkpoint at shutdown failed: {}", c.status().detail());
  }
}

}  // namespace hoering::app
