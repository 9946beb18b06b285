#include "server/web/text_view.h"

#include <algorithm>

#include "server/web/markdown_html.h"

namespace hoering::web {
namespace {

void Walk(const nlohmann::json& sections, int depth, int max_depth, int top_level, bool with_body,
          nlohmann::json& out) {
  if (!sections.is_array() || depth > max_depth) return;
  for (const auto& s : sections) {
    nlohmann::json entry = {{"id", s.value("id", "")},
                            {"heading", s.value("heading", "")},
                            {"depth", depth},
                            {"level", std::min(depth + top_level - 1, 6)},
                            {"indent", "indent-" + std::to_string(std::min(depth, 6))}};
    if (with_body) entry["html"] = MarkdownToHtml(s.value("body", ""));
    out.push_back(std::move(entry));
    if (s.contains("children"))
      Walk(s["children"], depth + 1, max_depth, top_level, with_body, out);
  }
}

}  // namespace

nlohmann::json SectionsForPage(const nlohmann::json& sections, int top_level) {
  nlohmann::json out = nlohmann::json::array();
  Walk(sections, 1, 100, top_level, true, out);
  return out;
}

nlohmann::json TableOfContents(const nlohmann::json& sections, int max_depth) {
  nlohmann::json out = nlohmann::json::array();
  Walk(sections, 1, max_depth, 2, false, out);
  return out;
}

}  // namespace hoering::web
