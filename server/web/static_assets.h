// The static files of the web pages (the design system's stylesheet, fonts
// and icons, our own stylesheet and scripts), served from the binary under
//   /static/<bundle>/<path>      e.g. /static/3f2a9c0d1e7b/dkfds/css/dkfds.min.css
// where <bundle> is the first 12 hex digits of a SHA-256 over every static
// file: a new build with any changed file gets new URLs, so answers are
// cacheable for a year ("immutable"). The stylesheet's relative url(../fonts/
// ...) references resolve inside the same bundle. Each file's ETag is its
// own SHA-256. Built once at start; read-only afterwards (thread-safe).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace hoering::web {

struct StaticAsset {
  std::string_view bytes;
  std::string media_type;  // from the extension; "application/octet-stream" if unknown
  std::string etag;        // "\"<sha256 hex>\""
};

class StaticAssets {
 public:
  // From the embedded files named "static/<path>".
  StaticAssets();

  // `path` below the bundle ("dkfds/css/dkfds.min.css"), or nullptr.
  const StaticAsset* Find(std::string_view path) const;
  const std::string& bundle() const { return bundle_; }
  // "/static/<bundle>/<path>". REQUIRES: Find(path) != nullptr (checked at start
  // by the pages that name their assets).
  std::string Url(std::string_view path) const;

 private:
  std::map<std::string, StaticAsset, std::less<>> files_;
  std::string bundle_;
};

// The media type for a file name by its extension.
std::string MediaTypeFor(std::string_view name);

}  // namespace hoering::web
