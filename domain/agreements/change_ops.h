// Section operations: the parts of a change set (api.md).
//
//   {"op": "add", "section": {"id"?, "kind", "heading", "body"?}, "parent"?, "after"?}
//   {"op": "edit", "id", "heading"?, "body"?, "kind"?}
//   {"op": "move", "id", "parent"?, "after"?}
//   {"op": "remove", "id"}                       removes the section and its subtree
//
// edit, move and remove also accept "if_body_sha256": the SHA-256 (64 hex
// digits, either case; kept lowercase) of the section's body as the editor
// read it. It is a precondition checked by DecideChange (body_condition.h),
// never recorded.
//
// Placement (add, move): "parent" absent or "" = top level. "after" absent =
// as the last child of parent; "after": "" = as the first child; "after": "<id>"
// = right after that sibling (which must be a child of parent). "body" absent
// in an add = empty body. An add without "id" gets a deterministic one
// (section_rules.h GenerateSectionId); the recorded event always holds it.
//
// Parsing checks the shape only (types, required fields, unknown op names):
// failures are kInvalidArgument (400) with type "malformed-op" and a detail
// naming the op ("op 2: 'heading' must be a string"). Rule checks (unknown
// section, unknown kind, empty heading, ...) are in apply_ops.h (422).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/agreements/section_tree.h"
#include "domain/status.h"

namespace hoering::agreements {

enum class OpType { kAdd, kEdit, kMove, kRemove };
std::string_view OpName(OpType t);  // add | edit | move | remove

struct Op {
  OpType type = OpType::kAdd;
  std::string id;                             // add: "" = generate; others: the section
  std::optional<std::string> kind;            // add: required; edit: optional (a wire name)
  std::optional<std::string> heading;         // add: required; edit: optional
  std::optional<std::string> body;            // add, edit: optional
  Place place;                                // add, move
  std::optional<std::string> if_body_sha256;  // edit, move, remove: lowercase hex
  bool operator==(const Op&) const = default;
};

// Parses one op / the "ops" array. `index` (0-based) is used in messages.
// strict (requests): unknown fields are errors. Not strict (recorded events):
// unknown fields are ignored, so newer writers may add some.
Result<Op> ParseOp(const nlohmann::json& j, std::size_t index, bool strict = true);
Result<std::vector<Op>> ParseOps(const nlohmann::json& ops, bool strict = true);

// The wire form (as recorded in ChangeSetRecorded). Absent optionals are left
// out; ParseOp(OpToJson(op)) == op.
nlohmann::json OpToJson(const Op& op);
nlohmann::json OpsToJson(const std::vector<Op>& ops);

// "op 3 (move s-12)", "op 1 (add)": how messages name an op; index is 0-based
// and printed 1-based.
std::string OpLabel(const Op& op, std::size_t index);

}  // namespace hoering::agreements
