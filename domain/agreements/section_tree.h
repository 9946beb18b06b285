// The text of an agreement: an ordered tree of sections with stable ids.
//
// A section has an id (the rules of ValidateId), a kind, a one-line heading and
// a Markdown body. A body never contains a top-level Markdown heading: headings
// are sections (see section_rules.h). Children are ordered.
//
// Costs: lookups by id are O(1); placing or removing a section is O(number of
// its siblings) plus O(size of its subtree) for removal. Copying a tree copies
// every section. Not thread-safe; a const tree may be shared between threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hoering::agreements {

enum class SectionKind : std::uint8_t {
  kChapter,
  kVision,
  kFocusArea,
  kObjective,
  kIndicator,
  kPrinciple,
  kText,
};

// Wire names: chapter, vision, focus_area, objective, indicator, principle, text.
std::string_view KindName(SectionKind k);
std::optional<SectionKind> ParseKind(std::string_view name);
// "chapter, vision, ..." for error messages.
std::string KnownKinds();

// Limits of a text. A change set that would break one is rejected.
inline constexpr std::size_t kMaxDepth = 6;  // Markdown has six heading levels
inline constexpr std::size_t kMaxHeadingBytes = 500;
inline constexpr std::size_t kMaxBodyBytes = 1 << 20;  // per section
inline constexpr std::size_t kMaxSections = 20000;

struct Section {
  std::string id;
  SectionKind kind = SectionKind::kText;
  std::string heading;
  std::string body;
  std::string parent;                 // "" at the top level
  std::vector<std::string> children;  // ids, in document order
  bool operator==(const Section&) const = default;
};

// Where a section goes: under `parent` ("" = top level), and
//   after == nullopt : as the last child,
//   after == ""      : as the first child,
//   after == "<id>"  : right after that sibling.
struct Place {
  std::string parent;
  std::optional<std::string> after;
  bool operator==(const Place&) const = default;
};

class SectionTree {
 public:
  const Section* Find(std::string_view id) const;
  bool Contains(std::string_view id) const { return Find(id) != nullptr; }
  // Ordered child ids of `parent` ("" = top level); empty for an unknown id.
  const std::vector<std::string>& Children(std::string_view parent) const;
  std::size_t size() const { return by_id_.size(); }
  bool empty() const { return by_id_.empty(); }

  // REQUIRES for the next four: Contains(id).
  std::size_t Depth(std::string_view id) const;    // 1 at the top level
  std::size_t IndexOf(std::string_view id) const;  // among its siblings
  // The sibling just before id; "" when id is the first child.
  const std::string& PreviousSibling(std::string_view id) const;
  // True when id == ancestor or id lies below ancestor.
  bool IsSelfOrDescendant(std::string_view id, std::string_view ancestor) const;

  // Calls f(section, depth) for every section in document order (pre-order).
  void Walk(const std::function<void(const Section&, std::size_t depth)>& f) const;
  // Depth of the deepest section; 0 when empty.
  std::size_t MaxDepth() const;

  // Mutations. They check only what would corrupt the tree and return false
  // then (nothing changed); rule checks with good messages are apply_ops.h's.
  // Adds a new leaf s (its children are ignored) at `place` (s.parent is set).
  bool Insert(Section s, const Place& place);
  // Moves id with its subtree to `place`; place.after must not be id.
  bool Move(std::string_view id, const Place& place);
  // Removes id with its subtree.
  bool Remove(std::string_view id);
  // For edits of kind, heading and body only (never id, parent or children).
  Section* FindMutable(std::string_view id);

  // Same sections, same content, same order.
  bool operator==(const SectionTree& o) const { return roots_ == o.roots_ && by_id_ == o.by_id_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string>* ChildrenMutable(std::string_view parent);
  // Index at which `place` puts a section into `siblings`; nullopt if after is
  // not among them.
  static std::optional<std::size_t> IndexFor(const std::vector<std::string>& siblings,
                                             const Place& place);

  std::unordered_map<std::string, Section, Hash, std::equal_to<>> by_id_;
  std::vector<std::string> roots_;
};

}  // namespace hoering::agreements
