#include "domain/agreements/text_diff.h"

#include <gtest/gtest.h>

#include <random>

namespace hoering::agreements {
namespace {

using nlohmann::json;

std::string Show(const WordDiff& d) {
  std::string out;
  for (const auto& r : d) {
    if (r.op == RunOp::kEqual) out += r.text;
    if (r.op == RunOp::kDelete) out += "[-" + r.text + "-]";
    if (r.op == RunOp::kInsert) out += "{+" + r.text + "+}";
  }
  return out;
}

TEST(Tokenize, WordsSpacesAndPunctuation) {
  auto t = Tokenize("Vi vil, i 2024-2027:  æøå!\n");
  std::vector<std::string> s(t.begin(), t.end());
  EXPECT_EQ(s, (std::vector<std::string>{"Vi", " ", "vil", ",", " ", "i", " ", "2024", "-", "2027",
                                         ":", "  ", "æøå", "!", "\n"}));
  EXPECT_TRUE(Tokenize("").empty());
}

TEST(DiffWords, MarksWordChanges) {
  EXPECT_EQ(
      Show(DiffWords("Vi vil forbedre den mentale sundhed", "Vi vil styrke den mentale sundhed")),
      "Vi vil [-forbedre-]{+styrke+} den mentale sundhed");
  EXPECT_EQ(Show(DiffWords("a b c", "a c")), "a [-b -]c");
  EXPECT_EQ(Show(DiffWords("", "new text")), "{+new text+}");
  EXPECT_EQ(Show(DiffWords("old text", "")), "[-old text-]");
  EXPECT_TRUE(DiffWords("", "").empty());
  auto same = DiffWords("same", "same");
  ASSERT_EQ(same.size(), 1u);
  EXPECT_EQ(same[0], (WordRun{RunOp::kEqual, "same"}));
  EXPECT_FALSE(HasChanges(same));
}

TEST(DiffWords, DeletionsComeBeforeInsertionsAndSpacesBetweenChangesFold) {
  EXPECT_EQ(Show(DiffWords("x one two y", "x three four y")), "x [-one two-]{+three four+} y");
  EXPECT_EQ(Show(DiffWords("pay 100 kr.", "pay 200 kr.")), "pay [-100-]{+200+} kr.");
}

TEST(DiffWords, JsonShape) {
  EXPECT_EQ(
      WordDiffToJson(DiffWords("a b", "a c")),
      json::parse(
          R"([{"op":"equal","text":"a "},{"op":"delete","text":"b"},{"op":"insert","text":"c"}])"));
}

TEST(DiffWords, SidesReconstructBothInputsForRandomTexts) {
  std::mt19937 rng(7);
  const std::vector<std::string> words = {"sund", "hed", "æble", " ",  "  ",
                                          "\n",   ",",   ".",    "vi", "og"};
  auto text = [&](std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += words[rng() % words.size()];
    return s;
  };
  for (int i = 0; i < 300; ++i) {
    std::string a = text(rng() % 40), b = a;
    // Mutate b: some random edits.
    for (int k = rng() % 5; k > 0; --k) {
      std::size_t pos = b.empty() ? 0 : rng() % b.size();
      if (rng() % 2)
        b.insert(pos, words[rng() % words.size()]);
      else if (!b.empty())
        b.erase(pos, 1 + rng() % 3);
    }
    // Erasing may split a UTF-8 letter: the diff still works on bytes.
    WordDiff d = DiffWords(a, b);
    ASSERT_EQ(FromSide(d), a) << "case " << i;
    ASSERT_EQ(ToSide(d), b) << "case " << i;
    for (std::size_t r = 0; r < d.size(); ++r) {
      EXPECT_FALSE(d[r].text.empty());
      if (r > 0) {
        EXPECT_FALSE(d[r].op == d[r - 1].op) << "runs are merged";
      }
    }
  }
}

}  // namespace
}  // namespace hoering::agreements
