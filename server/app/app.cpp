#include "server/app/app.h"

#include <boost/asio/post.hpp>

#include "server/app/routes.h"

namespace hoering::app {

App::App(EventStore& store, http::MetricsRegistry& metrics, std::function<std::int64_t()> clock)
    : ctx_store_(store),
      ctx_{store,
           models_,
           notifier_,
           metrics,
           std::move(clock),
           [this](std::function<void()> job) { boost::asio::post(blocking_, std::move(job)); }},
      request_metrics_(metrics),
      router_(&request_metrics_) {
  store.AddCommitListener([this](const std::vector<RecordedEvent>& batch) {
    models_.Apply(batch);
    notifier_.Notify();
  });
  metrics.AddCallbackGauge("hoering_store_head_position", "Position of the last committed event",
                           [&store] { return static_cast<double>(store.Head().position); });
  metrics.AddCallbackGauge("hoering_projection_position", "Position the read models have applied",
                           [this] { return static_cast<double>(models_.position()); });
  AddOpsRoutes(router_, ctx_);
  AddPartyRoutes(router_, ctx_);
  AddTokenRoutes(router_, ctx_);
  AddEventRoutes(router_, ctx_);
  AddAgreementWriteRoutes(router_, ctx_);
  AddAgreementReadRoutes(router_, ctx_);
  AddConsultationRoutes(router_, ctx_);
  AddResponseWriteRoutes(router_, ctx_);
  AddResponseReadRoutes(router_, ctx_);
  AddDispositionRoutes(router_, ctx_);
  AddReportRoutes(router_, ctx_);
  AddDecisionRoutes(router_, ctx_);
  AddTraceRoutes(router_, ctx_);
  AddReceiptRoutes(router_, ctx_);
}

App::~App() {
  Shutdown();
}

Status App::Start() {
  if (Status s = models_.CatchUp(); !s.ok()) return s;
  models_.set_ready();
  return Status::Ok();
}

void App::Shutdown() {
  blocking_.join();
}

}  // namespace hoering::app
