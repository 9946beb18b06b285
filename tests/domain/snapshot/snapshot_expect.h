// Shared helpers for snapshot tests: restoring a snapshot that must be good,
// and expecting FromSnapshot() of malformed JSON to be kCorruption
// "snapshot-corrupt" without throwing.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "domain/status.h"

namespace hoering::testing {

template <typename View>
View MustRestoreSnapshot(const nlohmann::json& j) {
  auto r = View::FromSnapshot(j);
  EXPECT_TRUE(r.ok()) << r.status().detail();
  return r.ok() ? std::move(r).value() : View{};
}

template <typename View>
void ExpectCorruptSnapshot(const nlohmann::json& j, const std::string& what) {
  Result<View> r = Status::Ok();
  EXPECT_NO_THROW(r = View::FromSnapshot(j)) << what;
  ASSERT_FALSE(r.ok()) << what;
  EXPECT_EQ(r.status().code(), Code::kCorruption) << what;
  EXPECT_EQ(r.status().type(), "snapshot-corrupt") << what;
}

}  // namespace hoering::testing
