// HTTP message types shared by the transport (session.h) and the handlers.
#pragma once

#include <boost/beast/http.hpp>
#include <functional>
#include <memory>
#include <string>

namespace hoering::http {

namespace beast_http = boost::beast::http;

using Request = beast_http::request<beast_http::string_body>;
using Response = beast_http::response<beast_http::string_body>;

// A long-lived response written in chunks (Server-Sent Events, reports). The
// session owns the connection; the writer is a handle to it that may be used
// from any thread. Write() completes (on an arbitrary thread) with false once
// the peer has gone or the server is shutting down; the producer must then
// stop.
class StreamWriter {
 public:
  virtual ~StreamWriter() = default;
  virtual void Write(std::string chunk, std::function<void(bool ok)> done) = 0;
  // The body is complete: ends the response (an HTTP/1.1 body gets its last
  // chunk, so the client knows it has all of it) and closes the connection.
  virtual void Close() = 0;
  // The body cannot be completed (the producer failed): closes the connection
  // after what was written, without the last chunk, so an HTTP/1.1 client
  // sees a cut body. A writer dropped without Close() does the same.
  virtual void Abort() = 0;
  // True once the server began shutting down or the connection failed.
  virtual bool Closed() const = 0;
};

// What a handler answers with: a complete response, or a stream. For a stream
// the session writes `head` (its body is ignored; no Content-Length is sent),
// then calls `start` with a writer.
struct StreamReply {
  Response head;
  std::function<void(std::shared_ptr<StreamWriter>)> start;
};

// Completion of a request. Must be called exactly once, from any thread.
struct Responder {
  std::function<void(Response)> respond;
  std::function<void(StreamReply)> stream;

  void operator()(Response r) const { respond(std::move(r)); }
};

}  // namespace hoering::http
