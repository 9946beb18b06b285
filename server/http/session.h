// One HTTP/1.1 connection, after Beast's async server examples: a strand per
// connection, `expires_after` before every read and write, a request_parser
// with body and header limits, keep-alive, one request at a time.
//
// Lifecycle: read a request -> Handler::Handle -> (the Responder posts the
// answer back onto the strand, from any thread) -> write it, tagged with
// X-Request-Id -> read the next request, or close. Transport failures are
// answered here, then the connection closes:
//   413 "payload-too-large"   body over max_body (also when Content-Length says so)
//   431 "header-too-large"    header over max_header
//   400 "malformed-request"   anything the parser rejects
//   501 "transfer-coding-not-implemented"  a Transfer-Encoding other than plain
//                             "chunked" (gzip, chunked ...): the body's framing is not
//                             guessed (RFC 9112 §6.1)
// Empty lines before a request line are skipped (RFC 9112 §2.2), up to
// kMaxLeadingEmptyBytes per request.
// A StreamReply writes its head (no Content-Length, `Cache-Control: no-cache`,
// `Connection: close`, and for an HTTP/1.1 request `Transfer-Encoding:
// chunked`), then the writer's chunks; the writer's Close() writes the last
// chunk, its Abort() (or a shutdown) does not, so a client can tell a cut
// body from a complete one; then the connection closes (session_stream.cpp).
// An HTTP/1.0 body has no framing: it ends with the connection.
//
// Shutdown(): an idle keep-alive connection closes now; a request being
// handled is answered (with `Connection: close`) and then the connection
// closes; a stream's writer reports Closed() and the stream ends.
//
// Thread safety: Run(), Shutdown() and ForceClose() may be called from any
// thread (they post onto the strand); everything else runs on the strand.
#pragma once

#include <spdlog/logger.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "server/http/access_log.h"
#include "server/http/handler.h"
#include "server/http/message.h"
#include "server/http/session_registry.h"

namespace hoering::http {

struct SessionOptions {
  std::size_t max_body = 32 * 1024 * 1024;
  std::size_t max_header = 16 * 1024;
  std::chrono::milliseconds read_timeout{30'000};  // also bounds each write
  LogFormat log_format = LogFormat::kText;
  std::shared_ptr<spdlog::logger> access_logger;  // null: spdlog's default logger
};

class SessionStreamWriter;

class Session : public std::enable_shared_from_this<Session> {
 public:
  // REQUIRES: `socket` is connected and bound to a strand executor; `handler`
  // outlives the session's io_context.
  Session(boost::asio::ip::tcp::socket&& socket, Handler& handler, const SessionOptions& options,
          std::shared_ptr<SessionRegistry> registry);
  ~Session();

  void Run();
  void Shutdown();
  void ForceClose();

 private:
  friend class SessionStreamWriter;
  enum class State { kReading, kHandling, kWriting, kStreaming, kClosing, kClosed };

  void DoRead();
  void OnReadHeader(boost::beast::error_code ec, std::size_t);
  void ReadBody();
  void OnRead(boost::beast::error_code ec, std::size_t);
  void OnReadError(boost::beast::error_code ec);
  // Waits for the first bytes of a request, dropping empty lines before it,
  // then reads the header.
  void ReadRequestStart();
  // Drops CR/LF bytes at the start of the buffer (before a request line).
  // False when the per-request allowance is spent.
  bool SkipLeadingEmptyLines();
  void Dispatch();
  Responder MakeResponder();
  void OnResponse(Response response);
  void OnWrite(boost::beast::error_code ec, bool close, unsigned status, std::string position);
  void WriteErrorAndClose(unsigned status, std::string type, std::string detail);
  void LingeringClose();
  void DrainSome();
  void DoClose();
  void OnShutdown();
  void Log(unsigned status, const std::string& position);

  // session_stream.cpp
  void OnStream(StreamReply reply);
  void OnStreamHeadWritten(boost::beast::error_code ec, unsigned status,
                           std::function<void(std::shared_ptr<StreamWriter>)> start);
  void WatchPeer();
  void EnqueueChunk(std::string chunk, std::function<void(bool)> done);
  void WriteNextChunk();
  void OnChunkWritten(boost::beast::error_code ec, std::size_t);
  // flush: write what is queued first (the producer's Close or Abort); else
  // drop it (shutdown). complete: end a chunked body with its last chunk.
  void EndStream(bool flush, bool complete);
  // `data` as one chunk of the body: chunk-framed when the body is chunked.
  std::string Framed(std::string data) const;
  void FailPendingChunks();

  boost::beast::tcp_stream stream_;
  Handler& handler_;
  const SessionOptions options_;
  std::shared_ptr<SessionRegistry> registry_;
  std::string remote_;

  State state_ = State::kReading;
  boost::beast::flat_buffer buffer_;
  std::optional<beast_http::request_parser<beast_http::string_body>> parser_;
  std::size_t drained_ = 0;
  std::size_t skipped_empty_ = 0;  // CR/LF bytes skipped before this request line

  // The request being handled (for the access log and the response).
  std::string method_;
  std::string path_;
  std::string request_id_;
  unsigned version_ = 11;
  bool keep_alive_ = true;
  std::chrono::steady_clock::time_point start_;

  // Streaming state.
  struct Chunk {
    std::string data;
    std::function<void(bool)> done;
  };
  std::deque<Chunk> chunks_;
  bool writing_chunk_ = false;
  bool stream_ending_ = false;
  bool chunked_ = false;
  std::weak_ptr<SessionStreamWriter> writer_;
  char probe_[512];
};

}  // namespace hoering::http
