// Markdown import (a whole document -> the ops of one change set) and export.
//
// IMPORT GRAMMAR (the document is CommonMark, parsed with cmark)
//   - Only top-level ATX (`#`..`######`) and setext headings start sections;
//     headings inside lists, block quotes or code are body text.
//   - Nesting follows levels: a section's parent is the nearest preceding
//     heading of a lower level (levels may be skipped).
//   - A section's body is the source text between its heading and the next
//     top-level heading, normalised as in section_rules.h.
//   - Before the first heading only blank lines and HTML comments may appear
//     (e.g. a note on where the text comes from); they are ignored.
//   - Annotation: an ATX heading may end with `{#<id> kind=<kind>}` after a
//     space; both items are optional and may come in either order:
//         ## Sammen med borgerne {#principle-1 kind=principle}
//     A trailing `{...}` whose first item starts with `#` or `kind=` is an
//     annotation, and then every item must be `#<id>` or `kind=<kind>`;
//     otherwise the braces are part of the heading. The optional closing `#`s
//     of an ATX heading are stripped only when there is no annotation.
//   - Kind without annotation: a heading starting (case-insensitively) with
//     "chapter", "vision", "focus area", "objective", "indicator" or
//     "principle" followed by a non-letter gets that kind; else a top-level
//     heading is a chapter and any other heading is text.
//   - Ids: `{#id}`, or generated (GenerateSectionId) in document order; a
//     generated id never takes an id the document names explicitly.
// Errors: bad UTF-8 or more than kMaxMarkdownBytes -> 400 "invalid-markdown";
// "line 12: heading is empty", "line 40: id 'x' is used twice (first on line
// 7)", unknown kind, text before the first heading, ... -> 422 "invalid-markdown".
//
// APPLYING (PlanImport): the document becomes the whole text. Sections whose
// id exists in the current text are kept and moved/edited only as needed; the
// others are added; current sections the document lacks are removed. Ops come
// in document order (adds, moves, edits), then the removes. Importing the
// current text's own export gives no ops.
//
// EXPORT (RenderMarkdown): each section in document order as
//   <depth x '#'> <heading> {#<id> kind=<kind>}\n\n<body>\n\n   (body part omitted when empty)
// and ParseMarkdown + PlanImport of the export against an empty text rebuild
// the same text (same canonical hash).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/agreements/change_ops.h"
#include "domain/agreements/section_rules.h"
#include "domain/agreements/section_tree.h"
#include "domain/status.h"

namespace hoering::agreements {

inline constexpr std::size_t kMaxMarkdownBytes = 16 << 20;

struct ImportedSection {
  std::string id;  // "" when the heading has no {#id}
  SectionKind kind = SectionKind::kText;
  std::string heading;
  std::string body;
  std::size_t line = 0;  // 1-based line of the heading
  std::vector<ImportedSection> children;
};

Result<std::vector<ImportedSection>> ParseMarkdown(std::string_view markdown);

// `used`: every id the agreement ever had (AgreementState::used_ids()).
// May return no ops when the document equals the current text.
Result<std::vector<Op>> PlanImport(const SectionTree& current, const IdSet& used,
                                   const std::vector<ImportedSection>& doc);

std::string RenderMarkdown(const SectionTree& t);

}  // namespace hoering::agreements
