#include "domain/text/quote_context.h"

#include "domain/text/quote_locate.h"

namespace hoering::text {
namespace {

bool Continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

QuoteInContext FindQuoteInContext(std::string_view text, std::string_view quote,
                                  std::size_t context_bytes) {
  QuoteInContext out;
  auto at = LocateQuote(text, quote);
  if (!at) return out;
  out.found = true;
  auto [begin, end] = *at;
  out.quote = std::string(text.substr(begin, end - begin));
  // Before: back up to `context_bytes`, then forward to the next word.
  std::size_t from = begin > context_bytes ? begin - context_bytes : 0;
  if (from > 0) {
    std::size_t space = from;
    while (space < begin && !QuoteSpace(text[space])) ++space;
    from = space < begin ? space + 1 : from;
    while (from < begin && Continuation(text[from])) ++from;
  }
  std::size_t to = end + context_bytes < text.size() ? end + context_bytes : text.size();
  if (to < text.size()) {
    std::size_t space = to;
    while (space > end && !QuoteSpace(text[space])) --space;
    to = space > end ? space : to;
    while (to > end && Continuation(text[to])) --to;
  }
  out.before = (from > 0 ? "…" : "") + std::string(text.substr(from, begin - from));
  out.after = std::string(text.substr(end, to - end)) + (to < text.size() ? "…" : "");
  return out;
}

}  // namespace hoering::text
