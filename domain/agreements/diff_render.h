// Renderings of a TextDiff (section_diff.h): JSON (api.md), unified text for
// terminals, and HTML with <ins>/<del>.
//
// JSON (DiffToJson):
//   {"from": <from_ref>, "to": <to_ref>,
//    "summary": {"added", "removed", "modified", "moved", "unchanged"},
//    "sections": [{
//      "id", "status": "added"|"removed"|"modified"|"moved"|"unchanged",
//      "modified": bool,              // content changed (also for moved sections)
//      "changes": ["kind"?, "heading"?, "body"?, "place"?],
//      "kind":     {"from", "to"},     // null on the side lacking the section
//      "heading":  {"from", "to"},
//      "parent":   {"from", "to"},     // null = top level (or side lacking it)
//      "position": {"from", "to"},     // index among siblings, from 0
//      "depth",                        // 1 = top level (in "to"; in "from" if removed)
//      "heading_diff": [{"op": "equal"|"insert"|"delete", "text"}],
//      "body_diff":    [{"op", "text"}]}]}
//   from_ref / to_ref are whatever the caller passes (e.g. VersionRefJson).
//
// TEXT (RenderDiffText), one block per listed section:
//   ~ modified  objective obj-1-1: Vi vil forbedre ...
//       heading: Vi vil [-forbedre-]{+styrke+} ...
//       body:    (only lines with changes; "…" marks skipped lines)
//         ... text [-deleted-]{+inserted+} text ...
//   + added / - removed: heading and body lines prefixed "+ " / "- ";
//   > moved: adds "place: <parent>#<pos> -> <parent>#<pos>" ("(top)" = top level)
// Markers are git's --word-diff=plain ones; with `color` they are replaced
// by ANSI red/green.
//
// HTML (RenderDiffHtml): a <div class="hoering-diff"> with a summary and one
// <section class="diff-section diff-<status>" data-id="<id>"> per section,
// heading in <hN> by depth, body in <div class="diff-body"> (pre-wrap), changes
// in <del>/<ins>. Every text is HTML-escaped (& < > " ').
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "domain/agreements/section_diff.h"

namespace hoering::agreements {

struct DiffJsonOptions {
  bool include_unchanged = true;  // list unchanged sections
  bool unchanged_bodies = true;   // with their body_diff (one equal run)
};
nlohmann::json DiffToJson(const TextDiff& d, const nlohmann::json& from_ref,
                          const nlohmann::json& to_ref, const DiffJsonOptions& options = {});
nlohmann::json SectionChangeToJson(const SectionChange& c, bool with_body = true);
// {"added", "removed", "modified", "moved", "unchanged"}: DiffToJson's "summary".
nlohmann::json DiffCountsToJson(const DiffCounts& counts);

struct TextRenderOptions {
  std::string title;   // first line, e.g. "diff 1 \"raw draft\" -> 2 \"final\""; none if empty
  bool color = false;  // ANSI colours instead of [-...-] {+...+}
  bool show_unchanged = false;  // list unchanged sections (heading line only)
};
std::string RenderDiffText(const TextDiff& d, const TextRenderOptions& options = {});

struct HtmlRenderOptions {
  std::string title;            // an <h1> (and <title> when standalone); none if empty
  bool standalone = false;      // a whole HTML document with a small stylesheet
  bool show_unchanged = false;  // render unchanged sections too
};
std::string RenderDiffHtml(const TextDiff& d, const HtmlRenderOptions& options = {});

std::string EscapeHtml(std::string_view s);
// Appends the runs as HTML: equal text escaped, inserts in <ins>, deletes in <del>.
void AppendHtmlRuns(std::string& out, const WordDiff& d);

}  // namespace hoering::agreements
