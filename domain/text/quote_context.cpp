#include "domain/text/quote_context.h"

#include <optional>

namespace hoering::text {
namespace {

bool Space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Where `quote` (whitespace runs as one space, surrounding whitespace
// ignored) starts and ends in `text`, first occurrence.
std::optional<std::pair<std::size_t, std::size_t>> Locate(std::string_view text,
                                                          std::string_view quote) {
  std::size_t qb = 0, qe = quote.size();
  while (qb < qe && Space(quote[qb])) ++qb;
  while (qe > qb && Space(quote[qe - 1])) --qe;
  quote = quote.substr(qb, qe - qb);
  if (quote.empty()) return std::nullopt;
  for (std::size_t start = 0; start < text.size(); ++start) {
    if (text[start] != quote[0]) continue;
    std::size_t t = start, q = 0;
    while (q < quote.size() && t < text.size()) {
      if (Space(quote[q])) {
        if (!Space(text[t])) break;
        while (q < quote.size() && Space(quote[q])) ++q;
        while (t < text.size() && Space(text[t])) ++t;
      } else if (quote[q] == text[t]) {
        ++q;
        ++t;
      } else {
        break;
      }
    }
    if (q == quote.size()) return std::make_pair(start, t);
  }
  return std::nullopt;
}

bool Continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

QuoteInContext FindQuoteInContext(std::string_view text, std::string_view quote,
                                  std::size_t context_bytes) {
  QuoteInContext out;
  auto at = Locate(text, quote);
  if (!at) return out;
  out.found = true;
  auto [begin, end] = *at;
  out.quote = std::string(text.substr(begin, end - begin));
  // Before: back up to `context_bytes`, then forward to the next word.
  std::size_t from = begin > context_bytes ? begin - context_bytes : 0;
  if (from > 0) {
    std::size_t space = from;
    while (space < begin && !Space(text[space])) ++space;
    from = space < begin ? space + 1 : from;
    while (from < begin && Continuation(text[from])) ++from;
  }
  std::size_t to = end + context_bytes < text.size() ? end + context_bytes : text.size();
  if (to < text.size()) {
    std::size_t space = to;
    while (space > end && !Space(text[space])) --space;
    to = space > end ? space : to;
    while (to > end && Continuation(text[to])) --to;
  }
  out.before = (from > 0 ? "…" : "") + std::string(text.substr(from, begin - from));
  out.after = std::string(text.substr(end, to - end)) + (to < text.size() ? "…" : "");
  return out;
}

}  // namespace hoering::text
