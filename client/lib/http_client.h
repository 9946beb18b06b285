// A synchronous, keep-alive HTTP/1.1 client over Beast.
//
// One HttpClient holds at most one TCP connection to one server (the base
// URL). Requests are sent one at a time and block the calling thread until
// the answer arrives or the per-request timeout passes. Not thread-safe: use
// one HttpClient per thread (the load generator does exactly that).
//
// Transport failures are values: Send() and Stream() return a non-ok Status
// with Code::kUnavailable and one of the types "connection-failed",
// "timeout", "bad-response". HTTP error statuses (4xx, 5xx) are NOT failures
// at this layer; they come back as an HttpResponse.
#pragma once

#include <boost/beast/http/verb.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "client/lib/endpoint.h"
#include "client/lib/http_types.h"
#include "client/lib/sse.h"
#include "domain/status.h"

namespace hoering::client {

using Verb = boost::beast::http::verb;

struct HttpClientOptions {
  // Budget for one request: connect (if needed) + write + read the whole
  // answer. For Stream() it covers everything up to the response header.
  std::chrono::milliseconds timeout{10'000};
  // Stream(): longest silence between two body reads; 0 waits forever.
  std::chrono::milliseconds stream_idle_timeout{0};
  // Largest response body accepted by Send(); larger answers fail.
  std::uint64_t body_limit = 64ull << 20;
  std::string user_agent = "hoering-client/0.1";
};

class HttpClient {
 public:
  // Validates the base URL (see ParseBaseUrl); does not connect yet.
  static Result<HttpClient> Create(std::string_view base_url, HttpClientOptions options = {});
  HttpClient(Endpoint endpoint, HttpClientOptions options);
  ~HttpClient();
  HttpClient(HttpClient&&) noexcept;
  HttpClient& operator=(HttpClient&&) noexcept;

  // Sends one request and reads the whole answer. `target` is the path and
  // query ("/v1/parties?limit=10"); the base URL's path prefix is prepended.
  // A Content-Type header is sent when `content_type` is non-empty; Host,
  // User-Agent, Content-Length and keep-alive are set here; `headers` are
  // added as given.
  //
  // Connection reuse: the kept-alive connection is checked before use and
  // silently replaced when the server has closed it. If a reused connection
  // then fails before a single response byte arrived, the request is sent
  // once more on a new connection, but only when replaying it is safe: GET,
  // HEAD, OPTIONS, PUT, DELETE, or any request carrying Idempotency-Key.
  // The connection is closed after an answer with "Connection: close" and
  // after any failure.
  Result<HttpResponse> Send(Verb verb, std::string_view target, std::string body = {},
                            std::string_view content_type = {}, const Headers& headers = {});

  // GET `target` as a Server-Sent Events stream. `on_event` is called once per
  // event, in order, on this thread; returning false stops reading. Returns:
  //  - the response head (status 2xx, empty body) when `on_event` stopped the
  //    stream or the server ended it cleanly;
  //  - the complete response when the server answered with a non-2xx status
  //    (on_event is never called);
  //  - a non-ok Status on a transport failure, including the connection being
  //    cut in the middle of the stream.
  // The connection is always closed afterwards.
  Result<HttpResponse> Stream(std::string_view target, const Headers& headers,
                              const std::function<bool(const SseEvent&)>& on_event);

  // Drops the kept-alive connection, if any.
  void Close();

  const Endpoint& endpoint() const;
  // Number of TCP connections opened so far (for tests and load statistics).
  std::uint64_t connections_opened() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hoering::client
