// Shared expectation for snapshot tests: FromSnapshot() of malformed JSON is
// kCorruption "snapshot-corrupt" and never throws.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "domain/status.h"

namespace hoering::testing {

template <typename View>
void ExpectCorruptSnapshot(const nlohmann::json& j, const std::string& what) {
  Result<View> r = Status::Ok();
  EXPECT_NO_THROW(r = View::FromSnapshot(j)) << what;
  ASSERT_FALSE(r.ok()) << what;
  EXPECT_EQ(r.status().code(), Code::kCorruption) << what;
  EXPECT_EQ(r.status().type(), "snapshot-corrupt") << what;
}

}  // namespace hoering::testing
