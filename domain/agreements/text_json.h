// JSON views of a text, its canonical rendering and its hash.
//
// The JSON of a text (api.md, GET /v1/agreements/{id} "sections") is the array
// of its top-level sections in document order, each
//   {"id", "kind", "heading", "body", "children": [ ...same shape... ]}.
//
// CANONICAL RENDERING (what a version's hash covers):
//   canonical := the JSON of the text written with no insignificant whitespace,
//                object keys in bytewise order (body, children, heading, id,
//                kind), strings as UTF-8 with exactly these escapes:
//                  "  -> \"     \ -> \\     U+0008 -> \b   U+000C -> \f
//                  LF -> \n     CR -> \r    TAB -> \t
//                  other U+0000..U+001F -> \u00XX (lowercase hex)
//                and every other character (including '/', DEL and all
//                non-ASCII) written as its UTF-8 bytes.
//   hash      := lowercase hex of SHA-256(canonical)
// An empty text renders as "[]". This is byte-for-byte what nlohmann::json's
// dump() writes for SectionsToJson(t), and what Python writes with
//   json.dumps(sections, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
// so a client can re-hash the "sections" of a GET response on its own (GET
// /v1/agreements/{id} adds "body_sha256" to each section: drop it first).
// (Headings and bodies never contain control characters other than TAB and LF;
// see section_rules.h.)
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "domain/agreements/section_tree.h"
#include "domain/status.h"

namespace hoering::agreements {

nlohmann::json SectionToJson(const SectionTree& t, const Section& s);  // with its subtree
nlohmann::json SectionsToJson(const SectionTree& t);

// Builds a tree from the JSON above. Fails with kInvalidArgument on a bad
// shape, an invalid or duplicate id, an unknown kind or an empty heading.
// Does not apply the body rules of section_rules.h (cheap, for tests and tools).
Result<SectionTree> SectionsFromJson(const nlohmann::json& sections);

std::string CanonicalText(const SectionTree& t);
std::string TextHash(const SectionTree& t);  // 64 lowercase hex digits

}  // namespace hoering::agreements
