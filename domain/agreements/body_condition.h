// Stale-edit protection per section (issue 15): an op that names an existing
// section (edit, move, remove) may carry `if_body_sha256`, the SHA-256 (64
// hex digits) of that section's body as the editor read it (GET
// /v1/agreements/{id} gives each section's `body_sha256`). DecideChange
// compares it with the body in the text it decides on, before any op of the
// set is applied; a mismatch (or a section that is gone) refuses the whole
// change set with 412 kPreconditionFailed, type "section-changed", a detail
// naming the section, and one FieldProblem {pointer "/ops/<i>/if_body_sha256",
// type "section-changed", params {section, body_sha256 (current, "" when
// removed)}}. Ops without the field, and ops on other sections, never
// conflict. The command service decides again on a concurrent append, so the
// check always runs on the latest text. The field is a precondition only: it
// is never recorded in ChangeSetRecorded.
//
// Pure: no I/O. Thread safety: functions only.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "domain/agreements/change_ops.h"
#include "domain/agreements/section_tree.h"
#include "domain/status.h"

namespace hoering::agreements {

inline constexpr std::string_view kSectionChanged = "section-changed";

// Lowercase hex SHA-256 of a section's body bytes.
std::string BodySha256(std::string_view body);

// ok when every op's if_body_sha256 (if any) matches its section in `text`.
Status CheckBodyConditions(const SectionTree& text, const std::vector<Op>& ops);

// The section named by a "section-changed" refusal ("" for another status).
std::string ChangedSection(const Status& status);

// Adds "body_sha256" to every section object of a sections array (text_json.h
// shape), children included. The result is no longer the canonical text.
void AddBodySha256(nlohmann::json& sections);

}  // namespace hoering::agreements
