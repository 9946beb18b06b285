#include "client/lib/endpoint.h"

#include <gtest/gtest.h>

#include "client/lib/target.h"

namespace hoering::client {
namespace {

TEST(EndpointTest, ParsesHostPortAndPrefix) {
  auto e = ParseBaseUrl("http://127.0.0.1:8080");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->host, "127.0.0.1");
  EXPECT_EQ(e->port, 8080);
  EXPECT_EQ(e->path_prefix, "");
  EXPECT_EQ(e->HostHeader(), "127.0.0.1:8080");

  auto p = ParseBaseUrl("http://example.org/hoering/");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->port, 80);
  EXPECT_EQ(p->path_prefix, "/hoering");

  auto v6 = ParseBaseUrl("http://[::1]:9000");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->HostHeader(), "[::1]:9000");
}

TEST(EndpointTest, RejectsWhatItCannotSpeak) {
  for (const char* bad : {"https://127.0.0.1:8443", "127.0.0.1:8080", "http://", "http://h:0",
                          "http://u:p@h:1", "http://h:1/?q=1", "not a url"}) {
    auto e = ParseBaseUrl(bad);
    EXPECT_FALSE(e.ok()) << bad;
    if (!e.ok()) {
      EXPECT_EQ(e.status().type(), "bad-url") << bad;
    }
  }
}

TEST(TargetTest, EncodesSegmentsAndQuery) {
  EXPECT_EQ(Path({"v1", "parties", "samsoe"}), "/v1/parties/samsoe");
  EXPECT_EQ(Path({"v1", "parties", "a/b c"}), "/v1/parties/a%2Fb%20c");
  EXPECT_EQ(WithQuery("/v1/events", {{"from", "5"}, {"limit", ""}}), "/v1/events?from=5");
  EXPECT_EQ(WithQuery("/v1/parties", {{"after", "a&b=c"}}), "/v1/parties?after=a%26b=c");
  EXPECT_EQ(WithQuery("/x", {}), "/x");
}

}  // namespace
}  // namespace hoering::client
