// The HTTP server: a listener and a pool of threads running one io_context,
// with a graceful drain on Stop().
//
//   HttpServer server(options, router);
//   if (auto st = server.Start(); !st.ok()) ...;
//   server.RunUntilSignal();  // SIGINT/SIGTERM -> Stop()
//
// Several servers may live in one process (each has its own io_context).
//
// Thread safety: Start() once, from one thread. Stop(), Wait() and port() may
// be called from any thread, Stop() also from a handler (it then drains in
// the background). The destructor stops the server.
#pragma once

#include <spdlog/logger.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "domain/status.h"
#include "server/http/access_log.h"
#include "server/http/handler.h"

namespace hoering::http {

struct HttpServerOptions {
  // Address to bind: an IP address or a host name. Default "127.0.0.1".
  std::string address = "127.0.0.1";
  // TCP port; 0 picks a free one (see HttpServer::port()). Default 8080.
  std::uint16_t port = 8080;
  // I/O threads; 0 means std::thread::hardware_concurrency() (at least 1). Default 0.
  unsigned threads = 0;
  // Largest request body accepted; larger gets 413. Default 32 MiB.
  std::size_t max_body = 32 * 1024 * 1024;
  // Largest request header accepted; larger gets 431. Default 16 KiB.
  std::size_t max_header = 16 * 1024;
  // Time allowed to receive a request (and to write each response); an idle
  // keep-alive connection is closed after it. Default 30 s.
  std::chrono::milliseconds read_timeout{30'000};
  // Longest Stop() waits for in-flight requests before closing everything. Default 10 s.
  std::chrono::milliseconds drain_timeout{10'000};
  // Access-log line format. Default text.
  LogFormat log_format = LogFormat::kText;
  // Logger for access lines; null means spdlog's default logger. Default null.
  std::shared_ptr<spdlog::logger> access_logger;
};

class HttpServer {
 public:
  // `handler` must outlive the server.
  HttpServer(HttpServerOptions options, Handler& handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds, listens and starts the threads. Errors: kInvalidArgument (bad
  // address), kUnavailable (cannot bind). REQUIRES: called at most once.
  Status Start();
  // The bound port (useful with port 0). REQUIRES: Start() succeeded.
  std::uint16_t port() const;

  // Graceful shutdown: stop accepting; close idle connections and end
  // streams; let requests in flight be answered (with Connection: close);
  // after drain_timeout close whatever remains; stop the threads. Blocks until
  // done, except when called from one of the server's own threads (then it
  // returns at once and the drain runs on a helper thread). Idempotent.
  void Stop();
  // Blocks until the server has stopped (returns at once if never started).
  void Wait();
  // Installs a SIGINT/SIGTERM handler that triggers Stop(), then Wait()s.
  // REQUIRES: Start() succeeded.
  void RunUntilSignal();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hoering::http
