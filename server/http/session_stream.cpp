// The streaming half of Session (Server-Sent Events, reports): head, then
// the body in chunks (HTTP/1.1 chunked framing; raw for HTTP/1.0), then
// close. See session.h.
#include "server/http/session_stream.h"

#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <cstdio>
#include <sstream>

#include "server/http/session.h"

namespace hoering::http {
namespace {
namespace net = boost::asio;
namespace beast = boost::beast;
}  // namespace

SessionStreamWriter::SessionStreamWriter(std::weak_ptr<Session> session,
                                         std::shared_ptr<SessionRegistry> registry)
    : session_(std::move(session)), registry_(std::move(registry)) {}

SessionStreamWriter::~SessionStreamWriter() {
  Abort();
}

bool SessionStreamWriter::Post(std::function<void(Session&)> fn) {
  bool posted = false;
  registry_->PostIfAlive([&] {
    if (auto self = session_.lock()) {
      auto exec = self->stream_.get_executor();
      net::post(exec, [self = std::move(self), fn = std::move(fn)] { fn(*self); });
      posted = true;
    }
  });
  return posted;
}

void SessionStreamWriter::Write(std::string chunk, std::function<void(bool)> done) {
  if (!done) done = [](bool) {};
  if (Closed()) return done(false);
  auto shared_done = std::make_shared<std::function<void(bool)>>(std::move(done));
  const bool posted = Post([chunk = std::move(chunk), shared_done](Session& s) mutable {
    s.EnqueueChunk(std::move(chunk), std::move(*shared_done));
  });
  if (!posted) {
    closed_.store(true);
    (*shared_done)(false);
  }
}

void SessionStreamWriter::Close() {
  End(/*complete=*/true);
}

void SessionStreamWriter::Abort() {
  End(/*complete=*/false);
}

void SessionStreamWriter::End(bool complete) {
  if (close_requested_.exchange(true)) return;
  Post([complete](Session& s) { s.EndStream(/*flush=*/true, complete); });
  closed_.store(true);
}

bool SessionStreamWriter::Closed() const {
  return closed_.load() || registry_->stopping();
}

void Session::OnStream(StreamReply reply) {
  if (state_ != State::kHandling) return;  // closed meanwhile; the producer never starts
  auto& head = reply.head;
  head.erase(beast_http::field::content_length);
  head.erase(beast_http::field::transfer_encoding);
  head.set(beast_http::field::cache_control, "no-cache");
  head.set("X-Request-Id", request_id_);
  head.version(version_);
  // An HTTP/1.1 body is chunked, so that a body cut by a failure is told
  // apart from a complete one (no last chunk); HTTP/1.0 has no chunks, its
  // body ends with the connection. The connection closes after the stream
  // either way.
  chunked_ = version_ >= 11;
  head.chunked(chunked_);
  head.keep_alive(false);
  std::ostringstream os;
  os << head.base();
  auto bytes = std::make_shared<std::string>(os.str());
  const unsigned status = head.result_int();
  state_ = State::kStreaming;
  stream_.expires_after(options_.read_timeout);
  net::async_write(stream_, net::buffer(*bytes),
                   [self = shared_from_this(), bytes, status, start = std::move(reply.start)](
                       beast::error_code ec, std::size_t) mutable {
                     self->OnStreamHeadWritten(ec, status, std::move(start));
                   });
}

void Session::OnStreamHeadWritten(beast::error_code ec, unsigned status,
                                  std::function<void(std::shared_ptr<StreamWriter>)> start) {
  Log(ec ? 499 : status, "");
  if (ec || state_ != State::kStreaming) return DoClose();
  stream_.expires_never();
  auto writer = std::make_shared<SessionStreamWriter>(weak_from_this(), registry_);
  writer_ = writer;
  if (registry_->stopping()) writer->MarkClosed();
  WatchPeer();
  if (!start) return EndStream(/*flush=*/true, /*complete=*/true);
  try {
    start(std::move(writer));
  } catch (const std::exception& e) {
    spdlog::error("stream producer threw (request {}): {}", request_id_, e.what());
    return DoClose();
  }
  if (registry_->stopping()) EndStream(/*flush=*/false, /*complete=*/false);
}

// The peer sends nothing more on a stream; a completed read means it has gone.
void Session::WatchPeer() {
  stream_.socket().async_read_some(net::buffer(probe_),
                                   [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                     if (self->state_ != State::kStreaming) return;
                                     if (ec) return self->DoClose();
                                     self->WatchPeer();  // ignore stray bytes
                                   });
}

std::string Session::Framed(std::string data) const {
  if (!chunked_) return data;
  char size[20];
  const int n = std::snprintf(size, sizeof size, "%zx\r\n", data.size());
  data.insert(0, size, static_cast<std::size_t>(n));
  data += "\r\n";
  return data;
}

void Session::EnqueueChunk(std::string chunk, std::function<void(bool)> done) {
  if (state_ != State::kStreaming || stream_ending_) return done(false);
  if (chunk.empty()) return done(true);  // an empty chunk would end a chunked body
  chunks_.push_back(Chunk{Framed(std::move(chunk)), std::move(done)});
  if (!writing_chunk_) WriteNextChunk();
}

void Session::WriteNextChunk() {
  writing_chunk_ = true;
  stream_.expires_after(options_.read_timeout);
  net::async_write(stream_, net::buffer(chunks_.front().data),
                   beast::bind_front_handler(&Session::OnChunkWritten, shared_from_this()));
}

void Session::OnChunkWritten(beast::error_code ec, std::size_t) {
  writing_chunk_ = false;
  Chunk done = std::move(chunks_.front());
  chunks_.pop_front();
  if (ec || state_ != State::kStreaming) {
    DoClose();
    if (done.done) done.done(false);
    return;
  }
  if (!chunks_.empty()) {
    WriteNextChunk();
  } else if (stream_ending_) {
    DoClose();
  }
  if (done.done) done.done(true);
}

void Session::EndStream(bool flush, bool complete) {
  if (state_ != State::kStreaming) return;
  const bool first = !stream_ending_;
  stream_ending_ = true;
  if (auto w = writer_.lock()) w->MarkClosed();
  // On shutdown, chunks not yet on the wire are dropped; the one being
  // written finishes.
  if (!flush) FailPendingChunks();
  if (first && flush && complete && chunked_) chunks_.push_back(Chunk{"0\r\n\r\n", nullptr});
  if (writing_chunk_) return;
  if (chunks_.empty()) return DoClose();
  WriteNextChunk();
}

void Session::FailPendingChunks() {
  std::deque<Chunk> pending;
  while (chunks_.size() > (writing_chunk_ ? 1u : 0u)) {
    pending.push_front(std::move(chunks_.back()));
    chunks_.pop_back();
  }
  for (auto& c : pending) {
    if (c.done) c.done(false);
  }
}

}  // namespace hoering::http
