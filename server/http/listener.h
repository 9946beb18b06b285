// Accepts TCP connections and starts a Session for each, on its own strand
// (Beast's async server example). Accepted sockets get TCP_NODELAY.
//
// Thread safety: Open() before Run(); Stop() may be called from any thread
// (it posts onto the acceptor's strand). port() is safe after Open().
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <cstdint>
#include <memory>

#include "domain/status.h"
#include "server/http/handler.h"
#include "server/http/session.h"
#include "server/http/session_registry.h"

namespace hoering::http {

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  // `handler` must outlive `ioc`'s running.
  Listener(boost::asio::io_context& ioc, Handler& handler, SessionOptions options,
           std::shared_ptr<SessionRegistry> registry);

  // Binds and listens (port 0 picks a free port). kUnavailable on failure.
  Status Open(const boost::asio::ip::tcp::endpoint& endpoint);
  std::uint16_t port() const { return port_; }

  // Starts accepting. REQUIRES: Open() succeeded.
  void Run();
  // Stops accepting (closes the acceptor). Idempotent.
  void Stop();

 private:
  void DoAccept();
  void OnAccept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);

  boost::asio::io_context& ioc_;
  Handler& handler_;
  const SessionOptions options_;
  std::shared_ptr<SessionRegistry> registry_;
  boost::asio::strand<boost::asio::io_context::executor_type> strand_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer backoff_;
  std::uint16_t port_ = 0;
};

}  // namespace hoering::http
