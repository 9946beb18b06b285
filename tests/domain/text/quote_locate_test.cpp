#include "domain/text/quote_locate.h"

#include <gtest/gtest.h>

#include <string>

namespace hoering::text {
namespace {

using Span = std::optional<std::pair<std::size_t, std::size_t>>;

Span At(std::size_t begin, std::size_t end) {
  return std::make_pair(begin, end);
}

TEST(LocateQuote, WhitespaceRunsCompareAsOneSpace) {
  EXPECT_EQ(LocateQuote("a\n\nb  c", "a b\tc"), At(0, 7));
  EXPECT_EQ(LocateQuote("x a \r\n b y", "a b"), At(2, 8));
  EXPECT_EQ(LocateQuote("a\fb", "a b"), At(0, 3));
}

TEST(LocateQuote, TheQuotesOwnLeadingAndTrailingWhitespaceIsIgnored) {
  EXPECT_EQ(LocateQuote("one two three", "  two \n"), At(4, 7));
}

TEST(LocateQuote, AMatchMayBeginAndEndInsideAWord) {
  EXPECT_EQ(LocateQuote("samarbejder tæt", "arbejder tæ"), At(3, 15));
}

TEST(LocateQuote, TheFirstOccurrenceWinsAfterFalseStarts) {
  // "a b" first fails at 0 (a c), then at 4 (a  b matches).
  EXPECT_EQ(LocateQuote("a c a  b a b", "a b"), At(4, 8));
  EXPECT_EQ(LocateQuote("aaab", "aab"), At(1, 4));
}

TEST(LocateQuote, NoMatch) {
  EXPECT_EQ(LocateQuote("a b c", "a c"), std::nullopt);
  EXPECT_EQ(LocateQuote("ab", "a b"), std::nullopt);     // the text has no space there
  EXPECT_EQ(LocateQuote("a b", "a b c"), std::nullopt);  // the text ends first
  EXPECT_EQ(LocateQuote("a b c", " \n"), std::nullopt);  // only whitespace
  EXPECT_EQ(LocateQuote("", "a"), std::nullopt);
}

TEST(LocateQuote, LongTextsAreSearchedWholly) {
  std::string text(100000, 'x');
  text += " the  end";
  EXPECT_EQ(LocateQuote(text, "x the end"), At(99999, text.size()));
}

}  // namespace
}  // namespace hoering::text
