// A multipart/form-data request body (RFC 7578: an HTML form with file
// inputs), parsed with GMime 3 into its text fields and its files.
//
// Only the top-level parts that carry `Content-Disposition: form-data` with a
// `name` count; a part without one (or with another disposition) and a nested
// multipart are ignored. A part with a `filename` parameter is a file (also
// when the name is ""), any other a text field. An empty file input (filename
// "" and no bytes) is skipped. Contents come back byte-exact, decoded from a
// Content-Transfer-Encoding only when the part names one (browsers never do).
// A message/rfc822 part is the one exception: GMime parses it, and its bytes
// are GMime's re-serialisation of that message.
//
// Errors (hoering::Status, never an exception for any input):
//   400 kInvalidArgument "invalid-form": a Content-Type that is not
//       multipart/form-data with a boundary, a body that ends before its
//       closing boundary (truncated, or sent with another boundary), a text
//       field or a field name that is not UTF-8.
//   413 kPayloadTooLarge "form-too-large": more than `max_files` files, or a
//       text field over `max_field_bytes` bytes.
//
// Text fields and names are UTF-8 as the browser sent them. A filename is
// UTF-8 (raw UTF-8, RFC 2231 and RFC 2047 forms are decoded; other bytes are
// replaced), and only its last path segment is kept ("C:\x\a.pdf" -> "a.pdf"):
// it is what the user called the file, never a path to use on this server.
//
// REQUIRES: nothing; the whole body is in memory (the caller bounds its size).
// Thread-safe: GMime is initialised once; each call owns all its objects.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/status.h"

namespace hoering::web {

struct UploadedFile {
  std::string field;       // form field name
  std::string filename;    // as sent by the browser (basename only, path stripped)
  std::string media_type;  // the part's type/subtype, lower case, e.g. "application/pdf"
                           // ("application/octet-stream" when the part has no Content-Type)
  std::string content;     // raw bytes
};

struct MultipartForm {
  std::vector<std::pair<std::string, std::string>> fields;  // text fields in order
  std::vector<UploadedFile> files;                          // file parts in order
};

// Parses `body` given the request's Content-Type header value (with its
// boundary), e.g. "multipart/form-data; boundary=----x".
Result<MultipartForm> ParseMultipartForm(std::string_view content_type, std::string_view body,
                                         std::size_t max_files, std::size_t max_field_bytes);

}  // namespace hoering::web
