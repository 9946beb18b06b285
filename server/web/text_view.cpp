#include "server/web/text_view.h"

#include <algorithm>
#include <list>
#include <mutex>
#include <utility>

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

namespace {

std::shared_ptr<const RenderedText> Render(const nlohmann::json& json, int top_level) {
  RenderedText text{SectionsForPage(json, top_level), TableOfContents(json, 2), {}};
  for (const auto& s : text.sections) text.headings[s.value("id", "")] = s.value("heading", "");
  return std::make_shared<const RenderedText>(std::move(text));
}

}  // namespace

std::string RenderedText::HeadingOf(const std::string& id) const {
  auto it = headings.find(id);
  return it == headings.end() ? id : it->second;
}

Result<std::shared_ptr<const RenderedText>> RenderedTextFor(
    const std::string& hash, int top_level,
    const std::function<Result<nlohmann::json>()>& sections) {
  constexpr std::size_t kCapacity = 16;
  using Entry = std::pair<std::string, std::shared_ptr<const RenderedText>>;
  static std::mutex mu;
  static std::list<Entry> cache;  // most recently used first
  if (hash.empty()) {             // nothing names this text: render it, keep nothing
    auto json = sections();
    if (!json.ok()) return json.status();
    return Render(*json, top_level);
  }
  const std::string key = hash + "/" + std::to_string(top_level);
  {
    std::lock_guard lock(mu);
    for (auto it = cache.begin(); it != cache.end(); ++it) {
      if (it->first != key) continue;
      cache.splice(cache.begin(), cache, it);
      return cache.front().second;
    }
  }
  auto json = sections();
  if (!json.ok()) return json.status();
  auto text = Render(*json, top_level);
  std::lock_guard lock(mu);
  cache.emplace_front(key, text);
  if (cache.size() > kCapacity) cache.pop_back();
  return text;
}

}  // namespace hoering::web
