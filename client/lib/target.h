// Request targets (path + query) built with Boost.URL, so ids and cursor
// values are always percent-encoded correctly.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hoering::client {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// "/" + segments joined by "/", each segment percent-encoded:
// Path({"v1", "parties", "a/b"}) == "/v1/parties/a%2Fb".
std::string Path(std::initializer_list<std::string_view> segments);

// Appends "?k=v&..." (encoded) to an already encoded path; parameters with an
// empty value are left out. Path("/x") with no parameters stays "/x".
std::string WithQuery(std::string_view encoded_path, const QueryParams& params);

}  // namespace hoering::client
