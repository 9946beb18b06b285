#include "domain/text/search_words.h"

#include <algorithm>
#include <cstdint>

#include "domain/text/utf8.h"

namespace hoering::text {
namespace {

// Base letters of U+0100-017F, in order; '1' is "ij", '2' is "oe".
constexpr std::string_view kLatinExtendedA =
    "aaaaaa"        // 0100-0105 Ā ā Ă ă Ą ą
    "cccccccc"      // 0106-010D
    "dddd"          // 010E-0111
    "eeeeeeeeee"    // 0112-011B
    "gggggggg"      // 011C-0123
    "hhhh"          // 0124-0127
    "iiiiiiiiii"    // 0128-0131
    "11"            // 0132-0133 Ĳ ĳ
    "jj"            // 0134-0135
    "kkk"           // 0136-0138
    "llllllllll"    // 0139-0142
    "nnnnnnn"       // 0143-0149
    "nn"            // 014A-014B
    "oooooo"        // 014C-0151
    "22"            // 0152-0153 Œ œ
    "rrrrrr"        // 0154-0159
    "ssssssss"      // 015A-0161
    "tttttt"        // 0162-0167
    "uuuuuuuuuuuu"  // 0168-0173
    "ww"            // 0174-0175
    "yyy"           // 0176-0178
    "zzzzzz"        // 0179-017E
    "s";            // 017F ſ
static_assert(kLatinExtendedA.size() == 0x80);

// Folded forms of U+00C0-00FF; "" separates words.
constexpr std::string_view kLatin1[0x40] = {
    "a", "a", "a", "a", "a", "å", "æ", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // C0-CF
    "ð", "n", "o", "o", "o", "o", "o", "",  "ø", "u", "u", "u", "u", "y", "þ", "ß",  // D0-DF
    "a", "a", "a", "a", "a", "å", "æ", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // E0-EF
    "ð", "n", "o", "o", "o", "o", "o", "",  "ø", "u", "u", "u", "u", "y", "þ", "y",  // F0-FF
};

void Encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool Combining(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF ||
         (cp >= 0x200B && cp <= 0x200D);
}

bool Separator(char32_t cp) {
  return cp == kInvalidCodePoint || cp < 0x30 || (cp >= 0x3A && cp <= 0x40) ||
         (cp >= 0x5B && cp <= 0x60) || (cp >= 0x7B && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
         (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) || cp >= 0x1F000;
}

// Appends the folded form of word character `cp` to `word`.
void Fold(char32_t cp, std::string& word) {
  if (cp < 0x80) {
    word += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
  } else if (cp >= 0xC0 && cp <= 0xFF) {
    word += kLatin1[cp - 0xC0];
  } else if (cp >= 0x100 && cp <= 0x17F) {
    const char base = kLatinExtendedA[cp - 0x100];
    word += base == '1' ? "ij" : base == '2' ? "oe" : std::string(1, base);
  } else if ((cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) || (cp >= 0x410 && cp <= 0x42F)) {
    Encode(cp + 0x20, word);
  } else if (cp >= 0x400 && cp <= 0x40F) {
    Encode(cp + 0x50, word);
  } else {
    Encode(cp, word);
  }
}

}  // namespace

std::vector<std::string> SearchWords(std::string_view utf8) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = DecodeUtf8(utf8, i);
    if (cp == 0x030A && !word.empty() && word.back() == 'a') {
      word.back() = '\xC3';  // a + combining ring above: å (U+00E5)
      word += '\xA5';
    } else if (Combining(cp)) {
      continue;
    } else if (Separator(cp)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      Fold(cp, word);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string WordList(std::string_view utf8) {
  std::vector<std::string> words = SearchWords(utf8);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string out;
  for (const std::string& w : words) {
    out += kWordMark;
    out += w;
  }
  return out;
}

bool MatchesAllPrefixes(std::string_view word_list, const std::vector<std::string>& prefixes) {
  std::string needle;
  for (const std::string& prefix : prefixes) {
    needle.assign(1, kWordMark);
    needle += prefix;
    if (word_list.find(needle) == std::string_view::npos) return false;
  }
  return true;
}

}  // namespace hoering::text
