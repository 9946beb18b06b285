// An enum's wire names as one table read both ways, so that a value's name
// and the parse of that name cannot drift apart:
//
//   constexpr EnumName<Phase> kPhaseNames[] = {
//       {Phase::kScheduled, "scheduled"}, {Phase::kOpen, "open"}, {Phase::kClosed, "closed"}};
//   NameIn(kPhaseNames, Phase::kOpen, "closed");  // "open"; "closed" for a value not listed
//   ValueIn(kPhaseNames, "open");                 // Phase::kOpen; nullopt for an unknown name
//
// The table lists each value once; the first entry of a name wins. Pure,
// constexpr, thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace hoering {

template <typename E>
struct EnumName {
  E value;
  std::string_view name;
};

// The name of `value`, `otherwise` when the table does not list it.
template <typename E, std::size_t N>
constexpr std::string_view NameIn(const EnumName<E> (&names)[N], E value,
                                  std::string_view otherwise) {
  for (const auto& n : names) {
    if (n.value == value) return n.name;
  }
  return otherwise;
}

// The value named `name`, nullopt when the table has no such name.
template <typename E, std::size_t N>
constexpr std::optional<E> ValueIn(const EnumName<E> (&names)[N], std::string_view name) {
  for (const auto& n : names) {
    if (n.name == name) return n.value;
  }
  return std::nullopt;
}

}  // namespace hoering
