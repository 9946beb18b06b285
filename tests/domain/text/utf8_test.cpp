#include "domain/text/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hoering::text {
namespace {

std::vector<char32_t> CodePointsOf(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) out.push_back(DecodeUtf8(s, i));
  return out;
}

TEST(DecodeUtf8, ReadsOneToFourByteSequences) {
  EXPECT_EQ(CodePointsOf("aø€🙂"), (std::vector<char32_t>{U'a', U'ø', U'€', U'🙂'}));
}

TEST(DecodeUtf8, MalformedSequenceIsInvalidAndConsumesOneByte) {
  const char32_t bad = kInvalidCodePoint;
  EXPECT_EQ(CodePointsOf("\x80-"), (std::vector<char32_t>{bad, U'-'}));    // stray continuation
  EXPECT_EQ(CodePointsOf("\xC3"), (std::vector<char32_t>{bad}));           // truncated
  EXPECT_EQ(CodePointsOf("\xC0\xAF"), (std::vector<char32_t>{bad, bad}));  // overlong '/'
  EXPECT_EQ(CodePointsOf("\xED\xA0\x80"), (std::vector<char32_t>{bad, bad, bad}));  // surrogate
  EXPECT_EQ(CodePointsOf("\xF4\x90\x80\x80"),
            (std::vector<char32_t>{bad, bad, bad, bad}));  // past U+10FFFF
  EXPECT_EQ(CodePointsOf("\xFF"), (std::vector<char32_t>{bad}));
}

}  // namespace
}  // namespace hoering::text
