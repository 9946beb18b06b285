#include "client/lib/problem.h"

#include <gtest/gtest.h>

#include "client/cli/exit_codes.h"

namespace hoering::client {
namespace {

HttpResponse Answer(int status, std::string reason, std::string body) {
  HttpResponse r;
  r.status = status;
  r.reason = std::move(reason);
  r.body = std::move(body);
  r.headers.Add("Content-Type", "application/problem+json");
  return r;
}

TEST(ProblemTest, ReadsAProblemDocument) {
  ApiError e = ProblemFromResponse(
      Answer(409, "Conflict",
             R"({"type":"urn:hoering:consultation-closed","title":"Consultation closed",)"
             R"("status":409,"detail":"closed at 2023-09-29T22:00:00Z","extra":1})"));
  EXPECT_EQ(e.status, 409);
  EXPECT_EQ(e.type, "urn:hoering:consultation-closed");
  EXPECT_EQ(e.title, "Consultation closed");
  EXPECT_EQ(e.detail, "closed at 2023-09-29T22:00:00Z");
  EXPECT_EQ(e.body["extra"], 1);
  EXPECT_TRUE(e.client_error());
  EXPECT_FALSE(e.transport());
  EXPECT_EQ(ExitCodeFor(e), kExitRejected);
}

TEST(ProblemTest, NonJsonErrorsFallBackToReasonAndBody) {
  ApiError e = ProblemFromResponse(Answer(502, "Bad Gateway", "upstream died"));
  EXPECT_EQ(e.type, "about:blank");
  EXPECT_EQ(e.title, "Bad Gateway");
  EXPECT_EQ(e.detail, "upstream died");
  EXPECT_TRUE(e.body.is_null());
  EXPECT_EQ(ExitCodeFor(e), kExitFailed);
}

TEST(ProblemTest, MissingFieldsAreFilledIn) {
  ApiError e = ProblemFromResponse(Answer(404, "", R"({"detail":"no party x"})"));
  EXPECT_EQ(e.type, "about:blank");
  EXPECT_EQ(e.title, "HTTP 404");
  EXPECT_EQ(e.detail, "no party x");
}

TEST(ProblemTest, ClientErrorsHaveClientTypes) {
  ApiError e = ClientError(Status(Code::kUnavailable, "timed out after 5 ms", "timeout"));
  EXPECT_EQ(e.status, 0);
  EXPECT_TRUE(e.transport());
  EXPECT_EQ(e.type, "urn:hoering:client:timeout");
  EXPECT_EQ(e.title, "Request timed out");
  EXPECT_EQ(ExitCodeFor(e), kExitFailed);
  EXPECT_EQ(Describe(e), "Request timed out: timed out after 5 ms (urn:hoering:client:timeout)");
  ApiError url = ClientError(InvalidArgument("bad", "bad-url"));
  EXPECT_EQ(ExitCodeFor(url), kExitUsage);
}

}  // namespace
}  // namespace hoering::client
