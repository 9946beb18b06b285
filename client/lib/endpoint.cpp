#include "client/lib/endpoint.h"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace hoering::client {

std::string Endpoint::HostHeader() const {
  std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  return h + ":" + std::to_string(port);
}

std::string Endpoint::ToString() const {
  return "http://" + HostHeader() + path_prefix;
}

Result<Endpoint> ParseBaseUrl(std::string_view url) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return InvalidArgument("not a URL: '" + std::string(url) + "'", "bad-url");
  const boost::urls::url_view& u = *parsed;
  if (u.scheme_id() != boost::urls::scheme::http) {
    return InvalidArgument("only http:// URLs are supported, got '" + std::string(url) + "'",
                           "bad-url");
  }
  if (u.has_userinfo() || u.has_query() || u.has_fragment()) {
    return InvalidArgument("the base URL may not carry user info, a query or a fragment",
                           "bad-url");
  }
  Endpoint e;
  e.host = u.host_address();
  if (e.host.empty()) return InvalidArgument("the base URL has no host", "bad-url");
  if (u.has_port()) {
    if (u.port().empty() || u.port_number() == 0) {
      return InvalidArgument("bad port in '" + std::string(url) + "'", "bad-url");
    }
    e.port = u.port_number();
  }
  e.path_prefix = std::string(u.encoded_path());
  while (!e.path_prefix.empty() && e.path_prefix.back() == '/') e.path_prefix.pop_back();
  return e;
}

}  // namespace hoering::client
