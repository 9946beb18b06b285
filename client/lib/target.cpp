#include "client/lib/target.h"

#include <boost/url/url.hpp>

namespace hoering::client {

std::string Path(std::initializer_list<std::string_view> segments) {
  boost::urls::url u;
  u.set_path_absolute(true);
  for (std::string_view s : segments) u.segments().push_back(s);
  return std::string(u.encoded_path());
}

std::string WithQuery(std::string_view encoded_path, const QueryParams& params) {
  boost::urls::url u;
  u.set_encoded_path(encoded_path);
  for (const auto& [key, value] : params) {
    if (!value.empty()) u.params().append({key, value});
  }
  return std::string(u.encoded_target());
}

}  // namespace hoering::client
