// Words for searching response points (the committee's inbox, issue 15):
// what a text is folded to, and how a query's word prefixes are matched.
// Pure: no I/O, no locale; UTF-8 in, UTF-8 out.
//
// Folding, per code point:
//  * Letters lose case and accents: A-Z -> a-z; Latin-1 and Latin
//    Extended-A letters go to their base letter ("é" -> "e", "Ü" -> "u",
//    "Č" -> "c", "Œ" -> "oe", "Ĳ" -> "ij"), except the Danish letters æ, ø and
//    å, which stay letters of their own (only lower-cased), and ð, þ, ß (kept).
//    Greek and basic Cyrillic capitals are lower-cased.
//  * Combining marks (U+0300-036F and the other combining blocks) are
//    dropped, so decomposed input folds like composed input; "a" followed by
//    the combining ring above (U+030A) is "å".
//  * Digits are word characters; ASCII punctuation and spaces, the Latin-1
//    symbols (U+0080-00BF, ×, ÷), general punctuation and symbols
//    (U+2000-2BFF), CJK punctuation (U+3000-303F), emoji (U+1F000 and up),
//    control characters and invalid UTF-8 separate words. Every other code
//    point is a word character as it is.
// So "Tandlæge-ordningen, É" gives the words "tandlæge", "ordningen", "e".
//
// Matching: a query is folded the same way into words; a text matches when
// every query word is the beginning of some word of the text ("TANDL"
// finds "tandlæge", "ordn tand" finds "Tandlæge-ordningen"; an empty query
// matches everything).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hoering::text {

// The folded words of `utf8`, in order, repeats kept.
std::vector<std::string> SearchWords(std::string_view utf8);

// The distinct folded words of `utf8` as one string that
// MatchesAllPrefixes() reads: each word preceded by kWordMark, sorted.
inline constexpr char kWordMark = '\x1f';
std::string WordList(std::string_view utf8);

// True when every word of `prefixes` (already folded, SearchWords() of a
// query) begins some word of `word_list` (a WordList()).
bool MatchesAllPrefixes(std::string_view word_list, const std::vector<std::string>& prefixes);

}  // namespace hoering::text
