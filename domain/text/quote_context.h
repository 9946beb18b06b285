// A quoted passage shown in its context (the committee's inbox, issue 15):
// where `quote` occurs in `text` (comparing runs of whitespace as one space,
// by text::LocateQuote, the rule QuoteOccurs accepts a quote by), with up to about
// `context_bytes` of the text before and after it, cut at a space (or a
// UTF-8 character boundary) and marked with "…" where text was left out.
// Pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hoering::text {

struct QuoteInContext {
  bool found = false;  // false: `quote` does not occur; the rest is empty
  std::string before;  // "…" + the text just before the quote
  std::string quote;   // the quote as it stands in the text
  std::string after;   // the text just after it + "…"
};

QuoteInContext FindQuoteInContext(std::string_view text, std::string_view quote,
                                  std::size_t context_bytes = 160);

}  // namespace hoering::text
