// Property tests: random edit histories (seeded), then for every pair of
// versions (forward, backward, same, non-adjacent) the diff is checked
// against the ops that were applied and against the texts themselves.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "agreement_fixture.h"
#include "domain/agreements/apply_ops.h"
#include "domain/agreements/change_log.h"
#include "domain/agreements/change_set_reader.h"
#include "domain/agreements/diff_render.h"
#include "domain/agreements/section_diff.h"
#include "domain/agreements/text_json.h"

namespace hoering::agreements {
namespace {

using nlohmann::json;
using testing::History;

const std::vector<std::string> kWords = {"sundhed",    "borger", "kommune", "region", "og", "i",
                                         "samarbejde", "æøå",    "2024",    "mål",    "vi", "skal"};
const std::vector<std::string> kKinds = {"chapter",   "vision",    "focus_area", "objective",
                                         "indicator", "principle", "text"};

class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  std::size_t Pick(std::size_t n) { return n == 0 ? 0 : rng_() % n; }
  bool Chance(int percent) { return static_cast<int>(rng_() % 100) < percent; }

  std::string Words(std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) {
      if (i) s += Chance(10) ? "\n" : (Chance(10) ? ", " : " ");
      s += kWords[Pick(kWords.size())];
    }
    return s;
  }
  std::string Mutate(const std::string& body) {
    std::vector<std::string> words;
    std::string w;
    for (char c : body) {
      if (c == ' ') {
        words.push_back(w);
        w.clear();
      } else {
        w += c;
      }
    }
    words.push_back(w);
    int edits = 1 + static_cast<int>(Pick(3));
    for (int e = 0; e < edits; ++e) {
      std::size_t at = Pick(words.size() + 1);
      int kind = static_cast<int>(Pick(3));
      if (kind == 0 || words.empty())
        words.insert(words.begin() + at, kWords[Pick(kWords.size())]);
      else if (kind == 1)
        words.erase(words.begin() + std::min(at, words.size() - 1));
      else
        words[std::min(at, words.size() - 1)] = kWords[Pick(kWords.size())];
    }
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) out += (i ? " " : "") + words[i];
    return out;
  }

  static std::size_t Height(const SectionTree& t, const std::string& id) {
    std::size_t h = 0;
    for (const auto& c : t.Children(id)) h = std::max(h, Height(t, c));
    return h + 1;
  }
  std::vector<std::string> Ids(const SectionTree& t) {
    std::vector<std::string> ids;
    t.Walk([&](const Section& s, std::size_t) { ids.push_back(s.id); });
    return ids;
  }
  std::optional<std::string> After(const SectionTree& t, const std::string& parent,
                                   const std::string& not_this = "") {
    if (Chance(30)) return std::nullopt;
    if (Chance(30)) return std::string();
    std::vector<std::string> sib;
    for (const auto& s : t.Children(parent)) {
      if (s != not_this) sib.push_back(s);
    }
    if (sib.empty()) return std::nullopt;
    return sib[Pick(sib.size())];
  }

  // One random op that is valid on t (most of the time).
  json Op(const SectionTree& t) {
    auto ids = Ids(t);
    int r = static_cast<int>(Pick(100));
    if (ids.size() < 4 || r < 40) {  // add
      std::string parent;
      if (!ids.empty() && Chance(75)) parent = ids[Pick(ids.size())];
      if (!parent.empty() && t.Depth(parent) >= kMaxDepth) parent.clear();
      json sec = {{"kind", kKinds[Pick(kKinds.size())]},
                  {"heading", Words(1 + Pick(4))},
                  {"body", Words(Pick(25))}};
      if (Chance(70)) sec["id"] = "n" + std::to_string(next_id_++);
      json op = {{"op", "add"}, {"section", sec}};
      if (!parent.empty()) op["parent"] = parent;
      if (auto a = After(t, parent)) op["after"] = *a;
      return op;
    }
    std::string id = ids[Pick(ids.size())];
    const Section* s = t.Find(id);
    if (r < 70) {  // edit
      json op = {{"op", "edit"}, {"id", id}};
      if (Chance(40)) op["heading"] = Words(1 + Pick(4));
      if (Chance(70)) op["body"] = Mutate(s->body);
      if (Chance(15)) op["kind"] = kKinds[Pick(kKinds.size())];
      return op;
    }
    if (r < 88) {  // move
      std::vector<std::string> parents{""};
      for (const auto& p : ids) {
        if (!t.IsSelfOrDescendant(p, id) && t.Depth(p) + Height(t, id) <= kMaxDepth)
          parents.push_back(p);
      }
      std::string parent = parents[Pick(parents.size())];
      json op = {{"op", "move"}, {"id", id}};
      if (!parent.empty()) op["parent"] = parent;
      if (auto a = After(t, parent, id)) op["after"] = *a;
      return op;
    }
    return {{"op", "remove"}, {"id", id}};
  }

 private:
  std::mt19937 rng_;
  int next_id_ = 1;
};

