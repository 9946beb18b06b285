// ContainsAll: the check that a rendered text (a report, a page, the CLI's
// output) holds each of several fragments, as a list instead of one
// `EXPECT_NE(text.find(...), npos)` a fragment:
//   EXPECT_TRUE(ContainsAll(md, {"# Title\n", "| Party | Kind |\n"}));
// On a failure it names every missing fragment, then shows the whole text.
// ContainsNone is the opposite check: none of the fragments is in the text.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string_view>

namespace hoering::testing {

inline ::testing::AssertionResult ContainsAll(std::string_view text,
                                              std::initializer_list<std::string_view> fragments) {
  ::testing::AssertionResult result = ::testing::AssertionSuccess();
  bool all = true;
  for (std::string_view fragment : fragments) {
    if (text.find(fragment) != std::string_view::npos) continue;
    if (all) result = ::testing::AssertionFailure();
    all = false;
    result << "missing: \"" << fragment << "\"\n";
  }
  if (!all) result << "in:\n" << text;
  return result;
}

inline ::testing::AssertionResult ContainsNone(std::string_view text,
                                               std::initializer_list<std::string_view> fragments) {
  ::testing::AssertionResult result = ::testing::AssertionSuccess();
  bool none = true;
  for (std::string_view fragment : fragments) {
    if (text.find(fragment) == std::string_view::npos) continue;
    if (none) result = ::testing::AssertionFailure();
    none = false;
    result << "shown: \"" << fragment << "\"\n";
  }
  return result;
}

}  // namespace hoering::testing
