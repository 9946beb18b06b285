#include "client/lib/http_client.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <optional>

namespace hoering::client {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

Status TransportError(const beast::error_code& ec, const std::string& what,
                      std::chrono::milliseconds timeout) {
  if (ec == beast::error::timeout) {
    return Status(Code::kUnavailable,
                  what + ": timed out after " + std::to_string(timeout.count()) + " ms", "timeout");
  }
  const bool http_parse_error =
      ec.category() == bhttp::make_error_code(bhttp::error::bad_version).category() &&
      ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
  if (http_parse_error) {
    return Status(Code::kUnavailable, what + ": " + ec.message(), "bad-response");
  }
  return Status(Code::kUnavailable, what + ": " + ec.message(), "connection-failed");
}

bool Replayable(const bhttp::request<bhttp::string_body>& req) {
  switch (req.method()) {
    case Verb::get:
    case Verb::head:
    case Verb::options:
    case Verb::put:
    case Verb::delete_:
      return true;
    default:
      return req.find("Idempotency-Key") != req.end();
  }
}

template <class Fields>
Headers CopyHeaders(const Fields& fields) {
  Headers h;
  for (const auto& f : fields) h.Add(std::string(f.name_string()), std::string(f.value()));
  return h;
}

}  // namespace

struct HttpClient::Impl {
  Impl(Endpoint e, HttpClientOptions o)
      : endpoint(std::move(e)), options(std::move(o)), stream(ioc) {}

  // Runs one asynchronous operation to completion on this thread; the
  // tcp_stream's expiry turns a stall into beast::error::timeout.
  template <class Start>
  beast::error_code Await(Start&& start) {
    beast::error_code result = asio::error::operation_aborted;
    start([&result](beast::error_code ec, auto&&...) { result = ec; });
    ioc.restart();
    ioc.run();
    return result;
  }

  void Close() {
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream.close();
    connected = false;
    buffer.clear();
  }

  Status Connect(Clock::time_point deadline) {
    Close();
    if (!resolved) {
      tcp::resolver resolver(ioc);
      beast::error_code ec;
      auto results = resolver.resolve(endpoint.host, std::to_string(endpoint.port), ec);
      if (ec) return TransportError(ec, "resolve " + endpoint.host, options.timeout);
      resolved = std::move(results);
    }
    stream.expires_at(deadline);
    auto ec = Await([&](auto handler) { stream.async_connect(*resolved, std::move(handler)); });
    if (ec) {
      Close();
      return TransportError(ec, "connect to " + endpoint.ToString(), options.timeout);
    }
    beast::error_code ignored;
    stream.socket().set_option(tcp::no_delay(true), ignored);
    connected = true;
    ++opened;
    return Status::Ok();
  }

  // True when the kept-alive connection cannot be used: never opened, closed
  // by the server (EOF or reset pending), or holding bytes nobody asked for.
  bool Stale() {
    if (!connected || !stream.socket().is_open() || buffer.size() > 0) return true;
    auto& socket = stream.socket();
    beast::error_code ec;
    socket.non_blocking(true, ec);
    if (ec) return true;
    char byte;
    socket.read_some(asio::buffer(&byte, 1), ec);
    beast::error_code ignored;
    socket.non_blocking(false, ignored);
    return ec != asio::error::would_block && ec != asio::error::try_again;
  }

  // Makes sure a connection is open; `reused` tells whether it was kept alive.
  Status Ready(Clock::time_point deadline, bool& reused) {
    reused = !Stale();
    return reused ? Status::Ok() : Connect(deadline);
  }

  bhttp::request<bhttp::string_body> Build(Verb verb, std::string_view target, std::string body,
                                           std::string_view content_type,
                                           const Headers& headers) const {
    bhttp::request<bhttp::string_body> req{verb, endpoint.path_prefix + std::string(target), 11};
    req.set(bhttp::field::host, endpoint.HostHeader());
    req.set(bhttp::field::user_agent, options.user_agent);
    for (const auto& [name, value] : headers.fields()) req.insert(name, value);
    if (!content_type.empty()) req.set(bhttp::field::content_type, content_type);
    req.body() = std::move(body);
    req.keep_alive(true);
    req.prepare_payload();
    return req;
  }

  // Writes `req` and reads the whole answer on the open connection.
  Result<HttpResponse> Exchange(bhttp::request<bhttp::string_body>& req, Clock::time_point deadline,
                                bool& got_some) {
    got_some = false;
    stream.expires_at(deadline);
    auto ec = Await([&](auto handler) { bhttp::async_write(stream, req, std::move(handler)); });
    if (ec) {
      Close();
      return TransportError(ec, "send request", options.timeout);
    }
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(options.body_limit);
    if (req.method() == Verb::head) parser.skip(true);
    ec =
        Await([&](auto handler) { bhttp::async_read(stream, buffer, parser, std::move(handler)); });
    got_some = parser.got_some();
    if (ec) {
      Close();
      return TransportError(ec, "read response", options.timeout);
    }
    auto& msg = parser.get();
    HttpResponse r{static_cast<int>(msg.result_int()), std::string(msg.reason()),
                   CopyHeaders(msg.base()), std::move(msg.body())};
    if (!msg.keep_alive()) Close();
    return r;
  }

