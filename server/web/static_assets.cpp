#include "server/web/static_assets.h"

#include <stdexcept>

#include "domain/sha256.h"
#include "server/web/embedded_files.h"

namespace hoering::web {

std::string MediaTypeFor(std::string_view name) {
  static const std::map<std::string_view, std::string_view> kTypes = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".eot", "application/vnd.ms-fontobject"},
      {".json", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
  };
  auto dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    if (auto it = kTypes.find(name.substr(dot)); it != kTypes.end()) {
      return std::string(it->second);
    }
  }
  return "application/octet-stream";
}

StaticAssets::StaticAssets() {
  constexpr std::string_view kPrefix = "static/";
  std::string all;
  for (std::size_t i = 0; i < kEmbeddedFileCount; ++i) {
    const EmbeddedFile& f = kEmbeddedFiles[i];
    if (!f.name.starts_with(kPrefix)) continue;
    std::string path(f.name.substr(kPrefix.size()));
    const std::string hex = ToHex(Sha256(f.bytes));
    all += path + '\0' + hex + '\n';
    files_.emplace(path, StaticAsset{f.bytes, MediaTypeFor(path), "\"" + hex + "\""});
  }
  bundle_ = ToHex(Sha256(all)).substr(0, 12);
}

const StaticAsset* StaticAssets::Find(std::string_view path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

std::string StaticAssets::Url(std::string_view path) const {
  if (!Find(path)) throw std::logic_error("no static asset " + std::string(path));
  return "/static/" + bundle_ + "/" + std::string(path);
}

}  // namespace hoering::web
