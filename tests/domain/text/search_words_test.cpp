#include "domain/text/search_words.h"

#include <gtest/gtest.h>

#include "domain/text/quote_context.h"

namespace hoering::text {
namespace {

using Words = std::vector<std::string>;

bool Finds(std::string_view text, std::string_view query) {
  return MatchesAllPrefixes(WordList(text), SearchWords(query));
}

TEST(SearchWords, FoldsCaseAndAccentsAndKeepsTheDanishLetters) {
  EXPECT_EQ(SearchWords("Tandlæge-ordningen, É"), (Words{"tandlæge", "ordningen", "e"}));
  EXPECT_EQ(SearchWords("ÆBLE Øen ÅEN"), (Words{"æble", "øen", "åen"}));
  EXPECT_EQ(SearchWords("Café Müller naïve Čapek Œuvre Ĳssel"),
            (Words{"cafe", "muller", "naive", "capek", "oeuvre", "ijssel"}));
  EXPECT_EQ(SearchWords("ΑΘΗΝΑ МОСКВА"), (Words{"αθηνα", "москва"}));
}

TEST(SearchWords, DecomposedInputFoldsLikeComposed) {
  EXPECT_EQ(SearchWords("Cafe\xCC\x81"), (Words{"cafe"}));           // e + combining acute
  EXPECT_EQ(SearchWords("Bla\xCC\x8A"), (Words{"blå"}));             // a + combining ring
  EXPECT_EQ(SearchWords("A\xCC\x8Ase"), SearchWords("\xC3\x85se"));  // Åse
}

TEST(SearchWords, PunctuationSymbolsAndBadBytesSeparateWords) {
  EXPECT_EQ(SearchWords("§ 12, stk. 3 – “sundhed”…"), (Words{"12", "stk", "3", "sundhed"}));
  EXPECT_EQ(SearchWords("a\xFF"
                        "b c\xC3"),
            (Words{"a", "b", "c"}));
  EXPECT_EQ(SearchWords("2×3 ÷ 🙂smil"), (Words{"2", "3", "smil"}));
  EXPECT_TRUE(SearchWords(" \t\n,.;").empty());
  EXPECT_TRUE(SearchWords("").empty());
}

TEST(WordList, IsTheSortedDistinctWords) {
  const std::string mark(1, kWordMark);
  EXPECT_EQ(WordList("b A a B"), mark + "a" + mark + "b");
  EXPECT_EQ(WordList(""), "");
}

TEST(MatchesAllPrefixes, EveryQueryWordMustBeginAWord) {
  EXPECT_TRUE(Finds("Vi ønsker flere tandlæger i kommunen", "TANDL"));
  EXPECT_TRUE(Finds("Vi ønsker flere tandlæger i kommunen", "tandlæge"));
  EXPECT_TRUE(Finds("Vi ønsker flere tandlæger i kommunen", "ØNSK kom"));
  EXPECT_TRUE(Finds("Den café er lukket", "cafe"));
  EXPECT_TRUE(Finds("Den cafe er lukket", "CAFÉ"));
  EXPECT_FALSE(Finds("Vi ønsker flere tandlæger", "andl"));  // inside a word, not a prefix
  EXPECT_FALSE(Finds("Vi ønsker flere tandlæger", "tandl kommune"));
  EXPECT_FALSE(Finds("aeble", "æble"));  // æ is a letter of its own
  EXPECT_FALSE(Finds("oen", "øen"));
  EXPECT_TRUE(Finds("anything", ""));
  EXPECT_TRUE(Finds("Tandlæge-ordningen", "ordn tand"));
}

TEST(QuoteInContext, FindsTheQuoteWithWhitespaceRunsAsOneSpace) {
  const std::string text = "Aftalen skal sikre, at indsatsen\nhænger godt sammen for borgeren.";
  QuoteInContext q = FindQuoteInContext(text, "indsatsen hænger  godt");
  ASSERT_TRUE(q.found);
  EXPECT_EQ(q.before, "Aftalen skal sikre, at ");
  EXPECT_EQ(q.quote, "indsatsen\nhænger godt");
  EXPECT_EQ(q.after, " sammen for borgeren.");
  EXPECT_FALSE(FindQuoteInContext(text, "ikke der").found);
  EXPECT_FALSE(FindQuoteInContext(text, "  ").found);
}

TEST(QuoteInContext, CutsLongContextAtASpaceAndMarksIt) {
  const std::string text = "første ord " + std::string(300, 'x') + " æ citatet her ø " +
                           std::string(300, 'y') + " sidste ord";
  QuoteInContext q = FindQuoteInContext(text, "citatet her", 20);
  ASSERT_TRUE(q.found);
  EXPECT_EQ(q.before, "…æ ");
  EXPECT_EQ(q.after, " ø…");
  QuoteInContext whole = FindQuoteInContext("kort citat", "citat", 20);
  EXPECT_EQ(whole.before, "kort ");
  EXPECT_EQ(whole.after, "");
}

}  // namespace
}  // namespace hoering::text
