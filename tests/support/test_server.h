// A real hoering server for tests: a RocksDB store in a temp dir, the App,
// and the HTTP transport on 127.0.0.1 with an ephemeral port. The admin token
// is kAdminToken. Stop() and destruction drain and close everything.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "client/lib/api.h"
#include "server/app/app.h"
#include "server/app/bootstrap.h"
#include "server/http/http_server.h"
#include "storage/rocksdb_event_store.h"
#include "storage/system_clock.h"
#include "tests/support/temp_dir.h"

namespace hoering::testing {

inline constexpr const char* kAdminToken = "hoer_test_admin_token_0123456789";

class TestServer {
 public:
  explicit TestServer(std::function<std::int64_t()> clock = SystemClockMs) {
    Start(std::move(clock));
  }
  // Starts on a copy of the store directory `store` (a fixture) whose admin
  // token is `admin_token` (so that starting writes nothing).
  TestServer(const std::filesystem::path& store, std::string admin_token,
             std::function<std::int64_t()> clock = SystemClockMs)
      : admin_token_(std::move(admin_token)) {
    std::filesystem::copy(store, dir_.str() + "/store", std::filesystem::copy_options::recursive);
    Start(std::move(clock));
  }
  ~TestServer() { Stop(); }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(server_->port()); }
  RocksDbEventStore& store() { return *store_; }
  // The data directory; the store lives in <data_dir>/store.
  std::string data_dir() const { return dir_.str(); }
  app::App& app() { return *app_; }
  // How the read views started (the last Start or Restart).
  const app::ProjectionStart& start_report() const { return start_report_; }

  // A client with the given token (admin by default).
  client::Api Client(std::string token = kAdminToken) const {
    auto api = client::Api::Connect(url(), std::move(token));
    if (!api.ok()) throw std::runtime_error("cannot connect: " + api.error().detail);
    return std::move(api).value();
  }

  // Issues a token through the API and returns its secret.
  std::string IssueToken(const std::string& role, const std::string& party = {}) {
    auto api = Client();
    auto r = api.IssueToken({role, party, "test " + role});
    if (!r.ok()) throw std::runtime_error("issue token: " + r.error().detail);
    return r->body["token"].get<std::string>();
  }

  void Stop() {
    if (server_) server_->Stop();
    if (app_) app_->Shutdown();
    server_.reset();
    app_.reset();
    store_.reset();
  }

  // Restarts on the same data directory (a new port).
  void Restart() {
    Stop();
    Start(clock_);
  }

 private:
  void Start(std::function<std::int64_t()> clock) {
    clock_ = clock;
    auto store = RocksDbEventStore::Open({.path = dir_.str() + "/store", .clock = clock});
    if (!store.ok()) throw std::runtime_error(store.status().detail());
    store_ = std::move(store).value();
    metrics_ = std::make_unique<http::MetricsRegistry>();
    app_ = std::make_unique<app::App>(*store_, *metrics_, clock);
    auto started = app_->Start();
    if (!started.ok()) throw std::runtime_error("app start: " + started.status().detail());
    start_report_ = *started;
    if (!app::BootstrapAdminToken(*app_, admin_token_).ok()) throw std::runtime_error("bootstrap");
    http::HttpServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.max_body = 1 << 20;
    server_ = std::make_unique<http::HttpServer>(options, app_->handler());
    if (!server_->Start().ok()) throw std::runtime_error("listen");
  }

  TempDir dir_;
  std::string admin_token_ = kAdminToken;
  std::function<std::int64_t()> clock_;
  app::ProjectionStart start_report_;
  std::unique_ptr<RocksDbEventStore> store_;
  std::unique_ptr<http::MetricsRegistry> metrics_;
  std::unique_ptr<app::App> app_;
  std::unique_ptr<http::HttpServer> server_;
};

}  // namespace hoering::testing
