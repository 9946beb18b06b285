// Headers every HTML page carries (web.md "Secure by default"):
//   Content-Security-Policy  no inline script or style, nothing from other
//                            origins, no framing, forms post only to us
//   X-Content-Type-Options   nosniff
//   Referrer-Policy          no-referrer (an invitation link's code never
//                            leaves in a Referer)
//   X-Frame-Options          DENY (for browsers without frame-ancestors)
#pragma once

#include "server/http/message.h"

namespace hoering::web {

inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'";

void AddSecurityHeaders(http::Response& res);

}  // namespace hoering::web
