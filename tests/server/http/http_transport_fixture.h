// Support for the socket-level tests of the HTTP transport alone (no App, no
// store): a real HttpServer on 127.0.0.1:0 serving ScriptedHandler's canned
// routes, and helpers for a synchronous Beast client. For a whole hoering
// server see tests/support/test_server.h.
#pragma once

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <future>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "server/http/http_server.h"
#include "server/http/problem.h"

namespace hoering::http::test {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// GET /hello -> "hi"; POST /echo -> the body; GET /slow?ms=N -> "slow" after N
// ms from another thread; GET /sse -> 3 events then close; GET /sse-forever ->
// one event, never closes; GET /sse-abort -> one event, then the producer
// fails (Abort); GET /never -> never answers.
class ScriptedHandler : public Handler {
 public:
  ~ScriptedHandler() override {
    for (auto& t : threads_) t.join();
  }

  void Handle(Request req, const RequestInfo& info, Responder respond) override {
    const std::string target(req.target());
    const std::string path = target.substr(0, target.find('?'));
    if (path == "/hello" || path == "/echo") {
      Response res{beast_http::status::ok, req.version()};
      res.keep_alive(req.keep_alive());
      res.set("X-Log-Position", "42");
      res.body() = path == "/hello" ? "hi" : req.body();
      return respond(std::move(res));
    }
    if (target.starts_with("/slow?ms=")) {
      const int ms = std::stoi(target.substr(9));
      std::lock_guard lock(mu_);
      threads_.emplace_back([ms, req = std::move(req), respond] {
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        Response res{beast_http::status::ok, req.version()};
        res.keep_alive(req.keep_alive());
        res.body() = "slow";
        respond(std::move(res));
      });
      return;
    }
    if (target == "/sse-abort") {
      StreamReply reply;
      reply.head = Response{beast_http::status::ok, req.version()};
      reply.head.set(beast_http::field::content_type, "text/event-stream");
      reply.start = [](std::shared_ptr<StreamWriter> w) {
        w->Write("data: only\n\n", [w](bool) { w->Abort(); });
      };
      return respond.stream(std::move(reply));
    }
    if (target == "/sse" || target == "/sse-forever") {
      StreamReply reply;
      reply.head = Response{beast_http::status::ok, req.version()};
      reply.head.set(beast_http::field::content_type, "text/event-stream");
      const bool forever = target == "/sse-forever";
      reply.start = [this, forever](std::shared_ptr<StreamWriter> w) {
        if (forever) {
          w->Write("data: first\n\n", [](bool) {});
          std::lock_guard lock(mu_);
          held_writers_.push_back(std::move(w));
          return;
        }
        std::lock_guard lock(mu_);
        threads_.emplace_back([w] {
          for (int i = 1; i <= 3; ++i) {
            std::promise<bool> done;
            w->Write("id: " + std::to_string(i) + "\ndata: event " + std::to_string(i) + "\n\n",
                     [&](bool ok) { done.set_value(ok); });
            EXPECT_TRUE(done.get_future().get());
          }
          w->Close();
        });
      };
      return respond.stream(std::move(reply));
    }
    if (target == "/never") {
      std::lock_guard lock(mu_);
      held_responders_.push_back(std::move(respond));
      return;
    }
    respond(MakeProblem(404, "route-not-found", "no", req));
  }

  std::shared_ptr<StreamWriter> held_writer() {
    std::lock_guard lock(mu_);
    return held_writers_.empty() ? nullptr : held_writers_.back();
  }

 private:
  std::mutex mu_;
  std::vector<std::thread> threads_;
  std::vector<std::shared_ptr<StreamWriter>> held_writers_;
  std::vector<Responder> held_responders_;
};

class HttpTransportFixture : public ::testing::Test {
 protected:
  void StartServer(HttpServerOptions options = {}) {
    options.address = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    if (options.drain_timeout == std::chrono::milliseconds(10'000)) options.drain_timeout = 1500ms;
    log_stream_ = std::make_shared<std::ostringstream>();
    options.access_logger = std::make_shared<spdlog::logger>(
        "access-test", std::make_shared<spdlog::sinks::ostream_sink_mt>(*log_stream_));
    options.access_logger->set_pattern("%v");
    server_ = std::make_unique<HttpServer>(options, handler_);
    ASSERT_TRUE(server_->Start().ok());
    ASSERT_NE(server_->port(), 0);
  }

  void TearDown() override {
    if (server_) server_->Stop();
  }

  beast::tcp_stream Connect() {
    beast::tcp_stream s(ioc_);
    s.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), server_->port()));
    s.expires_after(5s);
    return s;
  }

  static beast_http::response<beast_http::string_body> Get(beast::tcp_stream& s,
                                                           beast::flat_buffer& buf,
                                                           std::string target,
                                                           bool keep_alive = true) {
    Request req{beast_http::verb::get, target, 11};
    req.set(beast_http::field::host, "localhost");
    req.keep_alive(keep_alive);
    beast_http::write(s, req);
    beast_http::response<beast_http::string_body> res;
    beast_http::read(s, buf, res);
    return res;
  }

  // Writes `raw` as it is (a request Beast would not build) and reads one
  // response; bytes that follow it are dropped.
  static beast_http::response<beast_http::string_body> SendRaw(beast::tcp_stream& s,
                                                               const std::string& raw) {
    net::write(s, net::buffer(raw));
    beast::flat_buffer buf;
    beast_http::response<beast_http::string_body> res;
    beast_http::read(s, buf, res);
    return res;
  }

  // Reads until the peer closes; returns what arrived and whether it was a clean EOF.
  static std::string ReadToEof(beast::tcp_stream& s, std::string already = {}) {
    std::string out = std::move(already);
    char buf[4096];
    beast::error_code ec;
    for (;;) {
      std::size_t n = s.read_some(net::buffer(buf), ec);
      out.append(buf, n);
      if (ec) break;
    }
    EXPECT_TRUE(ec == net::error::eof || ec == net::error::connection_reset) << ec.message();
    return out;
  }

  net::io_context ioc_;
  ScriptedHandler handler_;
  std::shared_ptr<std::ostringstream> log_stream_;
  std::unique_ptr<HttpServer> server_;
};
}  // namespace hoering::http::test
