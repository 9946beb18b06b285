#include "domain/agreements/section_tree.h"

#include <algorithm>

#include "domain/enum_names.h"

namespace hoering::agreements {
namespace {

constexpr EnumName<SectionKind> kKinds[] = {
    {SectionKind::kChapter, "chapter"},
    {SectionKind::kVision, "vision"},
    {SectionKind::kFocusArea, "focus_area"},
    {SectionKind::kObjective, "objective"},
    {SectionKind::kIndicator, "indicator"},
    {SectionKind::kPrinciple, "principle"},
    {SectionKind::kText, "text"},
};

const std::vector<std::string>& EmptyChildren() {
  static const std::vector<std::string> empty;
  return empty;
}

const std::string& EmptyString() {
  static const std::string empty;
  return empty;
}

}  // namespace

std::string_view KindName(SectionKind k) {
  return NameIn(kKinds, k, "text");
}

std::optional<SectionKind> ParseKind(std::string_view name) {
  return ValueIn(kKinds, name);
}

std::string KnownKinds() {
  std::string out;
  for (const auto& [kind, name] : kKinds) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

const Section* SectionTree::Find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &it->second;
}

Section* SectionTree::FindMutable(std::string_view id) {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &it->second;
}

const std::vector<std::string>& SectionTree::Children(std::string_view parent) const {
  if (parent.empty()) return roots_;
  const Section* p = Find(parent);
  return p ? p->children : EmptyChildren();
}

std::vector<std::string>* SectionTree::ChildrenMutable(std::string_view parent) {
  if (parent.empty()) return &roots_;
  Section* p = FindMutable(parent);
  return p ? &p->children : nullptr;
}

std::size_t SectionTree::Depth(std::string_view id) const {
  std::size_t depth = 0;
  for (const Section* s = Find(id); s; s = s->parent.empty() ? nullptr : Find(s->parent)) ++depth;
  return depth;
}

std::size_t SectionTree::IndexOf(std::string_view id) const {
  const Section* s = Find(id);
  if (!s) return 0;
  const auto& sib = Children(s->parent);
  return static_cast<std::size_t>(std::find(sib.begin(), sib.end(), id) - sib.begin());
}

const std::string& SectionTree::PreviousSibling(std::string_view id) const {
  const Section* s = Find(id);
  if (!s) return EmptyString();
  const auto& sib = Children(s->parent);
  auto it = std::find(sib.begin(), sib.end(), id);
  return it == sib.begin() || it == sib.end() ? EmptyString() : *(it - 1);
}

bool SectionTree::IsSelfOrDescendant(std::string_view id, std::string_view ancestor) const {
  for (const Section* s = Find(id); s; s = s->parent.empty() ? nullptr : Find(s->parent)) {
    if (s->id == ancestor) return true;
  }
  return false;
}

void SectionTree::Walk(const std::function<void(const Section&, std::size_t)>& f) const {
  // Iterative pre-order: a stack of (children list, next index).
  std::vector<std::pair<const std::vector<std::string>*, std::size_t>> stack;
  stack.emplace_back(&roots_, 0);
  while (!stack.empty()) {
    auto& [list, next] = stack.back();
    if (next == list->size()) {
      stack.pop_back();
      continue;
    }
    const Section* s = Find((*list)[next++]);
    if (!s) continue;
    f(*s, stack.size());
    if (!s->children.empty()) stack.emplace_back(&s->children, 0);
  }
}

std::size_t SectionTree::MaxDepth() const {
  std::size_t max = 0;
  Walk([&](const Section&, std::size_t depth) { max = std::max(max, depth); });
  return max;
}

std::optional<std::size_t> SectionTree::IndexFor(const std::vector<std::string>& siblings,
                                                 const Place& place) {
  if (!place.after) return siblings.size();
  if (place.after->empty()) return 0;
  auto it = std::find(siblings.begin(), siblings.end(), *place.after);
  if (it == siblings.end()) return std::nullopt;
  return static_cast<std::size_t>(it - siblings.begin()) + 1;
}

bool SectionTree::Insert(Section s, const Place& place) {
  if (s.id.empty() || Contains(s.id)) return false;
  auto* siblings = ChildrenMutable(place.parent);
  if (!siblings) return false;
  auto index = IndexFor(*siblings, place);
  if (!index) return false;
  s.parent = place.parent;
  s.children.clear();
  siblings->insert(siblings->begin() + static_cast<std::ptrdiff_t>(*index), s.id);
  std::string id = s.id;
  by_id_.emplace(std::move(id), std::move(s));
  return true;
}

bool SectionTree::Move(std::string_view id, const Place& place) {
  Section* s = FindMutable(id);
  if (!s) return false;
  if (!place.parent.empty() && (!Contains(place.parent) || IsSelfOrDescendant(place.parent, id))) {
    return false;
  }
  if (place.after && *place.after == id) return false;
  auto* target = ChildrenMutable(place.parent);
  if (!target) return false;
  // Check the anchor before changing anything (it must not be the section itself).
  if (place.after && !place.after->empty() &&
      std::find(target->begin(), target->end(), *place.after) == target->end()) {
    return false;
  }
  auto* source = ChildrenMutable(s->parent);
  source->erase(std::find(source->begin(), source->end(), id));
  auto index = IndexFor(*target, place);
  target->insert(target->begin() + static_cast<std::ptrdiff_t>(*index), s->id);
  s->parent = place.parent;
  return true;
}

bool SectionTree::Remove(std::string_view id) {
  Section* s = FindMutable(id);
  if (!s) return false;
  auto* siblings = ChildrenMutable(s->parent);
  siblings->erase(std::find(siblings->begin(), siblings->end(), id));
  std::vector<std::string> doomed{s->id};
  for (std::size_t i = 0; i < doomed.size(); ++i) {
    auto it = by_id_.find(doomed[i]);
    if (it == by_id_.end()) continue;
    for (auto& c : it->second.children) doomed.push_back(std::move(c));
    by_id_.erase(it);
  }
  return true;
}

}  // namespace hoering::agreements