struct Touched {
  std::set<std::string> edited, moved;
};

Touched OpsBetween(const AgreementState& s, std::uint32_t from, std::uint32_t to) {
  AtSelector a, b;
  a.kind = b.kind = AtSelector::Kind::kVersion;
  a.version = from;
  b.version = to;
  Touched out;
  auto log = ChangeSetsBetween(s, a, b);
  EXPECT_TRUE(log.ok());
  for (const ChangeSetInfo* c : log->items) {
    for (const auto& op : c->data.ops) {
      if (op.type == OpType::kEdit) out.edited.insert(op.id);
      if (op.type == OpType::kMove) out.moved.insert(op.id);
    }
  }
  return out;
}

std::set<std::string> IdsOf(const SectionTree& t) {
  std::set<std::string> out;
  t.Walk([&](const Section& s, std::size_t) { out.insert(s.id); });
  return out;
}

void CheckPair(const AgreementState& state, std::uint32_t i, std::uint32_t j,
               const std::string& where) {
  const SectionTree& a = *state.FindVersion(i)->text;
  const SectionTree& b = *state.FindVersion(j)->text;
  TextDiff d = DiffTexts(a, b);
  // Reconstruction from a and the "to" sides, with and without unchanged entries.
  for (bool with_unchanged : {true, false}) {
    auto rebuilt = ApplyDiff(a, with_unchanged ? d : DiffTexts(a, b, {false}));
    ASSERT_TRUE(rebuilt.ok()) << where << rebuilt.status().detail();
    ASSERT_EQ(CanonicalText(*rebuilt), CanonicalText(b)) << where;
  }
  // Added / removed are exactly the set differences; every section is listed once.
  std::set<std::string> ia = IdsOf(a), ib = IdsOf(b), added, removed, listed;
  for (const auto& c : d.sections) {
    ASSERT_TRUE(listed.insert(c.id).second) << where << " listed twice: " << c.id;
    if (c.status == DiffStatus::kAdded) added.insert(c.id);
    if (c.status == DiffStatus::kRemoved) removed.insert(c.id);
  }
  std::set<std::string> all = ia;
  all.insert(ib.begin(), ib.end());
  ASSERT_EQ(listed, all) << where;
  std::set<std::string> b_minus_a, a_minus_b;
  for (const auto& id : ib)
    if (!ia.count(id)) b_minus_a.insert(id);
  for (const auto& id : ia)
    if (!ib.count(id)) a_minus_b.insert(id);
  ASSERT_EQ(added, b_minus_a) << where;
  ASSERT_EQ(removed, a_minus_b) << where;
  if (i == j) {
    ASSERT_TRUE(d.identical()) << where;
    return;
  }
  // Statuses against the ops recorded between the two versions.
  Touched ops = OpsBetween(state, std::min(i, j), std::max(i, j));
  std::size_t moved = 0;
  for (const auto& c : d.sections) {
    if (c.status == DiffStatus::kAdded || c.status == DiffStatus::kRemoved) continue;
    if (c.modified()) {
      ASSERT_TRUE(ops.edited.count(c.id)) << where << " modified but not edited: " << c.id;
    }
    if (c.from->parent != c.to->parent) {
      ASSERT_TRUE(ops.moved.count(c.id)) << where << " parent changed but not moved: " << c.id;
    }
    if (c.moved) ++moved;
    bool content_same = a.Find(c.id)->heading == b.Find(c.id)->heading &&
                        a.Find(c.id)->body == b.Find(c.id)->body &&
                        a.Find(c.id)->kind == b.Find(c.id)->kind;
    ASSERT_EQ(c.modified(), !content_same) << where << c.id;
    ASSERT_EQ(ToSide(c.body_diff), b.Find(c.id)->body) << where;
    ASSERT_EQ(FromSide(c.body_diff), a.Find(c.id)->body) << where;
  }
  ASSERT_LE(moved, ops.moved.size()) << where;  // moves are minimal
  if (ops.moved.empty()) {
    ASSERT_EQ(moved, 0u) << where;
  }
  // The mirror diff swaps added and removed, moves as many sections (ties in
  // the order may pick other ones) and flags the same sections as modified.
  TextDiff back = DiffTexts(b, a);
  ASSERT_EQ(back.counts.added, d.counts.removed) << where;
  ASSERT_EQ(back.counts.removed, d.counts.added) << where;
  ASSERT_EQ(back.counts.moved, d.counts.moved) << where;
  auto modified = [](const TextDiff& x) {
    std::set<std::string> out;
    for (const auto& c : x.sections) {
      if (c.modified()) out.insert(c.id);
    }
    return out;
  };
  ASSERT_EQ(modified(back), modified(d)) << where;
  // Renderers cope with anything.
  EXPECT_FALSE(RenderDiffText(d).empty());
  EXPECT_FALSE(RenderDiffHtml(d).empty());
  EXPECT_EQ(DiffToJson(d, i, j)["sections"].size(), d.sections.size());
}

