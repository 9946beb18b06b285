#include "server/http/problem.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace hoering::http {
namespace {

using nlohmann::json;

Request Req(bool keep_alive = true, unsigned version = 11) {
  Request req{beast_http::verb::get, "/x", version};
  req.keep_alive(keep_alive);
  return req;
}

struct Case {
  Code code;
  unsigned status;
  const char* type;
  const char* title;
};

TEST(ProblemTest, MapsEveryCode) {
  const Case cases[] = {
      {Code::kInvalidArgument, 400, "invalid-request", "Bad Request"},
      {Code::kUnprocessable, 422, "unprocessable", "Unprocessable Entity"},
      {Code::kNotFound, 404, "not-found", "Not Found"},
      {Code::kAlreadyExists, 409, "already-exists", "Conflict"},
      {Code::kConflict, 409, "conflict", "Conflict"},
      {Code::kWrongExpectedVersion, 409, "version-conflict", "Conflict"},
      {Code::kPreconditionFailed, 412, "precondition-failed", "Precondition Failed"},
      {Code::kUnauthenticated, 401, "unauthenticated", "Unauthorized"},
      {Code::kPermissionDenied, 403, "permission-denied", "Forbidden"},
      {Code::kPayloadTooLarge, 413, "payload-too-large", "Payload Too Large"},
      {Code::kUnavailable, 503, "unavailable", "Service Unavailable"},
      {Code::kCorruption, 500, "corruption", "Internal Server Error"},
      {Code::kInternal, 500, "internal", "Internal Server Error"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.type);
    Response res = MakeProblem(Status(c.code, "what happened"), Req());
    EXPECT_EQ(res.result_int(), c.status);
    EXPECT_EQ(res[beast_http::field::content_type], "application/problem+json");
    json body = json::parse(res.body());
    EXPECT_EQ(body["type"], std::string("urn:hoering:") + c.type);
    EXPECT_EQ(body["title"], c.title);
    EXPECT_EQ(body["status"], c.status);
    EXPECT_EQ(body["detail"], "what happened");
    EXPECT_EQ(res[beast_http::field::content_length], std::to_string(res.body().size()));
    EXPECT_EQ(res.count(beast_http::field::www_authenticate), c.code == Code::kUnauthenticated);
  }
}

TEST(ProblemTest, UsesStatusTypeWhenPresent) {
  Response res = MakeProblem(Conflict("closed on 2023-09-29", "consultation-closed"), Req());
  EXPECT_EQ(json::parse(res.body())["type"], "urn:hoering:consultation-closed");
}

TEST(ProblemTest, UnauthenticatedAsksForBearer) {
  Response res = MakeProblem(Status(Code::kUnauthenticated, "no token"), Req());
  EXPECT_EQ(res[beast_http::field::www_authenticate], "Bearer");
}

TEST(ProblemTest, WrongExpectedVersionWithIfMatchIs412) {
  Request req = Req();
  req.set(beast_http::field::if_match, "\"3\"");
  Response res = MakeProblem(Status(Code::kWrongExpectedVersion, "stale"), req);
  EXPECT_EQ(res.result_int(), 412u);
  EXPECT_EQ(json::parse(res.body())["type"], "urn:hoering:version-conflict");
}

TEST(ProblemTest, OkStatusIsAnInternalError) {
  Response res = MakeProblem(Status::Ok(), Req());
  EXPECT_EQ(res.result_int(), 500u);
}

TEST(ProblemTest, CopiesKeepAliveAndVersion) {
  Response closing = MakeProblem(404, "route-not-found", "nope", Req(false));
  EXPECT_FALSE(closing.keep_alive());
  Response http10 = MakeProblem(404, "route-not-found", "nope", Req(true, 10));
  EXPECT_EQ(http10.version(), 10u);
  EXPECT_TRUE(http10.keep_alive());
}

TEST(ProblemTest, ExplicitStatusKeepsFullUrn) {
  Response res = MakeProblem(405, "urn:hoering:method-not-allowed", "x", Req());
  EXPECT_EQ(json::parse(res.body())["type"], "urn:hoering:method-not-allowed");
  EXPECT_EQ(json::parse(res.body())["title"], "Method Not Allowed");
}

TEST(ProblemTest, DetailWithInvalidUtf8DoesNotThrow) {
  Response res;
  ASSERT_NO_THROW(res = MakeProblem(Status(Code::kNotFound, "party \xff missing"), Req()));
  EXPECT_EQ(json::parse(res.body())["detail"], "party \xEF\xBF\xBD missing");
}

TEST(MakeJsonTest, SetsContentTypeAndBody) {
  Response res = MakeJson(beast_http::status::created, json{{"id", "p1"}, {"position", 7}}, Req());
  EXPECT_EQ(res.result(), beast_http::status::created);
  EXPECT_EQ(res[beast_http::field::content_type], "application/json");
  EXPECT_EQ(json::parse(res.body()), (json{{"id", "p1"}, {"position", 7}}));
  EXPECT_EQ(res[beast_http::field::content_length], std::to_string(res.body().size()));
}

TEST(MakeJsonTest, ReplacesInvalidUtf8) {
  Response res;
  ASSERT_NO_THROW(res = MakeJson(beast_http::status::ok, json{{"s", "a\xff"}}, Req()));
  EXPECT_EQ(json::parse(res.body())["s"], "a\xEF\xBF\xBD");
}

}  // namespace
}  // namespace hoering::http
