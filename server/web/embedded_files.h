// The files built into the server binary (server/web/embed.cmake): templates,
// message catalogues and static assets, by name ("templates/page.mustache",
// "static/dkfds/css/dkfds.min.css"). Immutable; valid for the whole run.
#pragma once

#include <cstddef>
#include <string_view>

namespace hoering::web {

struct EmbeddedFile {
  std::string_view name;
  std::string_view bytes;
};

extern const EmbeddedFile kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;

}  // namespace hoering::web
