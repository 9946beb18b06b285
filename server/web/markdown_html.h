// Markdown (a section body) as HTML for a page, by cmark in its safe default:
// raw HTML in the text is dropped and javascript:/vbscript:/file: links are
// emptied, so a body can never inject markup or script. Headings inside a
// body are shifted below the section's own heading level.
#pragma once

#include <string>
#include <string_view>

namespace hoering::web {

std::string MarkdownToHtml(std::string_view markdown);

}  // namespace hoering::web
