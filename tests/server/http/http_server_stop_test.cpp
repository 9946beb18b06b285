// Socket-level tests of the server's lifecycle: graceful drain on Stop(),
// several servers per process, bind failures.
#include <gtest/gtest.h>

#include "tests/server/http/http_transport_fixture.h"

namespace hoering::http {
namespace {

using namespace test;  // NOLINT: net, beast, Clock, chrono literals, the fixture

class HttpServerStopTest : public HttpTransportFixture {};

TEST_F(HttpServerStopTest, StopWaitsForInFlightRequest) {
  StartServer();
  auto s = Connect();
  auto answer = std::async(std::launch::async, [&] {
    beast::flat_buffer buf;
    return Get(s, buf, "/slow?ms=400");
  });
  std::this_thread::sleep_for(100ms);  // the request is now with the handler
  const auto t0 = Clock::now();
  server_->Stop();
  EXPECT_GE(Clock::now() - t0, 200ms);
  auto res = answer.get();
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res.body(), "slow");
  EXPECT_FALSE(res.keep_alive());
}

TEST_F(HttpServerStopTest, StopClosesIdleConnectionsAndStreamsPromptly) {
  StartServer();
  auto idle = Connect();
  beast::flat_buffer buf;
  Get(idle, buf, "/hello");
  auto sse = Connect();
  net::write(sse, net::buffer(std::string("GET /sse-forever HTTP/1.1\r\nHost: x\r\n\r\n")));
  std::string in;
  net::read_until(sse, net::dynamic_buffer(in), "data: first\n\n");
  const auto t0 = Clock::now();
  server_->Stop();
  EXPECT_LT(Clock::now() - t0, 1000ms);  // well under the drain timeout
  EXPECT_EQ(ReadToEof(idle), "");
  ReadToEof(sse);
  auto w = handler_.held_writer();
  ASSERT_NE(w, nullptr);
  EXPECT_TRUE(w->Closed());
  std::promise<bool> ok;
  w->Write("late", [&](bool b) { ok.set_value(b); });
  EXPECT_FALSE(ok.get_future().get());
}

TEST_F(HttpServerStopTest, StopGivesUpAfterDrainTimeout) {
  HttpServerOptions o;
  o.drain_timeout = 200ms;
  StartServer(o);
  auto s = Connect();
  net::write(s, net::buffer(std::string("GET /never HTTP/1.1\r\nHost: x\r\n\r\n")));
  std::this_thread::sleep_for(50ms);
  const auto t0 = Clock::now();
  server_->Stop();
  const auto took = Clock::now() - t0;
  EXPECT_GE(took, 200ms);
  EXPECT_LT(took, 1500ms);
  ReadToEof(s);
}

TEST_F(HttpServerStopTest, SeveralServersInOneProcess) {
  StartServer();
  ScriptedHandler other_handler;
  HttpServerOptions o;
  o.address = "127.0.0.1";
  o.port = 0;
  o.threads = 1;
  HttpServer other(o, other_handler);
  ASSERT_TRUE(other.Start().ok());
  EXPECT_NE(other.port(), server_->port());
  other.Stop();
  other.Wait();
  auto s = Connect();
  beast::flat_buffer buf;
  EXPECT_EQ(Get(s, buf, "/hello").body(), "hi");
}

TEST_F(HttpServerStopTest, BindFailureIsAStatus) {
  StartServer();
  ScriptedHandler other_handler;
  HttpServerOptions o;
  o.address = "127.0.0.1";
  o.port = server_->port();
  HttpServer other(o, other_handler);
  Status st = other.Start();
  EXPECT_EQ(st.code(), Code::kUnavailable) << st.detail();
}

}  // namespace
}  // namespace hoering::http
