#include "server/http/session.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <cstdio>
#include <random>

#include "server/http/problem.h"
#include "server/http/session_stream.h"

namespace hoering::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
using Clock = std::chrono::steady_clock;

// Bytes read and thrown away before closing after an error response, so the
// peer reads our answer instead of a reset.
constexpr std::size_t kMaxDrain = 4 * 1024 * 1024;
constexpr std::chrono::milliseconds kMaxDrainTime{2000};
// Empty lines (CR/LF bytes) skipped before one request line.
constexpr std::size_t kMaxLeadingEmptyBytes = 1024;
// What the first read of a request asks for (the parser reads the rest).
constexpr std::size_t kFirstRead = 4096;

// Transfer-Encoding must be exactly "chunked" (any case, surrounding white
// space allowed): the only coding this server implements.
bool IsPlainChunked(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  return boost::beast::iequals(value, "chunked");
}

std::string NewRequestId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng()));
  return buf;
}

bool IsPeerGone(const beast::error_code& ec) {
  return ec == beast_http::error::end_of_stream || ec == net::error::eof ||
         ec == net::error::connection_reset || ec == net::error::operation_aborted ||
         ec == net::error::broken_pipe || ec == beast::error::timeout ||
         ec == beast_http::error::partial_message;
}

}  // namespace

Session::Session(net::ip::tcp::socket&& socket, Handler& handler, const SessionOptions& options,
                 std::shared_ptr<SessionRegistry> registry)
    : stream_(std::move(socket)),
      handler_(handler),
      options_(options),
      registry_(std::move(registry)) {
  beast::error_code ec;
  auto ep = stream_.socket().remote_endpoint(ec);
  if (!ec) {
    remote_ =
        ep.address().is_v6() ? "[" + ep.address().to_string() + "]" : ep.address().to_string();
    remote_ += ":" + std::to_string(ep.port());
  }
}

Session::~Session() = default;

void Session::Run() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->DoRead(); });
}

void Session::Shutdown() {
  net::post(stream_.get_executor(), [self = shared_from_this()] { self->OnShutdown(); });
}

void Session::ForceClose() {
  net::post(stream_.get_executor(), [self = shared_from_this()] { self->DoClose(); });
}

void Session::DoRead() {
  if (state_ == State::kClosed) return;
  if (registry_->stopping()) return DoClose();
  state_ = State::kReading;
  parser_.emplace();
  parser_->body_limit(options_.max_body);
  parser_->header_limit(static_cast<std::uint32_t>(options_.max_header));
  stream_.expires_after(options_.read_timeout);
  ReadRequestStart();
}

// Empty lines before a request line are dropped before the parser sees any
// byte of the request (RFC 9112 §2.2), so bytes after a rejected request are
// never taken for a new one.
void Session::ReadRequestStart() {
  if (!SkipLeadingEmptyLines()) {
    return WriteErrorAndClose(400, "malformed-request",
                              "more than " + std::to_string(kMaxLeadingEmptyBytes) +
                                  " bytes of empty lines before the request line");
  }
  if (buffer_.size() == 0) {
    stream_.async_read_some(buffer_.prepare(kFirstRead),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              if (ec) return self->OnReadError(ec);
                              self->buffer_.commit(n);
                              self->ReadRequestStart();
                            });
    return;
  }
  beast_http::async_read_header(
      stream_, buffer_, *parser_,
      beast::bind_front_handler(&Session::OnReadHeader, shared_from_this()));
}

void Session::OnReadHeader(beast::error_code ec, std::size_t) {
  if (ec) return OnReadError(ec);
  const auto& req = parser_->get();
  auto [te, te_end] = req.equal_range(beast_http::field::transfer_encoding);
  for (std::size_t count = 0; te != te_end; ++te) {
    if (!IsPlainChunked(te->value()) || ++count > 1) {
      return WriteErrorAndClose(501, "transfer-coding-not-implemented",
                                "Transfer-Encoding '" + std::string(te->value().substr(0, 100)) +
                                    "' is not implemented: only a single 'chunked' is");
    }
  }
  auto expect = req.find(beast_http::field::expect);
  if (expect != req.end() && beast::iequals(expect->value(), "100-continue") &&
      !parser_->is_done()) {
    auto cont = std::make_shared<beast_http::response<beast_http::empty_body>>(
        beast_http::status::continue_, req.version());
    stream_.expires_after(options_.read_timeout);
    beast_http::async_write(stream_, *cont,
                            [self = shared_from_this(), cont](beast::error_code ec, std::size_t) {
                              if (ec) return self->DoClose();
                              self->ReadBody();
                            });
    return;
  }
  ReadBody();
}

