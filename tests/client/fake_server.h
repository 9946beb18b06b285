// A tiny scripted HTTP/1.1 server on 127.0.0.1 (ephemeral port) for client
// tests: every request is handed to a callback whose FakeReply says what to
// send back and how to treat the connection (keep alive, close silently,
// stall, stream raw chunks). One thread per connection. Records every request.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/cli_run.h"

namespace hoering::client::testing {

struct FakeRequest {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  int connection = 0;  // 0-based index of the connection it arrived on
};

struct FakeReply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::chrono::milliseconds delay{0};  // wait before answering
  bool send_connection_close = false;  // answer with "Connection: close" and close
  bool close_after = false;            // close silently after answering (stale keep-alive)
  bool no_answer = false;              // close without answering
  // When set, written verbatim (with a short pause between pieces) instead of
  // a formatted response; the connection then closes unless hold_open.
  std::vector<std::string> raw;
  bool hold_open = false;  // after `raw`, keep the connection until the server stops
};

class FakeServer {
 public:
  using Handler = std::function<FakeReply(const FakeRequest&)>;
  explicit FakeServer(Handler handler);
  ~FakeServer();  // stops and joins every thread

  std::string url() const;  // "http://127.0.0.1:<port>"
  unsigned short port() const;
  int connections() const;  // accepted so far
  std::vector<FakeRequest> requests() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A JSON reply with the given status and body.
FakeReply Json(int status, const std::string& body);

// hoering --url <the fake's url> --token t0k <args...>, run in-process.
inline hoering::testing::CliRun RunCliOn(const FakeServer& server, std::vector<std::string> args) {
  return hoering::testing::RunCliAt(server.url(), "t0k", std::move(args));
}

}  // namespace hoering::client::testing

// The client's tests (namespace hoering::client and those below it) name the
// fake server's types without a preamble of using-declarations.
namespace hoering::client {
using testing::FakeReply;
using testing::FakeRequest;
using testing::FakeServer;
using testing::Json;
}  // namespace hoering::client
