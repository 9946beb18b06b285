// What every route handler needs: the store, the read models, the commit
// notifier (for live tails), metrics and the clock. Owned by App.
#pragma once

#include <functional>

#include "server/app/commit_notifier.h"
#include "server/app/read_models.h"
#include "server/http/metrics.h"
#include "storage/event_store.h"

namespace hoering::app {

struct AppContext {
  EventStore& store;
  ReadModels& models;
  CommitNotifier& notifier;
  http::MetricsRegistry& metrics;
  std::function<std::int64_t()> clock;  // UTC ms
  // Runs slow work (a full-chain verify) off the I/O threads; the jobs finish
  // before the store closes.
  std::function<void(std::function<void()>)> run_blocking;
};

}  // namespace hoering::app
