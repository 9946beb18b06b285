// hoering-server: opens the event store under --data-dir, catches the read
// views up, issues the first admin token on an empty store, and serves the
// HTTP API until SIGINT/SIGTERM, then drains and closes the store. It loads
// no data of its own: `hoering demo load` (scripts/run.sh) adds the demo.
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "domain/sha256.h"
#include "server/allocator_settings.h"
#include "server/app/app.h"
#include "server/app/bootstrap.h"
#include "server/app/verify_json.h"
#include "server/http/config.h"
#include "server/http/http_server.h"
#include "storage/rocksdb_event_store.h"
#include "storage/system_clock.h"

namespace {

using namespace hoering;

std::string StorePath(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "store").string();
}

void ConfigureLogging(const http::ServerConfig& config) {
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  if (config.log_format == "json") {
    spdlog::set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","msg":"%v"})",
                        spdlog::pattern_time_type::utc);
  } else {
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  }
}

void LogProjectionStart(const app::ProjectionStart& s, bool rebuild) {
  if (!s.checkpoint_problem.empty()) {
    spdlog::warn("{}; folding the in-memory views from position 1", s.checkpoint_problem);
  }
  spdlog::info(
      "read views ready{}: views snapshot at position {} (unchanged through {}), response index "
      "at {}, {} events folded, {:.3f} s ({:.3f} s restoring the snapshot)",
      rebuild ? " (--rebuild-projections: both folded from position 1)" : "", s.snapshot_position,
      s.checkpoint_position, s.index_position, s.replayed, s.seconds, s.restore_seconds);
}

// --verify DIR: checks a stopped server's store offline.
int VerifyOffline(const std::string& data_dir) {
  auto store = RocksDbEventStore::Open({.path = StorePath(data_dir), .must_exist = true});
  if (!store.ok()) {
    std::cerr << "cannot open store: " << store.status().detail() << "\n";
    return 2;
  }
  VerifyReport r = (*store)->Verify();
  std::cout << app::VerifyReportJson(r).dump(2) << "\n";
  return r.ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  auto parsed = http::ParseServerConfig(argc, argv, [](const char* n) { return std::getenv(n); });
  if (!parsed.ok()) {
    std::cerr << "hoering-server: " << parsed.status().detail() << "\n";
    return 2;
  }
  http::ServerConfig config = std::move(parsed).value();
  if (config.exit_now) {
    std::cout << config.help_text;
    return 0;
  }
  ConfigureLogging(config);
  if (config.verify_data_dir) return VerifyOffline(*config.verify_data_dir);

  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  http::MetricsRegistry metrics;
  auto& batch_sizes =
      metrics.AddHistogram("hoering_store_append_batch_size", "Appends per group commit", {},
                           {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024});
  auto& fsyncs = metrics.AddCounter("hoering_store_fsyncs_total", "Synced WAL writes", {});
  RocksDbStoreOptions store_options;
  store_options.path = StorePath(config.data_dir);
  store_options.block_cache_bytes = config.block_cache_mb << 20;
  store_options.write_buffer_bytes = config.write_buffer_mb << 20;
  store_options.max_wal_bytes = config.max_wal_mb << 20;
  store_options.defer_compactions = true;  // until the views are restored (ReadViews::Start)
  store_options.on_batch = [&](std::size_t requests, std::size_t) {
    batch_sizes.With({}).Observe(static_cast<double>(requests));
    fsyncs.With({}).Inc();
  };
  auto store = RocksDbEventStore::Open(store_options);
  if (!store.ok()) {
    spdlog::critical("cannot open the event store at {}: {}", store_options.path,
                     store.status().detail());
    return 1;
  }
  spdlog::info("event store {} open at position {}", store_options.path, (*store)->Head().position);

  {
    app::App application(**store, metrics, SystemClockMs,
                         {.checkpoint_every = config.checkpoint_every,
                          .public_url = config.public_url,
                          .response_cache_bytes = config.response_cache_mb << 20,
                          .blocking_threads = config.blocking_threads});
    auto started = application.Start(!config.rebuild_projections);
    if (!started.ok()) {
      spdlog::critical("read views could not catch up: {}", started.status().detail());
      return 1;
    }
    LogProjectionStart(*started, config.rebuild_projections);
    server::EndStartAllocation();
    auto admin = app::BootstrapAdminToken(application, config.admin_token);
    if (!admin.ok()) {
      spdlog::critical("admin token: {}", admin.status().detail());
      return 1;
    }

    http::HttpServerOptions options = http::ToHttpServerOptions(config);
    http::HttpServer server(options, application.handler());
    if (Status s = server.Start(); !s.ok()) {
      spdlog::critical("cannot listen on {}: {}", config.listen, s.detail());
      return 1;
    }
    std::cout << "hoering listening on http://" << config.listen_host << ":" << server.port()
              << std::endl;
    if (admin->new_secret && config.admin_token.empty()) {
      std::cout << "admin token (shown once, keep it): " << *admin->new_secret << std::endl;
    }
    server.RunUntilSignal();
    spdlog::info("stopped serving; finishing background work");
    application.Shutdown();
  }
  spdlog::info("closing the event store at position {}", (*store)->Head().position);
  return 0;
}
