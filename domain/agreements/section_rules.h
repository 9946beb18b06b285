// Rules for what a section may contain, shared by change ops and the Markdown
// import, and the deterministic ids given to sections added without one.
//
// Normalisation (applied before anything is recorded, so events hold the
// normalised values and replays need no rules):
//   heading: spaces/tabs trimmed at both ends; 1..kMaxHeadingBytes bytes; one
//            line; valid UTF-8; no control characters except TAB.
//   body:    CRLF and lone CR become LF; leading blank lines and trailing
//            whitespace (spaces, tabs, newlines) removed; 0..kMaxBodyBytes
//            bytes; valid UTF-8; no control characters except TAB and LF.
// Markdown rule for a body (CheckBodyMarkdown): parsed as CommonMark (cmark),
// a body contains no top-level heading (headings are sections) and leaves no
// block open that would swallow a following heading (an unclosed code fence,
// an unclosed <!-- comment, ...). Together these make the Markdown export of
// markdown_import.h import back to the same text.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "domain/agreements/section_tree.h"
#include "domain/status.h"

namespace hoering::agreements {

using IdSet = std::unordered_set<std::string>;

bool IsValidUtf8(std::string_view s);

// On failure the Status detail is a reason without context ("is empty");
// callers prefix it ("op 2 (add): heading is empty"). Code: kUnprocessable.
Result<std::string> NormalizeHeading(std::string_view heading);
Result<std::string> NormalizeBody(std::string_view body);
// REQUIRES: body is normalised.
Status CheckBodyMarkdown(std::string_view body);

// The slug of a heading: ASCII lowercase letters and digits, common Latin
// letters transliterated (ae, oe, aa, ss, e, ...), everything else collapsed
// into '-', at most 40 characters; "s" when nothing is left.
std::string SlugFor(std::string_view heading);

// The id for a section added without one: SlugFor(heading) if that is neither
// in `tree` nor in `used` (every id the agreement ever had) nor in `extra`
// (optional; ids taken earlier in the same change set), else the first of
// slug-2, slug-3, ... that is free. Deterministic: same state, same id.
std::string GenerateSectionId(std::string_view heading, const SectionTree& tree, const IdSet& used,
                              const IdSet* extra = nullptr);

}  // namespace hoering::agreements
