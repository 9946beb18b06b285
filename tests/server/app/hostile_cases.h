// Hostile inputs found by fuzzing the API as an attacker would, kept as data:
// the route tests use them now, and they are the seed corpus for the
// in-repository fuzzing that a later step adds. Header-only, pure.
#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hoering::testing {

// Numbers that do not fit a double (nlohmann's out_of_range.406).
inline const std::array<std::string, 4> kOverflowNumbers = {"1e999", "-1e999", "1E400",
                                                            "1.7976931348623157e309"};

// Texts that are not an unsigned 64-bit decimal: a sign, 2^64, trailing
// text, empty, and a 400-digit number.
inline const std::vector<std::string> kBadDecimals = {"-1", "18446744073709551616", "5x", "", " 5",
                                                      "+5", std::string(400, '9')};
// The largest position: in range, and must not wrap when one is added.
inline const std::string kMaxUint64 = "18446744073709551615";

namespace hostile_detail {
inline void Walk(const nlohmann::json& node, const std::string& at, std::vector<std::string>& all,
                 std::vector<std::string>& leaves, std::vector<std::string>& members,
                 bool is_member) {
  if (!at.empty()) all.push_back(at);
  if (is_member) members.push_back(at);
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      Walk(value, at + (nlohmann::json::json_pointer() / key).to_string(), all, leaves, members,
           true);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      Walk(node[i], at + "/" + std::to_string(i), all, leaves, members, false);
    }
  } else {
    leaves.push_back(at);
  }
}
struct Pointers {
  std::vector<std::string> all, leaves, members;
};
inline Pointers Collect(const nlohmann::json& body) {
  Pointers p;
  Walk(body, "", p.all, p.leaves, p.members, false);
  return p;
}
}  // namespace hostile_detail

// Every value's JSON pointer (not the root).
inline std::vector<std::string> AllPointers(const nlohmann::json& body) {
  return hostile_detail::Collect(body).all;
}
// The pointers of scalar values.
inline std::vector<std::string> LeafPointers(const nlohmann::json& body) {
  return hostile_detail::Collect(body).leaves;
}
// The pointers of object members (what a client can leave out).
inline std::vector<std::string> MemberPointers(const nlohmann::json& body) {
  return hostile_detail::Collect(body).members;
}

// A value no field accepts in place of `value`: an object for a scalar, a
// number for an object or an array.
inline nlohmann::json WrongTypeFor(const nlohmann::json& value) {
  if (value.is_object() || value.is_array()) return 7;
  return nlohmann::json{{"wrong", true}};
}

// `body` without the member at `pointer`.
inline nlohmann::json Without(nlohmann::json body, const std::string& pointer) {
  const nlohmann::json::json_pointer p(pointer);
  body[p.parent_pointer()].erase(p.back());
  return body;
}

// `body` as text with `raw` (which need not be valid JSON for nlohmann, such
// as 1e999) in place of the value at `pointer`.
inline std::string WithRawValue(nlohmann::json body, const std::string& pointer,
                                const std::string& raw) {
  const std::string sentinel = "@@hostile-value@@";
  body[nlohmann::json::json_pointer(pointer)] = sentinel;
  std::string text = body.dump();
  text.replace(text.find("\"" + sentinel + "\""), sentinel.size() + 2, raw);
  return text;
}

// `body` as text with an extra member "x": raw.
inline std::string WithExtraMember(const nlohmann::json& body, const std::string& raw) {
  nlohmann::json with = body;
  with["x"] = 0;
  return WithRawValue(std::move(with), "/x", raw);
}

}  // namespace hoering::testing
