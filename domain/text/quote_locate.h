// Where a quoted passage stands in a text, comparing runs of whitespace
// (space, tab, CR, LF, form feed) as one space and ignoring the quote's
// leading and trailing whitespace: the one rule by which a response point's
// quote is accepted (consultations::QuoteOccurs) and shown in context
// (text::FindQuoteInContext). A match may begin or end inside a word.
// Pure; allocates nothing.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace hoering::text {

// True for the bytes a quote's whitespace run matches.
bool QuoteSpace(char c);

// [begin, end) of the first occurrence of `quote` in `text`; nullopt when it
// does not occur or the quote is only whitespace.
std::optional<std::pair<std::size_t, std::size_t>> LocateQuote(std::string_view text,
                                                               std::string_view quote);

}  // namespace hoering::text
