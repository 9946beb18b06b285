// The difference between two texts, section by section, matched by id.
// Works for any two texts: forward, backward, adjacent or not.
//
// STATUS of a section (api.md: added | removed | modified | moved | unchanged)
//   added      only in `to`            removed   only in `from`
//   moved      in both, and its place changed (see below); it may ALSO have
//              changed content: then `modified()` is true and `changes` lists
//              what changed. A moved-and-edited section is ONE entry.
//   modified   in both, same place, and kind, heading or body changed
//   unchanged  in both, same place, same content
// PLACE: a section's place changed when its parent changed, or when its order
// among the siblings that kept that parent changed: per parent, the longest
// run of such siblings whose order is kept (a longest increasing subsequence)
// stays put and the others count as moved. So inserting or removing siblings
// never makes a section "moved", and swapping two siblings moves only one.
// Descendants of a moved section keep their parent and are not moved.
//
// ORDER of entries: document order of `to`; a removed section comes right
// after the sibling it followed in `from` (under the same parent), and a
// removed section's removed children follow it.
//
// Each entry has word diffs of heading and body (text_diff.h): for added
// sections all insert, for removed all delete, for unchanged one equal run.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/agreements/section_tree.h"
#include "domain/agreements/text_diff.h"
#include "domain/status.h"

namespace hoering::agreements {

enum class DiffStatus { kAdded, kRemoved, kModified, kMoved, kUnchanged };
std::string_view StatusName(DiffStatus s);

struct Placement {
  std::string parent;     // "" = top level
  std::size_t index = 0;  // among its siblings, from 0
  bool operator==(const Placement&) const = default;
};

struct SectionChange {
  std::string id;
  DiffStatus status = DiffStatus::kUnchanged;
  std::optional<SectionKind> kind_from, kind_to;  // absent on the side lacking the section
  std::optional<std::string> heading_from, heading_to;
  std::optional<Placement> from, to;
  bool kind_changed = false;
  bool heading_changed = false;
  bool body_changed = false;
  bool moved = false;
  WordDiff heading_diff;
  WordDiff body_diff;
  std::size_t depth = 1;  // in `to`; in `from` for removed sections

  bool modified() const { return kind_changed || heading_changed || body_changed; }
  // What changed, in this order: "kind", "heading", "body", "place".
  std::vector<std::string_view> changes() const;
};

struct DiffCounts {
  std::size_t added = 0, removed = 0, modified = 0, moved = 0, unchanged = 0;
};

struct TextDiff {
  std::vector<SectionChange> sections;
  DiffCounts counts;  // over all sections, also unchanged ones left out
  bool identical() const {
    return counts.added + counts.removed + counts.modified + counts.moved == 0;
  }
};

struct DiffOptions {
  // List unchanged sections too (api.md lists them). Default true.
  bool include_unchanged = true;
  // Word diffs only for the entries whose index in TextDiff::sections is in
  // [word_diffs_from, word_diffs_to); the others carry empty heading_diff and
  // body_diff. A page of a long diff then pays only for its own sections.
  std::size_t word_diffs_from = 0;
  std::size_t word_diffs_to = static_cast<std::size_t>(-1);
};

// Cost: O(n) lookups plus a word diff of each changed heading/body (see
// text_diff.h) and O(k log k) per sibling list of k.
TextDiff DiffTexts(const SectionTree& from, const SectionTree& to, const DiffOptions& options = {});

// Rebuilds `to` from `from` and the "to" side of the entries (with or without
// the unchanged ones): ApplyDiff(a, DiffTexts(a, b)) == b. Fails with
// kInvalidArgument when the entries do not fit `from`.
Result<SectionTree> ApplyDiff(const SectionTree& from, const TextDiff& diff);

}  // namespace hoering::agreements
