#include "fake_server.h"

#include <sys/socket.h>

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <thread>

namespace hoering::client::testing {
namespace {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

}  // namespace

struct FakeServer::Impl {
  explicit Impl(Handler h)
      : handler(std::move(h)), acceptor(ioc, {asio::ip::make_address("127.0.0.1"), 0}) {
    accept_thread = std::thread([this] { AcceptLoop(); });
  }

  ~Impl() {
    stopping = true;
    {  // wake the blocking accept()
      boost::system::error_code ec;
      tcp::socket wake(ioc);
      wake.connect({asio::ip::make_address("127.0.0.1"), port()}, ec);
      accept_thread.join();
    }
    std::vector<std::thread> threads;
    {
      std::lock_guard lock(mu);
      for (auto& s : sockets) ::shutdown(s->native_handle(), SHUT_RDWR);
      threads = std::move(connection_threads);
    }
    for (auto& t : threads) t.join();
  }

  unsigned short port() const { return acceptor.local_endpoint().port(); }

  void AcceptLoop() {
    for (;;) {
      auto socket = std::make_shared<tcp::socket>(ioc);
      boost::system::error_code ec;
      acceptor.accept(*socket, ec);
      if (stopping) return;
      if (ec) continue;
      const int index = accepted++;
      std::lock_guard lock(mu);
      sockets.push_back(socket);
      connection_threads.emplace_back([this, socket, index] { Serve(*socket, index); });
    }
  }

  void Serve(tcp::socket& socket, int index) {
    boost::beast::flat_buffer buffer;
    boost::system::error_code ec;
    for (;;) {
      bhttp::request<bhttp::string_body> req;
      bhttp::read(socket, buffer, req, ec);
      if (ec) break;
      FakeRequest fr{
          std::string(req.method_string()), std::string(req.target()), {}, req.body(), index};
      for (const auto& f : req) {
        std::string name(f.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        fr.headers[name] = std::string(f.value());
      }
      {
        std::lock_guard lock(mu);
        recorded.push_back(fr);
      }
      FakeReply reply = handler(fr);
      if (reply.delay.count() > 0) std::this_thread::sleep_for(reply.delay);
      if (reply.no_answer) break;
      if (!reply.raw.empty()) {
        for (const auto& piece : reply.raw) {
          asio::write(socket, asio::buffer(piece), ec);
          std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        while (reply.hold_open && !stopping)
          std::this_thread::sleep_for(std::chrono::milliseconds(5));
        break;
      }
      bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(reply.status), 11};
      res.set(bhttp::field::content_type, reply.content_type);
      for (const auto& [n, v] : reply.headers) res.set(n, v);
      res.body() = reply.body;
      res.keep_alive(!reply.send_connection_close);
      res.prepare_payload();
      bhttp::write(socket, res, ec);
      if (ec || reply.send_connection_close || reply.close_after) break;
    }
    socket.shutdown(tcp::socket::shutdown_both, ec);
    socket.close(ec);
  }

  Handler handler;
  asio::io_context ioc;
  tcp::acceptor acceptor;
  std::thread accept_thread;
  std::atomic<bool> stopping{false};
  std::atomic<int> accepted{0};
  mutable std::mutex mu;
  std::vector<std::shared_ptr<tcp::socket>> sockets;  // GUARDED_BY(mu)
  std::vector<std::thread> connection_threads;        // GUARDED_BY(mu)
  std::vector<FakeRequest> recorded;                  // GUARDED_BY(mu)
};

FakeServer::FakeServer(Handler handler) : impl_(std::make_unique<Impl>(std::move(handler))) {}
FakeServer::~FakeServer() = default;

std::string FakeServer::url() const {
  return "http://127.0.0.1:" + std::to_string(port());
}
unsigned short FakeServer::port() const {
  return impl_->port();
}
int FakeServer::connections() const {
  return impl_->accepted.load();
}
std::vector<FakeRequest> FakeServer::requests() const {
  std::lock_guard lock(impl_->mu);
  return impl_->recorded;
}

FakeReply Json(int status, const std::string& body) {
  FakeReply r;
  r.status = status;
  r.body = body;
  return r;
}

}  // namespace hoering::client::testing
