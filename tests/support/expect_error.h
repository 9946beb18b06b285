// ExpectError: the check that a call failed the way a test expects, for
// every Result<T> (decisions, parsers). Fails the test (non-fatally for the
// caller: an ASSERT here only ends this helper) when `r` is ok, and expects the
// status code and problem type; `context` is printed with a mismatch (the
// input, when the failing call does not show it).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "domain/status.h"

namespace hoering::testing {

template <typename T>
void ExpectError(const Result<T>& r, Code code, const std::string& type,
                 const std::string& context = "") {
  ASSERT_FALSE(r.ok()) << context;
  EXPECT_EQ(r.status().code(), code) << context;
  EXPECT_EQ(r.status().type(), type)
      << context << (context.empty() ? "" : ": ") << r.status().detail();
}

}  // namespace hoering::testing
