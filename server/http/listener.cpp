#include "server/http/listener.h"

#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>

namespace hoering::http {
namespace {
namespace net = boost::asio;
using tcp = net::ip::tcp;
}  // namespace

Listener::Listener(net::io_context& ioc, Handler& handler, SessionOptions options,
                   std::shared_ptr<SessionRegistry> registry)
    : ioc_(ioc),
      handler_(handler),
      options_(std::move(options)),
      registry_(std::move(registry)),
      strand_(net::make_strand(ioc)),
      acceptor_(strand_),
      backoff_(strand_) {}

Status Listener::Open(const tcp::endpoint& endpoint) {
  boost::beast::error_code ec;
  auto fail = [&](const char* what) {
    return Status(Code::kUnavailable,
                  std::string("cannot ") + what + " " + endpoint.address().to_string() + ":" +
                      std::to_string(endpoint.port()) + ": " + ec.message(),
                  "listen-failed");
  };
  acceptor_.open(endpoint.protocol(), ec);
  if (ec) return fail("open");
  acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (ec) return fail("configure");
  acceptor_.bind(endpoint, ec);
  if (ec) return fail("bind");
  acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return fail("listen on");
  port_ = acceptor_.local_endpoint(ec).port();
  return Status::Ok();
}

void Listener::Run() {
  net::post(strand_, [self = shared_from_this()] { self->DoAccept(); });
}

void Listener::Stop() {
  net::post(strand_, [self = shared_from_this()] {
    boost::beast::error_code ec;
    self->backoff_.cancel();
    self->acceptor_.close(ec);
  });
}

void Listener::DoAccept() {
  if (!acceptor_.is_open()) return;
  acceptor_.async_accept(net::make_strand(ioc_),
                         boost::beast::bind_front_handler(&Listener::OnAccept, shared_from_this()));
}

void Listener::OnAccept(boost::beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
  if (ec) {
    // E.g. out of file descriptors: back off instead of spinning.
    spdlog::warn("accept failed: {}", ec.message());
    backoff_.expires_after(std::chrono::milliseconds(50));
    backoff_.async_wait([self = shared_from_this()](boost::beast::error_code ec) {
      if (!ec) self->DoAccept();
    });
    return;
  }
  if (registry_->stopping()) {
    socket.close(ec);
    return;
  }
  socket.set_option(tcp::no_delay(true), ec);
  auto session = std::make_shared<Session>(std::move(socket), handler_, options_, registry_);
  registry_->Add(session);
  session->Run();
  DoAccept();
}

}  // namespace hoering::http
