// The binder's small helpers: cookies and URL encoding.
#include "server/web/page.h"

#include <gtest/gtest.h>

namespace hoering::web {
namespace {

TEST(SiteCookie, HttpOnlyLaxAndSecureOverTls) {
  EXPECT_EQ(SiteCookie("hoering_session", "abc", "", false),
            "hoering_session=abc; Path=/; HttpOnly; SameSite=Lax");
  EXPECT_EQ(SiteCookie("hoering_session", "", "0", true),
            "hoering_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure");
}

TEST(UrlEncode, KeepsUnreservedOnly) {
  EXPECT_EQ(UrlEncode("a-b_c.d~e"), "a-b_c.d~e");
  EXPECT_EQ(UrlEncode("æ /?#"), "%C3%A6%20%2F%3F%23");
}

}  // namespace
}  // namespace hoering::web
