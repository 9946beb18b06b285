// Where a server is: the parsed base URL that every request target is
// appended to. Parsed with Boost.URL; only plain http is supported.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/status.h"

namespace hoering::client {

struct Endpoint {
  std::string host;         // "127.0.0.1", "localhost", "::1" (no brackets)
  std::uint16_t port = 80;  // from the URL, 80 when absent
  std::string path_prefix;  // "" or e.g. "/hoering" (no trailing slash)

  // The value for the Host header: "127.0.0.1:8080", "[::1]:8080".
  std::string HostHeader() const;
  // "http://host:port" + prefix, for messages.
  std::string ToString() const;
};

// Parses "http://127.0.0.1:8080" or "http://host:8080/prefix/". Fails with
// kInvalidArgument for another scheme, user info, a query, a fragment, a
// missing host or a malformed URL.
Result<Endpoint> ParseBaseUrl(std::string_view url);

}  // namespace hoering::client
