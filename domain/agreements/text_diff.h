// Word-level diff of two strings (headings, bodies), via dtl (Wu/Manber/Myers
// O(NP)).
//
// Tokens: a run of word characters (ASCII letters and digits, '_', and every
// byte >= 0x80, so UTF-8 letters stay whole), a run of whitespace, or a
// single other character (punctuation). The token sequences are diffed after
// trimming their common prefix and suffix; the result is a list of runs:
//   - consecutive tokens with the same op are merged into one run;
//   - inside each changed stretch the deletions come before the insertions;
//   - a whitespace-only "equal" run between two changed stretches is folded
//     into them (so "a b" -> "c d" reads delete "a b", insert "c d").
// Invariants: concatenating the equal+delete runs gives `from`, the
// equal+insert runs give `to`; no run is empty; equal inputs give one equal
// run (or none when both are empty).
// Cost: O((N+M) + D*(N+M)) for D differing tokens after trimming; identical
// strings cost one comparison.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace hoering::agreements {

enum class RunOp { kEqual, kInsert, kDelete };
std::string_view RunOpName(RunOp op);  // "equal" | "insert" | "delete"

struct WordRun {
  RunOp op = RunOp::kEqual;
  std::string text;
  bool operator==(const WordRun&) const = default;
};
using WordDiff = std::vector<WordRun>;

std::vector<std::string_view> Tokenize(std::string_view s);
WordDiff DiffWords(std::string_view from, std::string_view to);

std::string FromSide(const WordDiff& d);  // equal + delete runs
std::string ToSide(const WordDiff& d);    // equal + insert runs
bool HasChanges(const WordDiff& d);

// [{"op": "equal"|"insert"|"delete", "text": ...}]
nlohmann::json WordDiffToJson(const WordDiff& d);

}  // namespace hoering::agreements
