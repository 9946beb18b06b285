// An agreement text (the API's `sections` tree, agreement_text_queries.h) as
// a page shows it: sections in reading order with their depth, heading level
// (h2..h6; the page's title is the h1), stable anchor (the section id) and
// body rendered from Markdown, plus the table of contents.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "domain/status.h"

namespace hoering::web {

// [{id, heading, level, depth, html, indent}] in reading order; a top-level
// section's heading is h<top_level>, deeper ones follow (at most h6).
nlohmann::json SectionsForPage(const nlohmann::json& sections, int top_level);
// [{id, heading, depth, indent}] of the sections down to `max_depth` (1 =
// chapters only).
nlohmann::json TableOfContents(const nlohmann::json& sections, int max_depth);

}  // namespace hoering::web

namespace hoering::web {

// A published version's text as pages show it: {sections, toc}.
struct RenderedText {
  nlohmann::json sections;                      // SectionsForPage(..., top_level)
  nlohmann::json toc;                           // TableOfContents(..., 2)
  std::map<std::string, std::string> headings;  // section id -> heading
  // The heading of section `id`; the id itself when the text has none.
  std::string HeadingOf(const std::string& id) const;
};

// The rendered text of the version whose text hash is `hash`, from a cache of
// the 16 most recently used (a hash names one text forever, so entries never
// go stale); `sections` is called only on a miss and gives the API's
// sections JSON. Thread-safe.
Result<std::shared_ptr<const RenderedText>> RenderedTextFor(
    const std::string& hash, int top_level,
    const std::function<Result<nlohmann::json>()>& sections);

}  // namespace hoering::web
