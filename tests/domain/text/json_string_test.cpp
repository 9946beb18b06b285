#include "domain/text/json_string.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace hoering::text {
namespace {

std::string Written(std::string_view s) {
  std::string out = "x";  // appends, keeps what is there
  AppendJsonString(out, s);
  return out.substr(1);
}

TEST(JsonString, WritesWhatNlohmannDumpWrites) {
  std::string every_ascii;
  for (int c = 0; c < 0x80; ++c) every_ascii += static_cast<char>(c);
  for (const std::string s :
       {std::string(), every_ascii, std::string("Høring – “svar” ✓ 🙂"),
        std::string("a/b\x7f\"\\")}) {
    EXPECT_EQ(Written(s), nlohmann::json(s).dump()) << s;
  }
}

TEST(JsonString, EscapesAsTheCanonicalRenderingSays) {
  EXPECT_EQ(Written("\"\\\b\f\n\r\t"), R"("\"\\\b\f\n\r\t")");
  EXPECT_EQ(Written(std::string("\x00\x01\x1f", 3)), R"("\u0000\u0001\u001f")");
}

}  // namespace
}  // namespace hoering::text
