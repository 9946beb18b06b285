#include "server/http/router.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <thread>

#include "server/http/problem.h"

namespace hoering::http {
namespace {

using beast_http::verb;
using nlohmann::json;

// Captures what a handler answered with.
struct Captured {
  std::optional<Response> response;
  int calls = 0;
  Responder responder() {
    Responder r;
    r.respond = [this](Response res) {
      ++calls;
      response = std::move(res);
    };
    r.stream = [this](StreamReply s) {
      ++calls;
      response = std::move(s.head);
    };
    return r;
  }
};

Request Req(verb method, std::string target) {
  return Request{method, target, 11};
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() : metrics_(registry_), router_(&metrics_) {}

  // Registers `pattern` answering 200 with the match as JSON.
  void Echo(verb method, std::string pattern) {
    router_.Add(
        method, pattern,
        [](Request&& req, const RouteMatch& m, const RequestInfo&, Responder respond) {
          json params = json::object();
          for (const auto& [k, v] : m.path_params) params[k] = v;
          json query = json::array();
          for (const auto& [k, v] : m.query_params) query.push_back({k, v});
          respond(MakeJson(beast_http::status::ok,
                           {{"route", m.route}, {"params", params}, {"query", query}}, req));
        });
  }

  json Call(verb method, std::string target, unsigned want_status = 200) {
    Captured c;
    router_.Handle(Req(method, target), RequestInfo{"127.0.0.1:1", "rid"}, c.responder());
    EXPECT_EQ(c.calls, 1);
    if (!c.response) return nullptr;
    EXPECT_EQ(c.response->result_int(), want_status) << c.response->body();
    last_ = *c.response;
    return json::parse(c.response->body());
  }

  MetricsRegistry registry_;
  RequestMetrics metrics_;
  Router router_;
  Response last_;
};

TEST_F(RouterTest, MatchesLiteralAndParameters) {
  Echo(verb::get, "/v1/parties");
  Echo(verb::get, "/v1/parties/{id}");
  Echo(verb::get, "/v1/agreements/{id}/versions/{number}");
  EXPECT_EQ(Call(verb::get, "/v1/parties")["route"], "/v1/parties");
  json j = Call(verb::get, "/v1/parties/region-h");
  EXPECT_EQ(j["route"], "/v1/parties/{id}");
  EXPECT_EQ(j["params"]["id"], "region-h");
  j = Call(verb::get, "/v1/agreements/sa-2024/versions/3");
  EXPECT_EQ(j["params"], (json{{"id", "sa-2024"}, {"number", "3"}}));
}

TEST_F(RouterTest, DecodesPathAndQuery) {
  Echo(verb::get, "/v1/parties/{id}");
  json j = Call(verb::get, "/v1/parties/a%2Fb%20c+d?at=time%3A2023-08-25&q=x+y&flag&at=second");
  EXPECT_EQ(j["params"]["id"], "a/b c+d");
  EXPECT_EQ(j["query"], json::parse(R"([["at", "time:2023-08-25"], ["q", "x y"], ["flag", ""],
                                         ["at", "second"]])"));
}

TEST_F(RouterTest, QueryReturnsFirstValue) {
  RouteMatch m;
  m.query_params = {{"a", "1"}, {"a", "2"}};
  EXPECT_EQ(m.Query("a"), "1");
  EXPECT_EQ(m.Query("b"), std::nullopt);
}

TEST_F(RouterTest, LiteralBeatsParameter) {
  Echo(verb::get, "/v1/events/{id}");
  Echo(verb::get, "/v1/events/live");
  EXPECT_EQ(Call(verb::get, "/v1/events/live")["route"], "/v1/events/live");
  EXPECT_EQ(Call(verb::get, "/v1/events/7")["route"], "/v1/events/{id}");
}

TEST_F(RouterTest, TailParameterTakesTheRestOfThePath) {
  Echo(verb::get, "/static/{hash}/{path...}");
  Echo(verb::get, "/static/{hash}/exact");
  json j = Call(verb::get, "/static/ab12/dkfds/css/dkfds.min.css");
  EXPECT_EQ(j["route"], "/static/{hash}/{path...}");
  EXPECT_EQ(j["params"], (json{{"hash", "ab12"}, {"path", "dkfds/css/dkfds.min.css"}}));
  EXPECT_EQ(Call(verb::get, "/static/ab12/one")["params"]["path"], "one");
  EXPECT_EQ(Call(verb::get, "/static/ab12/exact")["route"], "/static/{hash}/exact");
  Call(verb::get, "/static/ab12", 404);
  Call(verb::get, "/static/ab12/a//b", 404);
  EXPECT_THROW(Echo(verb::get, "/x/{rest...}/y"), std::invalid_argument);
}

TEST_F(RouterTest, NotFoundHandlersTakeUnmatchedPathsByPrefix) {
  Echo(verb::get, "/v1/parties/{id}");
  router_.SetNotFound("/v1/", nullptr);
  router_.SetNotFound(
      "/", [](Request&& req, const RouteMatch&, const RequestInfo&, Responder respond) {
        respond(MakeJson(beast_http::status::not_found, {{"page", "not found"}}, req));
      });
  EXPECT_EQ(Call(verb::get, "/nope/deeper", 404)["page"], "not found");
  EXPECT_EQ(Call(verb::get, "/v1/nothing", 404)["type"], "urn:hoering:route-not-found");
  // A path some route has, with another method, is still 405.
  Call(verb::post, "/v1/parties/x", 405);
}

TEST_F(RouterTest, UnknownPathIs404) {
  Echo(verb::get, "/v1/parties/{id}");
  json j = Call(verb::get, "/v1/nothing", 404);
  EXPECT_EQ(j["type"], "urn:hoering:route-not-found");
  EXPECT_EQ(last_[beast_http::field::content_type], "application/problem+json");
  Call(verb::get, "/v1/parties/", 404);     // empty parameter
  Call(verb::get, "/v1/parties/a/b", 404);  // too many segments
}

TEST_F(RouterTest, OtherMethodIs405WithAllow) {
  Echo(verb::get, "/v1/parties");
  Echo(verb::post, "/v1/parties");
  json j = Call(verb::delete_, "/v1/parties", 405);
  EXPECT_EQ(j["type"], "urn:hoering:method-not-allowed");
  EXPECT_EQ(last_[beast_http::field::allow], "GET, POST");
  Call(verb::head, "/v1/parties", 405);
}

TEST_F(RouterTest, UnparseableTargetIs400) {
  Echo(verb::get, "/v1/parties");
  EXPECT_EQ(Call(verb::get, "/v1/%zz", 400)["type"], "urn:hoering:invalid-target");
  Call(verb::get, "http://example.com/v1/parties", 400);
}

TEST_F(RouterTest, ThrowingHandlerIs500AndLogged) {
  router_.Add(verb::get, "/boom", [](Request&&, const RouteMatch&, const RequestInfo&, Responder) {
    throw std::runtime_error("bug");
  });
  json j = Call(verb::get, "/boom", 500);
  EXPECT_EQ(j["type"], "urn:hoering:internal");
  EXPECT_EQ(j["detail"], "internal error");  // nothing of the exception leaks
}

TEST_F(RouterTest, SecondResponseIsDropped) {
  router_.Add(verb::get, "/twice",
              [](Request&& req, const RouteMatch&, const RequestInfo&, Responder respond) {
                respond(MakeJson(beast_http::status::ok, json::object(), req));
                respond(MakeJson(beast_http::status::ok, json::object(), req));
              });
  Call(verb::get, "/twice");  // Call checks exactly one call
}

TEST_F(RouterTest, RecordsMetricsWhenAnsweredLater) {
  router_.Add(verb::post, "/v1/parties/{id}",
              [](Request&& req, const RouteMatch&, const RequestInfo&, Responder respond) {
                std::thread([req = std::move(req), respond] {
                  respond(MakeJson(beast_http::status::created, json::object(), req));
                }).join();
              });
  Call(verb::post, "/v1/parties/p1", 201);
  Call(verb::get, "/nope", 404);
  const std::string text = registry_.Render();
  EXPECT_NE(text.find("hoering_http_requests_total{route=\"/v1/parties/{id}\",method=\"POST\","
                      "status=\"201\"} 1"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("hoering_http_requests_total{route=\"unmatched\",method=\"GET\","
                      "status=\"404\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("hoering_http_request_duration_seconds_count{route=\"/v1/parties/{id}\"} 1"),
            std::string::npos);
}

TEST_F(RouterTest, RejectsBadPatterns) {
  auto noop = [](Request&&, const RouteMatch&, const RequestInfo&, Responder) {};
  EXPECT_THROW(router_.Add(verb::get, "v1/x", noop), std::invalid_argument);
  EXPECT_THROW(router_.Add(verb::get, "/v1/{}", noop), std::invalid_argument);
  EXPECT_THROW(router_.Add(verb::get, "/v1/{a}/{a}", noop), std::invalid_argument);
  router_.Add(verb::get, "/v1/x", noop);
  EXPECT_THROW(router_.Add(verb::get, "/v1/x", noop), std::invalid_argument);
}

TEST_F(RouterTest, RootPattern) {
  Echo(verb::get, "/");
  EXPECT_EQ(Call(verb::get, "/")["route"], "/");
}

}  // namespace
}  // namespace hoering::http
