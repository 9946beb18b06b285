// Socket-level tests of the request/response cycle: keep-alive, transport
// errors, late answers from other threads, streams.
#include <gtest/gtest.h>

#include "tests/server/http/http_transport_fixture.h"

namespace hoering::http {
namespace {

using namespace test;  // NOLINT: net, beast, Clock, chrono literals, the fixture

// A response read to the end of the connection, as a client's parser sees it:
// `complete` only when the body's framing says it is all there.
struct ReadResponse {
  std::string head;
  std::string body;
  bool complete = false;
};
class HttpServerTest : public HttpTransportFixture {
 protected:
  static ReadResponse ReadWhole(beast::tcp_stream& s) {
    const std::string raw = ReadToEof(s);
    ReadResponse out;
    out.head = raw.substr(0, raw.find("\r\n\r\n") + 4);
    beast_http::response_parser<beast_http::string_body> parser;
    parser.eager(true);
    beast::error_code ec;
    std::size_t used = 0;
    while (!ec && used < raw.size() && !parser.is_done()) {
      used += parser.put(net::buffer(raw.data() + used, raw.size() - used), ec);
    }
    if (!ec && !parser.is_done()) parser.put_eof(ec);
    out.complete = !ec && parser.is_done();
    out.body = parser.get().body();
    return out;
  }
};

TEST_F(HttpServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  StartServer();
  auto s = Connect();
  beast::flat_buffer buf;
  auto a = Get(s, buf, "/hello");
  auto b = Get(s, buf, "/hello");
  EXPECT_EQ(a.result_int(), 200u);
  EXPECT_EQ(b.body(), "hi");
  EXPECT_TRUE(b.keep_alive());
  EXPECT_EQ(a["X-Request-Id"].size(), 16u);
  EXPECT_NE(a["X-Request-Id"], b["X-Request-Id"]);
}

TEST_F(HttpServerTest, ConnectionCloseIsHonoured) {
  StartServer();
  auto s = Connect();
  beast::flat_buffer buf;
  auto res = Get(s, buf, "/hello", /*keep_alive=*/false);
  EXPECT_FALSE(res.keep_alive());
  EXPECT_EQ(ReadToEof(s), "");
}

TEST_F(HttpServerTest, WritesAccessLog) {
  StartServer();
  auto s = Connect();
  beast::flat_buffer buf;
  auto res = Get(s, buf, "/hello?secret=1");
  server_->Stop();
  const std::string log = log_stream_->str();
  EXPECT_NE(log.find("GET /hello 200"), std::string::npos) << log;
  EXPECT_NE(log.find("position=42"), std::string::npos) << log;
  EXPECT_NE(log.find("id=" + std::string(res["X-Request-Id"])), std::string::npos) << log;
  EXPECT_EQ(log.find("secret"), std::string::npos) << log;
}

TEST_F(HttpServerTest, OversizeBodyIs413ThenClose) {
  HttpServerOptions o;
  o.max_body = 1024;
  StartServer(o);
  for (bool chunked : {false, true}) {
    SCOPED_TRACE(chunked ? "chunked" : "content-length");
    auto s = Connect();
    Request req{beast_http::verb::post, "/echo", 11};
    req.set(beast_http::field::host, "localhost");
    req.body() = std::string(4096, 'x');
    if (chunked) {
      req.chunked(true);
    } else {
      req.prepare_payload();
    }
    beast_http::write(s, req);
    beast::flat_buffer buf;
    beast_http::response<beast_http::string_body> res;
    beast_http::read(s, buf, res);
    EXPECT_EQ(res.result_int(), 413u);
    EXPECT_NE(res.body().find("urn:hoering:payload-too-large"), std::string::npos);
    EXPECT_FALSE(res.keep_alive());
    ReadToEof(s);
  }
  // A body under the limit still works.
  auto s = Connect();
  Request req{beast_http::verb::post, "/echo", 11};
  req.body() = std::string(1000, 'y');
  req.prepare_payload();
  beast_http::write(s, req);
  beast::flat_buffer buf;
  beast_http::response<beast_http::string_body> res;
  beast_http::read(s, buf, res);
  EXPECT_EQ(res.body(), std::string(1000, 'y'));
}

TEST_F(HttpServerTest, ExpectContinueGets100ThenAnswer) {
  StartServer();
  auto s = Connect();
  net::write(s, net::buffer(std::string("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                                        "Expect: 100-continue\r\n\r\n")));
  std::string in;
  net::read_until(s, net::dynamic_buffer(in), "\r\n\r\n");
  EXPECT_TRUE(in.starts_with("HTTP/1.1 100 Continue")) << in;
  in.clear();
  net::write(s, net::buffer(std::string("hello")));
  beast::flat_buffer buf;
  beast_http::response<beast_http::string_body> res;
  beast_http::read(s, buf, res);
  EXPECT_EQ(res.body(), "hello");
}

TEST_F(HttpServerTest, MalformedRequestIs400ThenClose) {
  StartServer();
  auto s = Connect();
  auto res = SendRaw(s, "GET /hello HTTP/1.1\r\nBad Header\r\n\r\n");
  EXPECT_EQ(res.result_int(), 400u);
  EXPECT_NE(res.body().find("urn:hoering:malformed-request"), std::string::npos);
  EXPECT_FALSE(res["X-Request-Id"].empty());
}

TEST_F(HttpServerTest, TransferCodingsOtherThanChunkedAre501) {
  StartServer();
  for (const std::string coding : {"gzip, chunked", "chunked, chunked", "deflate,chunked"}) {
    auto s = Connect();
    auto res = SendRaw(s, "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + coding +
                              "\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    EXPECT_EQ(res.result_int(), 501u) << coding;
    EXPECT_NE(res.body().find("urn:hoering:transfer-coding-not-implemented"), std::string::npos);
    EXPECT_FALSE(res.keep_alive());
  }
  auto s = Connect();
  auto res = SendRaw(s,
                     "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                     "Chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res.body(), "hello");
}

TEST_F(HttpServerTest, EmptyLinesBeforeTheRequestLineAreSkipped) {
  StartServer();
  auto s = Connect();
  net::write(s, net::buffer(std::string("\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n")));
  beast::flat_buffer buf;
  beast_http::response<beast_http::string_body> res;
  beast_http::read(s, buf, res);
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res.body(), "hi");
  // After a POST body, a client's stray CRLF before the next request.
  net::write(s,
             net::buffer(std::string("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n"
                                     "ok\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n")));
  beast_http::response<beast_http::string_body> echo, hello;
  beast_http::read(s, buf, echo);
  beast_http::read(s, buf, hello);
  EXPECT_EQ(echo.body(), "ok");
  EXPECT_EQ(hello.result_int(), 200u);
  // Without end: a line of only CRLFs longer than the allowance is refused.
  auto flood = Connect();
  auto refused = SendRaw(flood, std::string(4096, '\n') + "GET /hello HTTP/1.1\r\n\r\n");
  EXPECT_EQ(refused.result_int(), 400u);
}

// Bytes after a rejected request are never served as a new request, even
// when they start with empty lines (no request smuggling past a 400).
TEST_F(HttpServerTest, NothingAfterARejectedRequestIsServed) {
  StartServer();
  for (const std::string attack :
       {"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"
        "\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /hello HTTP/1.1\r\nHost: x\r\n\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /hello HTTP/1.1\r\nBad Header\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n"}) {
    auto s = Connect();
    net::write(s, net::buffer(attack));
    std::string all;
    beast::error_code ec;
    char buf[4096];
    for (;;) {
      const std::size_t n = s.read_some(net::buffer(buf), ec);
      all.append(buf, n);
      if (ec) break;
    }
    EXPECT_EQ(all.find("HTTP/1.1 200"), std::string::npos) << all;
    EXPECT_NE(all.find("HTTP/1.1 400"), std::string::npos) << all;
  }
}

TEST_F(HttpServerTest, OversizeHeaderIs431) {
  HttpServerOptions o;
  o.max_header = 1024;
  StartServer(o);
  auto s = Connect();
  Request req{beast_http::verb::get, "/hello", 11};
  req.set("X-Big", std::string(4096, 'h'));
  beast_http::write(s, req);
  beast::flat_buffer buf;
  beast_http::response<beast_http::string_body> res;
  beast_http::read(s, buf, res);
  EXPECT_EQ(res.result_int(), 431u);
}

TEST_F(HttpServerTest, ResponseFromAnotherThreadAfterDelay) {
  StartServer();
  auto s = Connect();
  beast::flat_buffer buf;
  const auto t0 = Clock::now();
  auto res = Get(s, buf, "/slow?ms=150");
  EXPECT_GE(Clock::now() - t0, 150ms);
  EXPECT_EQ(res.body(), "slow");
  EXPECT_EQ(Get(s, buf, "/hello").body(), "hi");  // the connection is still usable
}

constexpr const char* kThreeEvents =
    "id: 1\ndata: event 1\n\nid: 2\ndata: event 2\n\nid: 3\ndata: event 3\n\n";

TEST_F(HttpServerTest, AStreamIsChunkedAndEndsWithItsLastChunk) {
  StartServer();
  auto s = Connect();
  net::write(s, net::buffer(std::string("GET /sse HTTP/1.1\r\nHost: x\r\n\r\n")));
  const ReadResponse r = ReadWhole(s);
  EXPECT_TRUE(r.head.starts_with("HTTP/1.1 200 OK\r\n")) << r.head;
  EXPECT_NE(r.head.find("Content-Type: text/event-stream"), std::string::npos);
  EXPECT_NE(r.head.find("Cache-Control: no-cache"), std::string::npos);
  EXPECT_NE(r.head.find("Connection: close"), std::string::npos);
  EXPECT_NE(r.head.find("Transfer-Encoding: chunked"), std::string::npos);
  EXPECT_EQ(r.head.find("Content-Length"), std::string::npos);
  EXPECT_TRUE(r.complete);
  EXPECT_EQ(r.body, kThreeEvents);
}

TEST_F(HttpServerTest, AStreamToAnHttp10ClientIsRawAndEndsWithTheConnection) {
  StartServer();
  auto s = Connect();
  net::write(s, net::buffer(std::string("GET /sse HTTP/1.0\r\nHost: x\r\n\r\n")));
  const ReadResponse r = ReadWhole(s);
  EXPECT_TRUE(r.head.starts_with("HTTP/1.0 200 OK\r\n")) << r.head;
  EXPECT_EQ(r.head.find("chunked"), std::string::npos);
  EXPECT_EQ(r.head.find("Content-Length"), std::string::npos);
  EXPECT_TRUE(r.complete);
  EXPECT_EQ(r.body, kThreeEvents);
}

TEST_F(HttpServerTest, AStreamWhoseProducerFailsIsSeenCut) {
  StartServer();
  auto s = Connect();
  net::write(s, net::buffer(std::string("GET /sse-abort HTTP/1.1\r\nHost: x\r\n\r\n")));
  const ReadResponse r = ReadWhole(s);
  EXPECT_NE(r.head.find("Transfer-Encoding: chunked"), std::string::npos);
  EXPECT_FALSE(r.complete) << "no last chunk";
  EXPECT_EQ(r.body, "data: only\n\n");
}

}  // namespace
}  // namespace hoering::http