void Session::ReadBody() {
  if (parser_->is_done()) return OnRead({}, 0);
  stream_.expires_after(options_.read_timeout);
  beast_http::async_read(stream_, buffer_, *parser_,
                         beast::bind_front_handler(&Session::OnRead, shared_from_this()));
}

void Session::OnRead(beast::error_code ec, std::size_t) {
  if (ec) return OnReadError(ec);
  Dispatch();
}

void Session::OnReadError(beast::error_code ec) {
  if (state_ == State::kClosed) return;
  if (ec == beast_http::error::body_limit) {
    return WriteErrorAndClose(
        413, "payload-too-large",
        "the request body exceeds " + std::to_string(options_.max_body) + " bytes");
  }
  if (ec == beast_http::error::header_limit) {
    return WriteErrorAndClose(
        431, "header-too-large",
        "the request header exceeds " + std::to_string(options_.max_header) + " bytes");
  }
  const auto& http_category = beast_http::make_error_code(beast_http::error::bad_target).category();
  if (ec.category() == http_category && !IsPeerGone(ec)) {  // the parser rejected the request
    return WriteErrorAndClose(400, "malformed-request", "malformed HTTP request: " + ec.message());
  }
  DoClose();
}

bool Session::SkipLeadingEmptyLines() {
  const auto data = buffer_.data();
  const std::string_view bytes(static_cast<const char*>(data.data()), data.size());
  std::size_t n = bytes.find_first_not_of("\r\n");
  if (n == std::string_view::npos) n = bytes.size();
  if (skipped_empty_ + n > kMaxLeadingEmptyBytes) return false;
  skipped_empty_ += n;
  buffer_.consume(n);
  return true;
}

void Session::Dispatch() {
  state_ = State::kHandling;
  skipped_empty_ = 0;
  stream_.expires_never();
  Request req = parser_->release();
  parser_.reset();
  start_ = Clock::now();
  method_ = std::string(req.method_string());
  std::string_view target = req.target();
  path_ = std::string(target.substr(0, target.find('?')));
  version_ = req.version();
  keep_alive_ = req.keep_alive();
  request_id_ = NewRequestId();
  RequestInfo info{remote_, request_id_};
  Responder responder = MakeResponder();
  Responder guard = responder;  // shares the once-flag
  try {
    handler_.Handle(std::move(req), info, std::move(responder));
  } catch (const std::exception& e) {
    spdlog::error("handler threw (request {}): {}", request_id_, e.what());
    Request stub{beast_http::verb::get, "", version_};
    guard(MakeProblem(500, "internal", "internal error", stub));
  } catch (...) {
    spdlog::error("handler threw a non-exception (request {})", request_id_);
    Request stub{beast_http::verb::get, "", version_};
    guard(MakeProblem(500, "internal", "internal error", stub));
  }
}

Responder Session::MakeResponder() {
  auto once = std::make_shared<std::atomic<bool>>(false);
  std::weak_ptr<Session> weak = weak_from_this();
  auto post = [once, weak, registry = registry_](auto fn) {
    if (once->exchange(true)) {
      spdlog::error("responder called more than once; extra response dropped");
      return;
    }
    registry->PostIfAlive([&] {
      if (auto self = weak.lock()) {
        auto exec = self->stream_.get_executor();
        net::post(exec, [self = std::move(self), fn = std::move(fn)]() mutable { fn(*self); });
      }
    });
  };
  Responder r;
  r.respond = [post](Response res) {
    post([res = std::move(res)](Session& s) mutable { s.OnResponse(std::move(res)); });
  };
  r.stream = [post](StreamReply reply) {
    post([reply = std::move(reply)](Session& s) mutable { s.OnStream(std::move(reply)); });
  };
  return r;
}

