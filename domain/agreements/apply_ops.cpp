#include "domain/agreements/apply_ops.h"

#include <algorithm>

#include "domain/ids.h"

namespace hoering::agreements {
namespace {

std::string Quote(std::string_view id) {
  return "'" + std::string(id) + "'";
}

std::string ParentName(const std::string& parent) {
  return parent.empty() ? "the top level" : "section " + Quote(parent);
}

class Applier {
 public:
  Applier(SectionTree& tree, const IdSet& used, ApplyMode mode)
      : tree_(tree), used_(used), validate_(mode == ApplyMode::kValidate) {}

  Status Apply(Op& op, std::size_t index) {
    op_ = &op;
    index_ = index;
    switch (op.type) {
      case OpType::kAdd:
        return Add(op);
      case OpType::kEdit:
        return Edit(op);
      case OpType::kMove:
        return Move(op);
      case OpType::kRemove:
        return Remove(op);
    }
    return Fail("unknown op");
  }

 private:
  Status Fail(const std::string& why) const {
    std::string label = OpLabel(*op_, index_);
    if (!validate_) return Status(Code::kCorruption, "recorded " + label + ": " + why);
    return Unprocessable(label + ": " + why, "invalid-op");
  }

  Status CheckPlace(const Place& place, std::string_view moving) const {
    if (!place.parent.empty() && !tree_.Contains(place.parent)) {
      return Fail("parent " + Quote(place.parent) + " does not exist");
    }
    if (place.after && !place.after->empty()) {
      if (*place.after == moving) return Fail("cannot place a section after itself");
      const auto& sib = tree_.Children(place.parent);
      if (std::find(sib.begin(), sib.end(), *place.after) == sib.end()) {
        return Fail("'after' section " + Quote(*place.after) + " is not a child of " +
                    ParentName(place.parent));
      }
    }
    return Status::Ok();
  }

  // Normalises op's kind/heading/body in place (validate mode only).
  Status CheckContent(Op& op) const {
    if (op.kind && !ParseKind(*op.kind)) {
      return Fail("unknown kind " + Quote(*op.kind) + " (one of: " + KnownKinds() + ")");
    }
    if (op.heading) {
      auto h = NormalizeHeading(*op.heading);
      if (!h.ok()) return Fail(h.status().detail());
      op.heading = std::move(h).value();
    }
    if (op.body) {
      auto b = NormalizeBody(*op.body);
      if (!b.ok()) return Fail(b.status().detail());
      if (Status s = CheckBodyMarkdown(*b); !s.ok()) return Fail(s.detail());
      op.body = std::move(b).value();
    }
    return Status::Ok();
  }

  Status Add(Op& op) {
    if (validate_) {
      if (!op.id.empty()) {
        if (Status s = ValidateId(op.id, "section id"); !s.ok()) return Fail(s.detail());
      }
      if (!op.kind) return Fail("a section needs a kind");
      if (!op.heading) return Fail("a section needs a heading");
      if (Status s = CheckContent(op); !s.ok()) return s;
    }
    if (!op.id.empty() && tree_.Contains(op.id)) {
      return Fail("section " + Quote(op.id) + " already exists");
    }
    if (Status s = CheckPlace(op.place, op.id); !s.ok()) return s;
    if (op.id.empty()) {
      if (!validate_) return Fail("has no id");
      op.id = GenerateSectionId(*op.heading, tree_, used_, &added_);
    }
    auto kind = op.kind ? ParseKind(*op.kind) : std::nullopt;
    if (!kind || !op.heading) return Fail("lacks a kind or heading");
    Section s{op.id, *kind, *op.heading, op.body.value_or(""), {}, {}};
    if (!tree_.Insert(std::move(s), op.place)) return Fail("could not be placed");
    if (validate_) added_.insert(op.id);
    return Status::Ok();
  }

  Status Edit(Op& op) {
    Section* s = tree_.FindMutable(op.id);
    if (!s) return Fail("section " + Quote(op.id) + " does not exist");
    if (validate_) {
      if (!op.kind && !op.heading && !op.body) {
        return Fail("edit changes nothing: give heading, body or kind");
      }
      if (Status st = CheckContent(op); !st.ok()) return st;
      if (op.kind && *op.kind == KindName(s->kind)) op.kind.reset();
      if (op.heading && *op.heading == s->heading) op.heading.reset();
      if (op.body && *op.body == s->body) op.body.reset();
      if (!op.kind && !op.heading && !op.body) {
        return Fail("edit changes nothing: the section already has that content");
      }
    }
    if (op.kind) {
      auto kind = ParseKind(*op.kind);
      if (!kind) return Fail("unknown kind " + Quote(*op.kind));
      s->kind = *kind;
    }
    if (op.heading) s->heading = *op.heading;
    if (op.body) s->body = *op.body;
    return Status::Ok();
  }

  Status Move(const Op& op) {
    const Section* s = tree_.Find(op.id);
    if (!s) return Fail("section " + Quote(op.id) + " does not exist");
    const Place& to = op.place;
    if (to.parent == op.id) return Fail("cannot move a section under itself");
    if (!to.parent.empty() && tree_.Contains(to.parent) &&
        tree_.IsSelfOrDescendant(to.parent, op.id)) {
      return Fail("cannot move a section under its own descendant");
    }
    if (Status st = CheckPlace(to, op.id); !st.ok()) return st;
    if (validate_ && s->parent == to.parent) {
      const auto& sib = tree_.Children(to.parent);
      bool there = !to.after           ? sib.back() == op.id
                   : to.after->empty() ? sib.front() == op.id
                                       : tree_.PreviousSibling(op.id) == *to.after;
      if (there) return Fail("the section is already at that place");
    }
    if (!tree_.Move(op.id, to)) return Fail("could not be moved");
    return Status::Ok();
  }

  Status Remove(const Op& op) {
    if (!tree_.Remove(op.id)) return Fail("section " + Quote(op.id) + " does not exist");
    return Status::Ok();
  }

  SectionTree& tree_;
  const IdSet& used_;
  bool validate_;
  IdSet added_;             // ids added by earlier ops of this change set
  const Op* op_ = nullptr;  // the op being applied, for messages
  std::size_t index_ = 0;
};

}  // namespace

Status ApplyOps(SectionTree& tree, std::vector<Op>& ops, const IdSet& used, ApplyMode mode) {
  const bool validate = mode == ApplyMode::kValidate;
  if (validate && ops.empty()) {
    return Unprocessable("a change set needs at least one op", "empty-change-set");
  }
  if (validate && ops.size() > kMaxOps) {
    return Unprocessable("a change set has at most " + std::to_string(kMaxOps) + " ops",
                         "too-many-ops");
  }
  Applier applier(tree, used, mode);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    if (Status s = applier.Apply(ops[i], i); !s.ok()) return s;
  }
  if (validate) {
    if (tree.size() > kMaxSections) {
      return Unprocessable("the text would have " + std::to_string(tree.size()) +
                               " sections; at most " + std::to_string(kMaxSections) +
                               " are allowed",
                           "invalid-op");
    }
    if (std::size_t depth = tree.MaxDepth(); depth > kMaxDepth) {
      return Unprocessable("the change set nests sections " + std::to_string(depth) +
                               " levels deep; at most " + std::to_string(kMaxDepth) +
                               " are allowed",
                           "invalid-op");
    }
  }
  return Status::Ok();
}

}  // namespace hoering::agreements