TEST(AgreementProperties, RandomHistoriesGiveConsistentDiffs) {
  int versions_checked = 0;
  for (unsigned seed = 1; seed <= 300; ++seed) {
    Generator gen(seed);
    History h("p-" + std::to_string(seed));
    h.Create();
    int change_sets = 2 + static_cast<int>(gen.Pick(10));
    for (int c = 0; c < change_sets; ++c) {
      AgreementState state = h.State();
      SectionTree scratch = state.text();
      json ops = json::array();
      int n = 1 + static_cast<int>(gen.Pick(5));
      for (int k = 0; k < n; ++k) {
        json op = gen.Op(scratch);
        auto parsed = ParseOp(op, 0);
        ASSERT_TRUE(parsed.ok()) << parsed.status().detail();
        std::vector<Op> one{*parsed};
        SectionTree backup = scratch;
        if (ApplyOps(scratch, one, state.used_ids(), ApplyMode::kValidate).ok()) {
          ops.push_back(op);
        } else {
          scratch = std::move(backup);
        }
      }
      if (ops.empty()) continue;
      auto r = h.Change({{"rationale", "random " + std::to_string(c)}, {"ops", ops}});
      ASSERT_TRUE(r.ok()) << "seed " << seed << ": " << r.status().detail() << "\n" << ops.dump();
      h.Append(*r);
      if (gen.Chance(50) || c == change_sets - 1) {
        auto p = DecidePublish(h.State(), {"v" + std::to_string(c), {}});
        if (p.ok()) h.Append(*p);
      }
    }
    AgreementState state = h.State();
    // The fold's fast reader agrees with the DOM reader on every change set.
    for (const auto& e : h.events()) {
      if (e.type != kChangeSetRecorded) continue;
      auto fast = ReadChangeSetRecorded(e.data);
      ASSERT_TRUE(fast.ok());
      ASSERT_EQ(*fast, *ChangeSetRecordedFromJson(json::parse(e.data))) << e.data;
    }
    // Replaying the stream gives the same text (ids included).
    ASSERT_EQ(CanonicalText(AgreementState::Fold(h.events())->text()), CanonicalText(state.text()));
    auto n = static_cast<std::uint32_t>(state.versions().size());
    for (std::uint32_t i = 1; i <= n; ++i) {
      for (std::uint32_t j = 1; j <= n; ++j) {
        CheckPair(state, i, j,
                  "seed " + std::to_string(seed) + " v" + std::to_string(i) + "->v" +
                      std::to_string(j) + ": ");
        if (::testing::Test::HasFatalFailure()) return;
        ++versions_checked;
      }
    }
  }
  EXPECT_GT(versions_checked, 1000);
}

}  // namespace
}  // namespace hoering::agreements