  Endpoint endpoint;
  HttpClientOptions options;
  asio::io_context ioc;
  beast::tcp_stream stream;
  beast::flat_buffer buffer;  // bytes read past the end of the last message
  bool connected = false;
  std::optional<tcp::resolver::results_type> resolved;
  std::uint64_t opened = 0;
};

Result<HttpClient> HttpClient::Create(std::string_view base_url, HttpClientOptions options) {
  auto endpoint = ParseBaseUrl(base_url);
  if (!endpoint.ok()) return endpoint.status();
  return HttpClient(std::move(endpoint).value(), std::move(options));
}

HttpClient::HttpClient(Endpoint endpoint, HttpClientOptions options)
    : impl_(std::make_unique<Impl>(std::move(endpoint), std::move(options))) {}
HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

const Endpoint& HttpClient::endpoint() const {
  return impl_->endpoint;
}
std::uint64_t HttpClient::connections_opened() const {
  return impl_->opened;
}
void HttpClient::Close() {
  impl_->Close();
}

Result<HttpResponse> HttpClient::Send(Verb verb, std::string_view target, std::string body,
                                      std::string_view content_type, const Headers& headers) {
  Impl& s = *impl_;
  const auto deadline = Clock::now() + s.options.timeout;
  auto req = s.Build(verb, target, std::move(body), content_type, headers);
  bool reused = false;
  if (auto st = s.Ready(deadline, reused); !st.ok()) return st;
  bool got_some = false;
  auto r = s.Exchange(req, deadline, got_some);
  if (r.ok() || !reused || got_some || r.status().type() == "timeout" || !Replayable(req)) {
    return r;
  }
  // The server closed the kept-alive connection under us: one fresh attempt.
  if (auto st = s.Connect(deadline); !st.ok()) return st;
  return s.Exchange(req, deadline, got_some);
}

Result<HttpResponse> HttpClient::Stream(std::string_view target, const Headers& headers,
                                        const std::function<bool(const SseEvent&)>& on_event) {
  Impl& s = *impl_;
  const auto deadline = Clock::now() + s.options.timeout;
  auto req = s.Build(Verb::get, target, {}, {}, headers);
  req.set(bhttp::field::accept, "text/event-stream");
  req.set(bhttp::field::cache_control, "no-cache");

  bool reused = false;
  if (auto st = s.Ready(deadline, reused); !st.ok()) return st;
  std::optional<bhttp::response_parser<bhttp::buffer_body>> parser;
  for (int attempt = 0;; ++attempt) {
    parser.emplace();
    parser->body_limit(boost::none);
    s.stream.expires_at(deadline);
    auto ec = s.Await([&](auto h) { bhttp::async_write(s.stream, req, std::move(h)); });
    if (!ec) {
      ec = s.Await(
          [&](auto h) { bhttp::async_read_header(s.stream, s.buffer, *parser, std::move(h)); });
    }
    if (!ec) break;
    bool retry = attempt == 0 && reused && !parser->got_some() && ec != beast::error::timeout;
    s.Close();
    if (!retry) return TransportError(ec, "open event stream", s.options.timeout);
    if (auto st = s.Connect(deadline); !st.ok()) return st;
  }

  const auto& head_msg = parser->get();
  HttpResponse head{static_cast<int>(head_msg.result_int()),
                    std::string(head_msg.reason()),
                    CopyHeaders(head_msg.base()),
                    {}};
  if (!IsSuccess(head.status)) {  // an error answer: read it whole
    bhttp::response_parser<bhttp::string_body> rest{std::move(*parser)};
    rest.body_limit(s.options.body_limit);
    if (!rest.is_done()) {
      s.stream.expires_at(deadline);
      auto ec = s.Await([&](auto h) { bhttp::async_read(s.stream, s.buffer, rest, std::move(h)); });
      if (ec) {
        s.Close();
        return TransportError(ec, "read error response", s.options.timeout);
      }
    }
    head.body = std::move(rest.get().body());
    s.Close();
    return head;
  }

  SseParser sse;
  bool stop = false;
  auto sink = [&](const SseEvent& e) {
    if (!stop && !on_event(e)) stop = true;
  };
  char buf[16 * 1024];
  while (!stop && !parser->is_done()) {
    parser->get().body().data = buf;
    parser->get().body().size = sizeof buf;
    if (s.options.stream_idle_timeout.count() > 0) {
      s.stream.expires_after(s.options.stream_idle_timeout);
    } else {
      s.stream.expires_never();
    }
    auto ec =
        s.Await([&](auto h) { bhttp::async_read_some(s.stream, s.buffer, *parser, std::move(h)); });
    if (ec == bhttp::error::need_buffer) ec = {};
    const size_t n = sizeof buf - parser->get().body().size;
    if (n > 0) sse.Feed(std::string_view(buf, n), sink);
    if (ec && !stop) {
      s.Close();
      return TransportError(ec, "event stream", s.options.stream_idle_timeout);
    }
  }
  s.Close();
  return head;
}

}  // namespace hoering::client
