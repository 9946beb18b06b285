// Building blocks of read-view snapshots: the canonical JSON form in which a
// projection (a view, or one folded state) is written to a checkpoint and
// compared after a rebuild.
//
// Contract for every Snapshot()/FromSnapshot() pair in domain/:
//  * Snapshot() is deterministic: two views fed the same events produce the
//    same JSON, and json.dump() the same bytes (objects have sorted keys;
//    hash maps are written in key order; sequences in their order).
//  * Snapshot() holds everything the view answers queries from, so
//    FromSnapshot(Snapshot(v)) answers every query as v does and its
//    Snapshot() is equal again (tests/domain/snapshot/).
//  * FromSnapshot() never throws: malformed input is kCorruption.
// Pure.
#pragma once

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "domain/event.h"
#include "domain/status.h"

namespace hoering::snapshot {

// {"code": int, "detail": ..., "type": ...}
nlohmann::json StatusToJson(const Status& s);
Status StatusFromJson(const nlohmann::json& j);  // throws nlohmann::json::exception

// {"token_id", "role", "party"}
nlohmann::json ActorToJson(const Actor& a);
Actor ActorFromJson(const nlohmann::json& j);  // throws nlohmann::json::exception

// Strict reads for FromSnapshot implementations; they throw (for Decode) when
// a value has another JSON type than T: bool, std::string, or an integer type
// whose range the number must fit (a bool or a float is no integer).
template <typename T>
T As(const nlohmann::json& v, const char* what) {
  auto fail = [&](const char* want) {
    return std::invalid_argument(std::string(what) + ": expected " + want + ", got " +
                                 v.type_name());
  };
  if constexpr (std::is_same_v<T, bool>) {
    if (!v.is_boolean()) throw fail("a boolean");
    return v.get<bool>();
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!v.is_string()) throw fail("a string");
    return v.get<std::string>();
  } else {
    static_assert(std::is_integral_v<T>, "As<T>: bool, std::string or an integer");
    if (!v.is_number_integer()) throw fail("an integer");
    constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<T>::max());
    if (v.is_number_unsigned()) {
      if (v.get<std::uint64_t>() > kMax) throw std::out_of_range(std::string(what) + ": too large");
      return static_cast<T>(v.get<std::uint64_t>());
    }
    const auto i = v.get<std::int64_t>();
    if (i < 0 ? i < static_cast<std::int64_t>(std::numeric_limits<T>::min())
              : static_cast<std::uint64_t>(i) > kMax) {
      throw std::out_of_range(std::string(what) + ": out of range");
    }
    return static_cast<T>(i);
  }
}

// j.at(key) read strictly as T; a missing key throws.
template <typename T>
T Get(const nlohmann::json& j, const char* key) {
  return As<T>(j.at(key), key);
}

// Optional values are written as null when absent; the key must be present.
template <typename T>
nlohmann::json OptionalToJson(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}
template <typename T>
std::optional<T> GetOptional(const nlohmann::json& j, const char* key) {
  const nlohmann::json& v = j.at(key);
  if (v.is_null()) return std::nullopt;
  return As<T>(v, key);
}

// j.at(key), which must be an array (an object).
const nlohmann::json& GetArray(const nlohmann::json& j, const char* key);
const nlohmann::json& GetObject(const nlohmann::json& j, const char* key);
// An array of T, each read with As<T>.
template <typename T>
std::vector<T> GetVector(const nlohmann::json& j, const char* key) {
  std::vector<T> out;
  for (const auto& v : GetArray(j, key)) out.push_back(As<T>(v, key));
  return out;
}

// Runs `fn` and turns any nlohmann::json or std exception into kCorruption
// "<what>: <why>". For FromSnapshot implementations.
template <typename Fn>
auto Decode(const char* what, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const std::exception& e) {
    return Status(Code::kCorruption, std::string(what) + " snapshot: " + e.what(),
                  "snapshot-corrupt");
  }
}

}  // namespace hoering::snapshot
