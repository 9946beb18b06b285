#include "server/http/http_server.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "server/http/listener.h"
#include "server/http/session_registry.h"

namespace hoering::http {
namespace {
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
// After the drain deadline, how long force-closed sessions get to finish.
constexpr std::chrono::milliseconds kForceCloseGrace{500};
}  // namespace

class HttpServer::Impl {
 public:
  Impl(HttpServerOptions options, Handler& handler)
      : options_(std::move(options)),
        handler_(handler),
        registry_(std::make_shared<SessionRegistry>()) {}

  HttpServerOptions options_;
  Handler& handler_;
  net::io_context ioc_;
  std::shared_ptr<SessionRegistry> registry_;
  std::shared_ptr<Listener> listener_;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work_;
  std::vector<std::thread> threads_;
  std::thread stopper_;  // used when Stop() is called from an io thread

  std::mutex mu_;
  std::condition_variable cv_;
  enum class Phase {
    kIdle,
    kRunning,
    kStopping,
    kStopped
  } phase_ = Phase::kIdle;  // GUARDED_BY(mu_)

  bool OnIoThread() const {
    const auto me = std::this_thread::get_id();
    return std::any_of(threads_.begin(), threads_.end(),
                       [&](const std::thread& t) { return t.get_id() == me; });
  }

  void Drain() {
    registry_->BeginStopping();
    listener_->Stop();
    for (auto& s : registry_->Snapshot()) s->Shutdown();
    if (!registry_->WaitEmpty(Clock::now() + options_.drain_timeout)) {
      spdlog::warn("http: drain timeout; closing {} connection(s)", registry_->size());
      for (auto& s : registry_->Snapshot()) s->ForceClose();
      registry_->WaitEmpty(Clock::now() + kForceCloseGrace);
    }
    work_.reset();
    ioc_.stop();
    for (auto& t : threads_) t.join();
    registry_->Kill();   // responders arriving from now on are dropped
    registry_->Clear();  // sessions still waiting for an answer
    std::lock_guard lock(mu_);
    phase_ = Phase::kStopped;
    cv_.notify_all();
  }
};

HttpServer::HttpServer(HttpServerOptions options, Handler& handler)
    : impl_(std::make_unique<Impl>(std::move(options), handler)) {}

HttpServer::~HttpServer() {
  Stop();
  Wait();
  if (impl_->stopper_.joinable()) impl_->stopper_.join();
}

Status HttpServer::Start() {
  Impl& m = *impl_;
  {
    std::lock_guard lock(m.mu_);
    if (m.phase_ != Impl::Phase::kIdle) return Status(Code::kInternal, "server already started");
  }
  boost::system::error_code ec;
  tcp::resolver resolver(m.ioc_);
  auto results = resolver.resolve(m.options_.address, std::to_string(m.options_.port),
                                  tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || results.empty()) {
    return InvalidArgument(
        "cannot resolve listen address '" + m.options_.address + "': " + ec.message(),
        "bad-listen-address");
  }
  SessionOptions so;
  so.max_body = m.options_.max_body;
  so.max_header = m.options_.max_header;
  so.read_timeout = m.options_.read_timeout;
  so.log_format = m.options_.log_format;
  so.access_logger = m.options_.access_logger;
  m.listener_ = std::make_shared<Listener>(m.ioc_, m.handler_, so, m.registry_);
  if (Status st = m.listener_->Open(results.begin()->endpoint()); !st.ok()) return st;

  m.work_.emplace(m.ioc_.get_executor());
  m.listener_->Run();
  unsigned n = m.options_.threads ? m.options_.threads : std::thread::hardware_concurrency();
  n = std::max(1u, n);
  {
    std::lock_guard lock(m.mu_);
    m.phase_ = Impl::Phase::kRunning;
  }
  for (unsigned i = 0; i < n; ++i) {
    m.threads_.emplace_back([&m] {
      for (;;) {
        try {
          m.ioc_.run();
          return;
        } catch (const std::exception& e) {
          spdlog::error("http: exception escaped an I/O handler: {}", e.what());
        }
      }
    });
  }
  spdlog::info("http: listening on {}:{} with {} thread(s)", m.options_.address,
               m.listener_->port(), n);
  return Status::Ok();
}

std::uint16_t HttpServer::port() const {
  return impl_->listener_ ? impl_->listener_->port() : 0;
}

void HttpServer::Stop() {
  Impl& m = *impl_;
  {
    std::unique_lock lock(m.mu_);
    if (m.phase_ == Impl::Phase::kIdle) {
      m.phase_ = Impl::Phase::kStopped;
      m.cv_.notify_all();
      return;
    }
    if (m.phase_ != Impl::Phase::kRunning) {
      if (!m.OnIoThread()) m.cv_.wait(lock, [&] { return m.phase_ == Impl::Phase::kStopped; });
      return;
    }
    m.phase_ = Impl::Phase::kStopping;
  }
  if (m.OnIoThread()) {
    m.stopper_ = std::thread([&m] { m.Drain(); });
    return;
  }
  m.Drain();
}

void HttpServer::Wait() {
  Impl& m = *impl_;
  std::unique_lock lock(m.mu_);
  m.cv_.wait(lock,
             [&] { return m.phase_ == Impl::Phase::kStopped || m.phase_ == Impl::Phase::kIdle; });
}

void HttpServer::RunUntilSignal() {
  net::signal_set signals(impl_->ioc_, SIGINT, SIGTERM);
  signals.async_wait([this](const boost::system::error_code& ec, int signo) {
    if (ec) return;
    spdlog::info("http: signal {} received, shutting down", signo);
    Stop();  // on an io thread: drains in the background
  });
  Wait();
}

}  // namespace hoering::http
