// One keep-alive connection of the asynchronous load runner: a loop of
//   Next -> (connect if closed) -> async_write -> async_read -> Check
// on a beast::tcp_stream, run by the io_context it was created on.
//
// With RunConfig::rate, a request waits for its scheduled time (runner.h)
// and its latency counts from that time.
//
// Per request: the scenario's Next(connection, index) with index 0, 1, 2 ...
// (dense, also across reconnects), the runner's Authorization, Host and
// User-Agent added, the path prefix of the base URL prepended. The tcp_stream
// expires at (start of the request + config.timeout): resolve, connect, write
// and read share that budget. An answer is judged by the scenario's Check; a
// failure to resolve, connect, write or read (timeout included) is a
// "transport" error, closes the socket, and the next request follows after a
// 10 ms pause on a new connection. A request is never replayed. An answer
// without keep-alive closes the socket too; the next request reconnects.
// Every TCP connection opened counts in the tally's connections_opened.
//
// The loop stops when LoadPlan::MayContinue says so (duration over, or the
// measured request budget spent); the connection then closes its socket and
// has no more work pending, so io_context::run() returns once every
// connection on it has stopped.
//
// Thread safety: a LoadConnection, and the RunTally it counts into, are used
// only by the thread running its io_context. The LoadPlan is shared by every
// thread: read-only but for the atomic budget. The scenario's Next/Check are
// called from several io threads at once (scenario.h). REQUIRES: the
// LoadConnection, its tally and the plan outlive io_context::run().
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "client/lib/endpoint.h"
#include "client/load/run_tally.h"
#include "client/load/runner.h"
#include "client/load/scenario.h"

namespace hoering::client::load {

using LoadClock = std::chrono::steady_clock;

// What every connection of one run shares.
struct LoadPlan {
  LoadPlan(const RunConfig& c, Scenario& s, Endpoint e)
      : config(c),
        scenario(s),
        endpoint(std::move(e)),
        host(endpoint.HostHeader()),
        port(std::to_string(endpoint.port)),
        budget(c.requests) {}

  // True when another request may start at `now`: in requests mode a warm-up
  // request always may, a measured one takes one from the budget; in
  // duration mode while now < measure_until.
  bool MayContinue(LoadClock::time_point now, bool measuring);

  const RunConfig& config;
  Scenario& scenario;
  const Endpoint endpoint;
  const std::string host;               // the Host header
  const std::string port;               // for the resolver
  std::string authorization;            // "Bearer <token>", "" sends none
  LoadClock::time_point started;        // the run's start: the rate's schedule counts from it
  LoadClock::time_point measure_from;   // set before any connection starts
  LoadClock::time_point measure_until;  // duration mode only
  std::atomic<std::uint64_t> budget;    // requests mode: measured requests left
};

class LoadConnection {
 public:
  // `connection` is the index the scenario sees (unique in the run).
  LoadConnection(boost::asio::io_context& io, LoadPlan& plan, int connection, RunTally& tally);
  LoadConnection(const LoadConnection&) = delete;
  LoadConnection& operator=(const LoadConnection&) = delete;

  // Posts the first request onto the io_context; returns at once.
  void Start();

 private:
  void NextRequest();  // at once, or when the rate's schedule says
  void SendRequest();
  void Connect();
  void Write();
  void Read();
  void Answered();
  void Failed(const boost::beast::error_code& ec, const char* what);
  void CloseSocket();

  LoadPlan& plan_;
  const int connection_;
  RunTally& tally_;
  boost::asio::ip::tcp::resolver resolver_;
  boost::beast::tcp_stream stream_;
  boost::asio::steady_timer pause_;
  boost::beast::flat_buffer buffer_;
  bool connected_ = false;

  // The request in flight.
  std::uint64_t index_ = 0;        // of the next request
  LoadClock::time_point started_;  // latency counts from here: now, or the scheduled time
  LoadClock::time_point sent_;     // the timeout counts from here
  LoadClock::time_point due_;      // rate only: when the next request is scheduled
  bool measuring_ = false;
  LoadRequest request_;
  boost::beast::http::request<boost::beast::http::string_body> message_;
  std::optional<boost::beast::http::response_parser<boost::beast::http::string_body>> parser_;
};

}  // namespace hoering::client::load
