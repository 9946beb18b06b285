#include "server/web/security_headers.h"

namespace hoering::web {

void AddSecurityHeaders(http::Response& res) {
  namespace bh = boost::beast::http;
  res.set("Content-Security-Policy", kContentSecurityPolicy);
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "no-referrer");
  res.set("X-Frame-Options", "DENY");
  res.set(bh::field::vary, "Accept-Language, Cookie");
}

}  // namespace hoering::web
