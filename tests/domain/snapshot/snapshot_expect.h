// Shared helpers for snapshot tests: restoring a snapshot that must be good,
// and expecting FromSnapshot() of malformed JSON to be kCorruption
// "snapshot-corrupt" without throwing, for one damaged snapshot or a list of
// damages to a good one.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "domain/status.h"

namespace hoering::testing {

template <typename View>
View MustRestoreSnapshot(const nlohmann::json& j) {
  auto r = View::FromSnapshot(j);
  EXPECT_TRUE(r.ok()) << r.status().detail();
  return r.ok() ? std::move(r).value() : View{};
}

// `snap` restored directly and through its text (where integers come back
// unsigned): both must snapshot to exactly `snap` again. Returns the two.
template <typename View>
std::pair<View, View> MustRoundTripSnapshot(const nlohmann::json& snap) {
  View restored = MustRestoreSnapshot<View>(snap);
  EXPECT_EQ(restored.Snapshot().dump(), snap.dump());
  View reparsed = MustRestoreSnapshot<View>(nlohmann::json::parse(snap.dump()));
  EXPECT_EQ(reparsed.Snapshot().dump(), snap.dump());
  return {std::move(restored), std::move(reparsed)};
}

template <typename View>
void ExpectCorruptSnapshot(const nlohmann::json& j, const std::string& what) {
  Result<View> r = Status::Ok();
  EXPECT_NO_THROW(r = View::FromSnapshot(j)) << what;
  ASSERT_FALSE(r.ok()) << what;
  EXPECT_EQ(r.status().code(), Code::kCorruption) << what;
  EXPECT_EQ(r.status().type(), "snapshot-corrupt") << what;
}

// A change to a snapshot: the JSON pointer and its new value (null: the
// member is removed; its parent must exist).
using SnapshotDamage = std::pair<std::string, nlohmann::json>;

// Expects FromSnapshot() to refuse as corruption: non-objects and an empty
// object; `good` (which must restore) with each top-level member removed and
// then set to `wrong_type`; and `good` with each of `damages`.
template <typename View>
void ExpectDamagedSnapshotsCorrupt(const nlohmann::json& good, const nlohmann::json& wrong_type,
                                   const std::vector<SnapshotDamage>& damages) {
  using nlohmann::json;
  ASSERT_TRUE(View::FromSnapshot(good).ok());
  for (const json& top : {json(nullptr), json::array(), json("x"), json(1), json::object()}) {
    ExpectCorruptSnapshot<View>(top, top.dump());
  }
  for (const auto& item : good.items()) {
    const std::string key = item.key();
    json j = good;
    j.erase(key);
    ExpectCorruptSnapshot<View>(j, "without " + key);
    j[key] = wrong_type;
    ExpectCorruptSnapshot<View>(j, key + " = " + wrong_type.dump());
  }
  for (const auto& [pointer, value] : damages) {
    json j = good;
    const json::json_pointer p(pointer);
    ASSERT_TRUE(j.contains(p.parent_pointer())) << pointer;
    if (value.is_null() && j.contains(p)) {
      j.at(p.parent_pointer()).erase(p.back());
    } else {
      j[p] = value;
    }
    ExpectCorruptSnapshot<View>(j, pointer + " = " + value.dump());
  }
}

}  // namespace hoering::testing