void Session::OnResponse(Response res) {
  if (state_ != State::kHandling) return;  // closed meanwhile
  res.set("X-Request-Id", request_id_);
  if (!keep_alive_ || registry_->stopping()) res.keep_alive(false);
  res.prepare_payload();
  std::string position;
  if (auto it = res.find("X-Log-Position"); it != res.end()) position = std::string(it->value());
  const unsigned status = res.result_int();
  const bool close = !res.keep_alive();
  auto msg = std::make_shared<Response>(std::move(res));
  state_ = State::kWriting;
  stream_.expires_after(options_.read_timeout);
  beast_http::async_write(
      stream_, *msg,
      [self = shared_from_this(), msg, close, status, position = std::move(position)](
          beast::error_code ec, std::size_t) mutable {
        self->OnWrite(ec, close, status, std::move(position));
      });
}

void Session::OnWrite(beast::error_code ec, bool close, unsigned status, std::string position) {
  Log(ec ? 499 : status, position);  // 499: the peer went away before the answer was written
  if (ec || close) return DoClose();
  DoRead();
}

void Session::Log(unsigned status, const std::string& position) {
  const std::chrono::duration<double, std::milli> ms = Clock::now() - start_;
  LogAccess(options_.access_logger.get(), options_.log_format,
            AccessRecord{method_, path_, status, ms.count(), request_id_, remote_, position});
}

void Session::WriteErrorAndClose(unsigned status, std::string type, std::string detail) {
  Request stub{beast_http::verb::unknown, "", 11};
  stub.keep_alive(false);
  // The start line may have been parsed even when the header was not.
  method_ = "-";
  path_ = "-";
  if (parser_) {
    const auto& h = parser_->get();
    if (!h.method_string().empty()) method_ = std::string(h.method_string());
    std::string_view target = h.target();
    if (!target.empty()) path_ = std::string(target.substr(0, target.find('?')));
  }
  start_ = Clock::now();
  request_id_ = NewRequestId();
  auto msg =
      std::make_shared<Response>(MakeProblem(status, std::move(type), std::move(detail), stub));
  msg->set("X-Request-Id", request_id_);
  msg->keep_alive(false);
  msg->prepare_payload();
  state_ = State::kWriting;
  stream_.expires_after(options_.read_timeout);
  beast_http::async_write(
      stream_, *msg, [self = shared_from_this(), msg, status](beast::error_code ec, std::size_t) {
        self->Log(ec ? 499 : status, "");
        if (ec) return self->DoClose();
        self->LingeringClose();
      });
}

// After an error answer the peer may still be sending; closing with unread
// bytes would reset the connection and lose the answer. Read and discard a
// bounded amount, for a bounded time, first.
void Session::LingeringClose() {
  state_ = State::kClosing;
  beast::error_code ec;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ec);
  if (ec) return DoClose();
  buffer_.consume(buffer_.size());
  stream_.expires_after(std::min<std::chrono::milliseconds>(options_.read_timeout, kMaxDrainTime));
  DrainSome();
}

void Session::DrainSome() {
  // The deadline set in LingeringClose bounds the whole loop.
  stream_.async_read_some(
      net::buffer(probe_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
        self->drained_ += n;
        if (ec || self->drained_ > kMaxDrain || self->state_ != State::kClosing) {
          return self->DoClose();
        }
        self->DrainSome();
      });
}

void Session::OnShutdown() {
  switch (state_) {
    case State::kReading:
      // Idle between requests: nothing received of the next one.
      if (buffer_.size() == 0 && (!parser_ || !parser_->got_some())) DoClose();
      break;
    case State::kStreaming:
      if (auto w = writer_.lock()) w->MarkClosed();
      EndStream(/*flush=*/false, /*complete=*/false);
      break;
    default:
      break;  // the answer in flight carries Connection: close
  }
}

void Session::DoClose() {
  if (state_ == State::kClosed) return;
  state_ = State::kClosed;
  if (auto w = writer_.lock()) w->MarkClosed();
  FailPendingChunks();
  beast::error_code ec;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
  stream_.close();
  registry_->Remove(this);
}

}  // namespace hoering::http
