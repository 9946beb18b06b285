// PlanImport (declared in markdown_import.h): the ops that turn the current
// text into an imported document.
#include <algorithm>
#include <functional>

#include "domain/agreements/markdown_import.h"

namespace hoering::agreements {
namespace {

class Planner {
 public:
  Planner(const SectionTree& current, const IdSet& used) : scratch_(current), used_(used) {}

  // Explicit ids of the document: kept out of id generation.
  void Reserve(const std::vector<ImportedSection>& sections) {
    for (const auto& s : sections) {
      if (!s.id.empty()) {
        reserved_.insert(s.id);
        explicit_.insert(s.id);
      }
      Reserve(s.children);
    }
  }

  Status Place(const std::vector<ImportedSection>& sections, const std::string& parent) {
    std::string prev;  // "" = place first
    for (const auto& s : sections) {
      std::string id = s.id;
      if (id.empty()) {
        id = GenerateSectionId(s.heading, scratch_, used_, &reserved_);
        reserved_.insert(id);
      }
      kept_.insert(id);
      if (const Section* cur = scratch_.Find(id)) {
        if (cur->parent != parent || KeptPrevious(id) != prev) {
          Op op{OpType::kMove, id, {}, {}, {}, agreements::Place{parent, prev}};
          if (!scratch_.Move(id, op.place)) return Fail(s, "cannot be placed");
          ops_.push_back(std::move(op));
        }
        cur = scratch_.Find(id);
        Op edit{OpType::kEdit, id, {}, {}, {}, {}};
        if (cur->kind != s.kind) edit.kind = std::string(KindName(s.kind));
        if (cur->heading != s.heading) edit.heading = s.heading;
        if (cur->body != s.body) edit.body = s.body;
        if (edit.kind || edit.heading || edit.body) {
          Section* m = scratch_.FindMutable(id);
          m->kind = s.kind;
          m->heading = s.heading;
          m->body = s.body;
          ops_.push_back(std::move(edit));
        }
      } else {
        Op add{OpType::kAdd, id,     std::string(KindName(s.kind)),
               s.heading,    s.body, agreements::Place{parent, prev}};
        if (!scratch_.Insert(Section{id, s.kind, s.heading, s.body, {}, {}}, add.place)) {
          return Fail(s, "cannot be placed");
        }
        ops_.push_back(std::move(add));
      }
      if (Status st = Place(s.children, id); !st.ok()) return st;
      prev = id;
    }
    return Status::Ok();
  }

  // Removes the top-most sections of the current text that the document lacks.
  void RemoveRest() {
    std::function<void(const std::vector<std::string>&)> visit =
        [&](const std::vector<std::string>& ids) {
          for (const auto& id : ids) {
            if (!kept_.count(id)) {
              ops_.push_back(Op{OpType::kRemove, id, {}, {}, {}, {}});
            } else if (const Section* s = scratch_.Find(id)) {
              visit(s->children);
            }
          }
        };
    std::vector<std::string> roots = scratch_.Children("");
    visit(roots);
  }

  std::vector<Op> TakeOps() { return std::move(ops_); }

 private:
  // The nearest previous sibling that the document keeps ("" if none):
  // siblings about to be removed do not count, so they cause no moves.
  std::string KeptPrevious(const std::string& id) const {
    const auto& sib = scratch_.Children(scratch_.Find(id)->parent);
    auto it = std::find(sib.begin(), sib.end(), id);
    while (it != sib.begin()) {
      --it;
      if (explicit_.count(*it) || kept_.count(*it)) return *it;
    }
    return "";
  }

  static Status Fail(const ImportedSection& s, const std::string& why) {
    return Unprocessable("line " + std::to_string(s.line) + ": section " + why, "invalid-markdown");
  }

  SectionTree scratch_;
  const IdSet& used_;
  IdSet reserved_;  // explicit ids of the document and ids generated so far
  IdSet explicit_;  // explicit ids of the document
  IdSet kept_;      // ids placed so far
  std::vector<Op> ops_;
};

}  // namespace

Result<std::vector<Op>> PlanImport(const SectionTree& current, const IdSet& used,
                                   const std::vector<ImportedSection>& doc) {
  Planner planner(current, used);
  planner.Reserve(doc);
  if (Status s = planner.Place(doc, ""); !s.ok()) return s;
  planner.RemoveRest();
  return planner.TakeOps();
}

}  // namespace hoering::agreements
