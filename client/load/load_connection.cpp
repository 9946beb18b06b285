#include "client/load/load_connection.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

namespace hoering::client::load {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

constexpr std::uint64_t kBodyLimit = 64ull << 20;     // as HttpClientOptions
constexpr std::chrono::milliseconds kErrorPause{10};  // no hot spin on failures
constexpr const char* kUserAgent = "hoering-load";

double MillisSince(LoadClock::time_point start) {
  return std::chrono::duration<double, std::milli>(LoadClock::now() - start).count();
}

}  // namespace

bool LoadPlan::MayContinue(LoadClock::time_point now, bool measuring) {
  if (config.requests > 0) {
    if (!measuring) return true;
    std::uint64_t left = budget.load();
    while (left > 0 && !budget.compare_exchange_weak(left, left - 1)) {
    }
    return left > 0;
  }
  return now < measure_until;
}

LoadConnection::LoadConnection(asio::io_context& io, LoadPlan& plan, int connection,
                               RunTally& tally)
    : plan_(plan), connection_(connection), tally_(tally), resolver_(io), stream_(io), pause_(io) {}

void LoadConnection::Start() {
  if (plan_.config.rate > 0) {
    due_ = plan_.started + std::chrono::duration_cast<LoadClock::duration>(
                               std::chrono::duration<double>(connection_ / plan_.config.rate));
  }
  asio::post(stream_.get_executor(), [this] { NextRequest(); });
}

void LoadConnection::NextRequest() {
  if (plan_.config.rate > 0 && LoadClock::now() < due_) {
    pause_.expires_at(due_);
    pause_.async_wait([this](const beast::error_code&) { SendRequest(); });
    return;
  }
  SendRequest();
}

void LoadConnection::SendRequest() {
  sent_ = LoadClock::now();
  started_ = sent_;
  if (plan_.config.rate > 0) {
    started_ = due_;
    due_ += std::chrono::duration_cast<LoadClock::duration>(
        std::chrono::duration<double>(plan_.config.connections / plan_.config.rate));
  }
  measuring_ = started_ >= plan_.measure_from;
  if (!plan_.MayContinue(started_, measuring_)) {
    CloseSocket();
    return;
  }
  request_ = plan_.scenario.Next(connection_, index_++);
  message_ = {};
  message_.version(11);
  message_.method(request_.method);
  message_.target(plan_.endpoint.path_prefix + request_.target);
  message_.set(bhttp::field::host, plan_.host);
  message_.set(bhttp::field::user_agent, kUserAgent);
  for (const auto& [name, value] : request_.headers.fields()) message_.insert(name, value);
  if (!request_.content_type.empty()) {
    message_.set(bhttp::field::content_type, request_.content_type);
  }
  if (!plan_.authorization.empty()) {
    message_.set(bhttp::field::authorization, plan_.authorization);
  }
  message_.keep_alive(true);
  // Lent to the message until the write is done (Answered gives it back).
  message_.body() = std::move(request_.body);
  message_.prepare_payload();
  if (connected_) {
    Write();
  } else {
    Connect();
  }
}

void LoadConnection::Connect() {
  CloseSocket();
  const auto deadline = sent_ + plan_.config.timeout;
  resolver_.async_resolve(
      plan_.endpoint.host, plan_.port,
      [this, deadline](const beast::error_code& ec, const tcp::resolver::results_type& results) {
        if (ec) return Failed(ec, "resolve");
        stream_.expires_at(deadline);
        stream_.async_connect(results, [this](const beast::error_code& ec, const tcp::endpoint&) {
          if (ec) return Failed(ec, "connect");
          connected_ = true;
          tally_.ConnectionOpened();
          beast::error_code ignored;
          stream_.socket().set_option(tcp::no_delay(true), ignored);
          Write();
        });
      });
}

void LoadConnection::Write() {
  // One budget for write and read: the expiry holds until changed.
  stream_.expires_at(sent_ + plan_.config.timeout);
  bhttp::async_write(stream_, message_, [this](const beast::error_code& ec, std::size_t) {
    if (ec) return Failed(ec, "write");
    Read();
  });
}

void LoadConnection::Read() {
  parser_.emplace();
  parser_->body_limit(kBodyLimit);
  bhttp::async_read(stream_, buffer_, *parser_, [this](const beast::error_code& ec, std::size_t) {
    if (ec) return Failed(ec, "read");
    Answered();
  });
}

void LoadConnection::Answered() {
  const double ms = MillisSince(started_);
  auto answer = parser_->release();
  parser_.reset();
  HttpResponse response;
  response.status = static_cast<int>(answer.result_int());
  response.reason = std::string(answer.reason());
  for (const auto& field : answer) {
    response.headers.Add(std::string(field.name_string()), std::string(field.value()));
  }
  response.body = std::move(answer.body());
  const bool keep_alive = answer.keep_alive();
  request_.body = std::move(message_.body());
  LoadOutcome outcome = plan_.scenario.Check(request_, response);
  const bool ok = outcome.ok;
  tally_.Count(measuring_, ms, std::move(outcome),
               ok ? std::string() : std::to_string(response.status));
  if (!keep_alive) CloseSocket();
  NextRequest();
}

void LoadConnection::Failed(const beast::error_code& ec, const char* what) {
  const double ms = MillisSince(started_);
  LoadOutcome outcome;
  outcome.problem = std::string(what) + ": " +
                    (ec == beast::error::timeout
                         ? "timed out after " + std::to_string(plan_.config.timeout.count()) + " ms"
                         : ec.message());
  tally_.Count(measuring_, ms, std::move(outcome), "transport");
  CloseSocket();
  pause_.expires_after(kErrorPause);
  pause_.async_wait([this](const beast::error_code&) { NextRequest(); });
}

void LoadConnection::CloseSocket() {
  connected_ = false;
  buffer_.clear();
  if (!stream_.socket().is_open()) return;
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream_.close();
}

}  // namespace hoering::client::load
