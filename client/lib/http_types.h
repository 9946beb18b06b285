// Plain HTTP message values shared by the client library, the CLI and the
// load generator. No I/O here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hoering::client {

// An ordered list of header fields. Names compare case-insensitively
// (RFC 9110 section 5.1); values are kept byte for byte. A plain value type.
class Headers {
 public:
  Headers() = default;
  Headers(std::initializer_list<std::pair<std::string, std::string>> fields);

  // Appends a field, keeping any earlier field of the same name.
  void Add(std::string name, std::string value);
  // Replaces every field of that name by one field (or appends it).
  void Set(std::string name, std::string value);
  // The first field of that name, if any. The view is valid until the next
  // change of this object.
  std::optional<std::string_view> Get(std::string_view name) const;
  bool Has(std::string_view name) const { return Get(name).has_value(); }

  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }
  bool empty() const { return fields_.empty(); }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// A complete response as received.
struct HttpResponse {
  int status = 0;      // e.g. 201
  std::string reason;  // reason phrase as sent, e.g. "Created"
  Headers headers;
  std::string body;  // empty for HEAD and for a streamed (SSE) response
};

// True for 2xx.
inline bool IsSuccess(int status) {
  return status >= 200 && status < 300;
}

}  // namespace hoering::client
