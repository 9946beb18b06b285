#include "server/web/markdown_html.h"

#include <cmark.h>

#include <cstdlib>
#include <memory>

namespace hoering::web {

std::string MarkdownToHtml(std::string_view markdown) {
  std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), &std::free);
  return html ? std::string(html.get()) : std::string();
}

}  // namespace hoering::web
