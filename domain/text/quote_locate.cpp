#include "domain/text/quote_locate.h"

namespace hoering::text {
namespace {

// The end of the match of `rest` (the quote after its first word, starting
// at a whitespace run or empty) in `text` from `t`, or nullopt.
std::optional<std::size_t> MatchRest(std::string_view text, std::size_t t, std::string_view rest) {
  std::size_t q = 0;
  while (q < rest.size()) {
    if (QuoteSpace(rest[q])) {
      if (t >= text.size() || !QuoteSpace(text[t])) return std::nullopt;
      while (q < rest.size() && QuoteSpace(rest[q])) ++q;
      while (t < text.size() && QuoteSpace(text[t])) ++t;
    } else if (t < text.size() && rest[q] == text[t]) {
      ++q;
      ++t;
    } else {
      return std::nullopt;
    }
  }
  return t;
}

}  // namespace

bool QuoteSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// The quote's first word has no whitespace, so it stands in the text byte
// for byte: string_view::find (memchr and memcmp) finds the candidates, and
// only they are compared further.
std::optional<std::pair<std::size_t, std::size_t>> LocateQuote(std::string_view text,
                                                               std::string_view quote) {
  std::size_t qb = 0, qe = quote.size();
  while (qb < qe && QuoteSpace(quote[qb])) ++qb;
  while (qe > qb && QuoteSpace(quote[qe - 1])) --qe;
  quote = quote.substr(qb, qe - qb);
  if (quote.empty()) return std::nullopt;
  std::size_t word = 0;
  while (word < quote.size() && !QuoteSpace(quote[word])) ++word;
  const std::string_view first = quote.substr(0, word), rest = quote.substr(word);
  for (std::size_t at = text.find(first); at != std::string_view::npos;
       at = text.find(first, at + 1)) {
    if (auto end = MatchRest(text, at + first.size(), rest)) return std::make_pair(at, *end);
  }
  return std::nullopt;
}

}  // namespace hoering::text
