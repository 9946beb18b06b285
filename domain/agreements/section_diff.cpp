#include "domain/agreements/section_diff.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "domain/enum_names.h"

namespace hoering::agreements {
namespace {

using IndexMap = std::unordered_map<std::string_view, std::size_t>;

// id -> index among its siblings, for every section of t.
IndexMap SiblingIndexes(const SectionTree& t) {
  IndexMap out;
  out.reserve(t.size());
  auto add = [&](const std::vector<std::string>& ids) {
    for (std::size_t i = 0; i < ids.size(); ++i) out.emplace(ids[i], i);
  };
  add(t.Children(""));
  t.Walk([&](const Section& s, std::size_t) { add(s.children); });
  return out;
}

// Positions (into seq) of one longest strictly increasing subsequence.
std::vector<std::size_t> LongestIncreasing(const std::vector<std::size_t>& seq) {
  std::vector<std::size_t> tails;  // positions; seq[tails[k]] = smallest tail of a run of k+1
  std::vector<std::ptrdiff_t> prev(seq.size(), -1);
  for (std::size_t i = 0; i < seq.size(); ++i) {
    auto it = std::lower_bound(tails.begin(), tails.end(), seq[i],
                               [&](std::size_t pos, std::size_t v) { return seq[pos] < v; });
    if (it != tails.begin()) prev[i] = static_cast<std::ptrdiff_t>(*(it - 1));
    if (it == tails.end()) {
      tails.push_back(i);
    } else {
      *it = i;
    }
  }
  std::vector<std::size_t> out;
  for (auto p = tails.empty() ? -1 : static_cast<std::ptrdiff_t>(tails.back()); p >= 0;
       p = prev[p]) {
    out.push_back(static_cast<std::size_t>(p));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

class Differ {
 public:
  Differ(const SectionTree& from, const SectionTree& to, const DiffOptions& o)
      : from_(from),
        to_(to),
        opt_(o),
        from_index_(SiblingIndexes(from)),
        to_index_(SiblingIndexes(to)) {}

  TextDiff Run() {
    FindMoved();
    Emit("", 1);
    return std::move(out_);
  }

 private:
  // Sections whose place changed (see the header).
  void FindMoved() {
    // A new parent: whatever happened to the old or new parent.
    from_.Walk([&](const Section& s, std::size_t) {
      const Section* t = to_.Find(s.id);
      if (t && t->parent != s.parent) moved_.insert(s.id);
    });
    // A new order among the siblings that kept their parent.
    auto reorder = [&](const std::string& parent) {
      std::vector<std::string_view> ids;
      std::vector<std::size_t> seq;
      for (const auto& id : from_.Children(parent)) {
        const Section* t = to_.Find(id);
        if (!t || t->parent != parent) continue;
        ids.push_back(id);
        seq.push_back(to_index_.at(id));
      }
      std::vector<bool> kept(ids.size(), false);
      for (std::size_t p : LongestIncreasing(seq)) kept[p] = true;
      for (std::size_t i = 0; i < ids.size(); ++i) {
        if (!kept[i]) moved_.insert(ids[i]);
      }
    };
    reorder("");
    from_.Walk([&](const Section& s, std::size_t) {
      if (to_.Contains(s.id)) reorder(s.id);
    });
  }

  void Emit(const std::string& parent, std::size_t depth) {
    const auto& kids = to_.Children(parent);
    // Removed children of `parent` in `from`, keyed by the sibling they followed.
    std::unordered_map<std::string_view, std::vector<std::string_view>> removed_after;
    if (parent.empty() || from_.Contains(parent)) {
      std::string_view anchor;
      for (const auto& id : from_.Children(parent)) {
        const Section* t = to_.Find(id);
        if (!t) {
          removed_after[anchor].push_back(id);
        } else if (t->parent == parent) {
          anchor = id;
        }
      }
    }
    auto emit_removed = [&](std::string_view anchor) {
      auto it = removed_after.find(anchor);
      if (it == removed_after.end()) return;
      for (auto id : it->second) EmitRemoved(*from_.Find(id), depth);
    };
    emit_removed("");
    for (const auto& id : kids) {
      EmitPresent(*to_.Find(id), depth);
      Emit(id, depth + 1);
      emit_removed(id);
    }
  }

  void EmitRemoved(const Section& s, std::size_t depth) {
    SectionChange c;
    c.id = s.id;
    c.status = DiffStatus::kRemoved;
    c.kind_from = s.kind;
    c.heading_from = s.heading;
    c.from = Placement{s.parent, from_index_.at(s.id)};
    if (WantsWordDiffs()) {
      c.heading_diff = DiffWords(s.heading, "");
      c.body_diff = DiffWords(s.body, "");
    }
    c.depth = depth;
    ++out_.counts.removed;
    out_.sections.push_back(std::move(c));
    for (const auto& child : s.children) {
      if (!to_.Contains(child)) EmitRemoved(*from_.Find(child), depth + 1);
    }
  }

  void EmitPresent(const Section& t, std::size_t depth) {
    SectionChange c;
    c.id = t.id;
    c.kind_to = t.kind;
    c.heading_to = t.heading;
    c.to = Placement{t.parent, to_index_.at(t.id)};
    c.depth = depth;
    const Section* f = from_.Find(t.id);
    if (!f) {
      c.status = DiffStatus::kAdded;
      if (WantsWordDiffs()) {
        c.heading_diff = DiffWords("", t.heading);
        c.body_diff = DiffWords("", t.body);
      }
      ++out_.counts.added;
      out_.sections.push_back(std::move(c));
      return;
    }
    c.kind_from = f->kind;
    c.heading_from = f->heading;
    c.from = Placement{f->parent, from_index_.at(f->id)};
    c.kind_changed = f->kind != t.kind;
    c.heading_changed = f->heading != t.heading;
    c.body_changed = f->body != t.body;
    c.moved = moved_.count(t.id) > 0;
    if (c.moved) {
      c.status = DiffStatus::kMoved;
      ++out_.counts.moved;
    } else if (c.modified()) {
      c.status = DiffStatus::kModified;
      ++out_.counts.modified;
    } else {
      c.status = DiffStatus::kUnchanged;
      ++out_.counts.unchanged;
      if (!opt_.include_unchanged) return;
    }
    if (WantsWordDiffs()) {
      c.heading_diff = DiffWords(f->heading, t.heading);
      c.body_diff = DiffWords(f->body, t.body);
    }
    out_.sections.push_back(std::move(c));
  }

  // Whether the entry about to be appended gets its word diffs.
  bool WantsWordDiffs() const {
    const std::size_t index = out_.sections.size();
    return index >= opt_.word_diffs_from && index < opt_.word_diffs_to;
  }

  const SectionTree& from_;
  const SectionTree& to_;
  const DiffOptions& opt_;
  IndexMap from_index_, to_index_;
  std::unordered_set<std::string_view> moved_;
  TextDiff out_;
};

constexpr EnumName<DiffStatus> kStatusNames[] = {{DiffStatus::kAdded, "added"},
                                                 {DiffStatus::kRemoved, "removed"},
                                                 {DiffStatus::kModified, "modified"},
                                                 {DiffStatus::kMoved, "moved"},
                                                 {DiffStatus::kUnchanged, "unchanged"}};

}  // namespace

std::string_view StatusName(DiffStatus s) {
  return NameIn(kStatusNames, s, "unchanged");
}

std::vector<std::string_view> SectionChange::changes() const {
  std::vector<std::string_view> out;
  if (kind_changed) out.push_back("kind");
  if (heading_changed) out.push_back("heading");
  if (body_changed) out.push_back("body");
  if (moved) out.push_back("place");
  return out;
}

TextDiff DiffTexts(const SectionTree& from, const SectionTree& to, const DiffOptions& options) {
  return Differ(from, to, options).Run();
}

Result<SectionTree> ApplyDiff(const SectionTree& from, const TextDiff& diff) {
  auto bad = [](const std::string& why) { return InvalidArgument(why, "invalid-diff"); };
  struct Node {
    Section content;
    std::optional<std::size_t> index;  // explicit place among siblings
  };
  std::unordered_map<std::string, Node> nodes;
  from.Walk([&](const Section& s, std::size_t) { nodes[s.id] = Node{s, std::nullopt}; });
  for (const auto& c : diff.sections) {
    if (c.status == DiffStatus::kRemoved) {
      if (!nodes.erase(c.id)) return bad("removed section '" + c.id + "' is not in the text");
      continue;
    }
    if (!c.to || !c.kind_to || !c.heading_to) return bad("entry '" + c.id + "' lacks its new side");
    Node& n = nodes[c.id];
    n.content.id = c.id;
    n.content.kind = *c.kind_to;
    n.content.heading = *c.heading_to;
    n.content.body = ToSide(c.body_diff);
    n.content.parent = c.to->parent;
    n.index = c.to->index;
  }
  // Children per parent: explicit places first, the rest fill the gaps in
  // their old order.
  std::unordered_map<std::string, std::vector<std::string>> kids;
  std::unordered_map<std::string, std::vector<std::string>> implicit;
  for (auto& [id, n] : nodes) {
    if (!n.content.parent.empty() && !nodes.count(n.content.parent)) {
      return bad("section '" + id + "' has a parent that is not in the text");
    }
    kids[n.content.parent];
  }
  std::unordered_map<std::string, std::size_t> counts;
  for (auto& [id, n] : nodes) ++counts[n.content.parent];
  for (auto& [parent, list] : kids) list.assign(counts[parent], std::string());
  for (auto& [id, n] : nodes) {
    if (!n.index) continue;
    auto& list = kids[n.content.parent];
    if (*n.index >= list.size() || !list[*n.index].empty()) {
      return bad("section '" + id + "' has an impossible place");
    }
    list[*n.index] = id;
  }
  auto fill = [&](const std::string& parent) {
    auto it = kids.find(parent);
    if (it == kids.end()) return;
    std::size_t slot = 0;
    for (const auto& id : from.Children(parent)) {
      auto n = nodes.find(id);
      if (n == nodes.end() || n->second.index || n->second.content.parent != parent) continue;
      while (slot < it->second.size() && !it->second[slot].empty()) ++slot;
      if (slot < it->second.size()) it->second[slot] = id;
    }
  };
  fill("");
  from.Walk([&](const Section& s, std::size_t) { fill(s.id); });
  SectionTree out;
  std::vector<std::string> stack{""};
  while (!stack.empty()) {
    std::string parent = std::move(stack.back());
    stack.pop_back();
    auto it = kids.find(parent);
    if (it == kids.end()) continue;
    for (const auto& id : it->second) {
      if (id.empty()) return bad("a place under '" + parent + "' stays empty");
      Section s = nodes[id].content;
      s.children.clear();
      if (!out.Insert(std::move(s), Place{parent, std::nullopt}))
        return bad("cannot place '" + id + "'");
      stack.push_back(id);
    }
  }
  if (out.size() != nodes.size()) return bad("some sections are not reachable from the top level");
  return out;
}

}  // namespace hoering::agreements
