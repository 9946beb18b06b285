// An agreement text (the API's `sections` tree, agreement_text_queries.h) as
// a page shows it: sections in reading order with their depth, heading level
// (h2..h6; the page's title is the h1), stable anchor (the section id) and
// body rendered from Markdown, plus the table of contents.
#pragma once

#include <nlohmann/json.hpp>

namespace hoering::web {

// [{id, heading, level, depth, html, indent}] in reading order; a top-level
// section's heading is h<top_level>, deeper ones follow (at most h6).
nlohmann::json SectionsForPage(const nlohmann::json& sections, int top_level);
// [{id, heading, depth, indent}] of the sections down to `max_depth` (1 =
// chapters only).
nlohmann::json TableOfContents(const nlohmann::json& sections, int max_depth);

}  // namespace hoering::web
