// Validating and applying the ops of one change set to a text.
//
// kValidate (decide): every op is checked against the text as left by the ops
// before it; the first failure rejects the change set with kUnprocessable,
// type "invalid-op", and a detail naming the op:
//   "op 3 (move s-12): cannot move a section under its own descendant"
// Rules:
//   all    at least one op ("empty-change-set"), at most kMaxOps ("too-many-ops")
//   add    id (if given) valid and not in the text; kind known; heading and body
//          pass section_rules.h; parent exists; after is a child of parent
//   edit   section exists; gives heading, body or kind; changes at least one
//   move   section exists; parent exists and is neither the section nor below
//          it; after is a child of parent and not the section; the section is
//          not already at that place
//   remove section exists (its subtree goes with it)
//   end    at most kMaxSections sections, nested at most kMaxDepth deep
// On success the ops are rewritten to what is recorded: headings and bodies
// normalised, generated ids filled in, edit fields equal to the current value
// dropped. On failure `tree` is partly changed: validate on a copy.
//
// kReplay (evolve): ops are trusted to be recorded ones; only structural
// failures are reported, as kCorruption. Nothing is rewritten. Linear in the
// size of the ops (plus sibling lists), no Markdown parsing, no copy.
#pragma once

#include <vector>

#include "domain/agreements/change_ops.h"
#include "domain/agreements/section_rules.h"
#include "domain/agreements/section_tree.h"
#include "domain/status.h"

namespace hoering::agreements {

inline constexpr std::size_t kMaxOps = 50000;

enum class ApplyMode { kValidate, kReplay };

// `used`: every section id the agreement ever had (for id generation).
Status ApplyOps(SectionTree& tree, std::vector<Op>& ops, const IdSet& used, ApplyMode mode);

}  // namespace hoering::agreements
