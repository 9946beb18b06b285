// The random history's agreements (generator.h): creation, the first text,
// change sets of random valid ops (checked with ApplyOps before they are
// kept) and published versions.
#include <algorithm>

#include "domain/agreements/agreement_decide.h"
#include "domain/agreements/apply_ops.h"
#include "tests/support/random_history/generator.h"
#include "tests/support/random_history/prose.h"

namespace hoering::testdata::history {

void Generator::ApplyAgreement(AgreementSim& a, const std::vector<RecordedEvent>& events) {
  for (const auto& r : events) {
    Status s = a.state.Apply(r);
    if (!s.ok() && local_error_.ok()) local_error_ = Bug("fold agreement", s);
  }
}

Status Generator::Create(AgreementSim& a) {
  ag::CreateAgreement cmd;
  cmd.id = a.spec->id;
  cmd.title = a.spec->title;
  if (a.spec->subtitle) cmd.subtitle = a.spec->subtitle;
  cmd.term.entry_into_force = a.spec->entry_into_force;
  cmd.term.years = a.spec->years;
  cmd.parties = a.parties;
  auto events = ag::DecideCreate(a.state, cmd, [](const std::string&) { return true; });
  if (!events.ok()) return Bug("create agreement", events.status());
  ApplyAgreement(a, writer_.Write(ag::StreamFor(cmd.id), *events, Secretariat(), a.now));
  a.phase = Phase::kDraft;
  a.todo = static_cast<int>(rng_.Between(4, 6));
  return local_error_;
}

// Records one change set of `ops` (validated and normalised by DecideChange).
Status Generator::Record(AgreementSim& a, std::vector<ag::Op> ops, std::vector<ag::Cite> cites,
                         std::string rationale, const std::vector<std::string>& reads) {
  ag::RecordChange cmd;
  cmd.rationale = std::move(rationale);
  cmd.cites = std::move(cites);
  cmd.ops = std::move(ops);
  auto events = ag::DecideChange(a.state, std::move(cmd));
  if (!events.ok()) return Bug("change set on " + std::string(a.spec->id), events.status());
  a.now += rng_.Between(10, 600) * kMinute;
  ApplyAgreement(a, writer_.Write(ag::StreamFor(a.spec->id), *events, Secretariat(), a.now, reads));
  return local_error_;
}

// An add of a new section of `kind` under `parent`, with the id the server
// would generate (given explicitly, so later ops of the set can use it).
ag::Op Generator::AddOp(const ag::SectionTree& tree, const ag::IdSet& used, ag::IdSet& taken,
                        ag::SectionKind kind, const std::string& parent) {
  ag::Op op;
  op.type = ag::OpType::kAdd;
  op.kind = std::string(ag::KindName(kind));
  op.heading = Heading(rng_, kind);
  op.id = ag::GenerateSectionId(*op.heading, tree, used, &taken);
  taken.insert(op.id);
  op.body = SectionBody(rng_);
  op.place.parent = parent;
  if (rng_.Chance(0.2) && !tree.Children(parent).empty()) op.place.after = "";
  return op;
}

// Keeps `op` when it applies to `work` (the text as left by the ops so far).
bool Generator::TryOp(ag::SectionTree& work, const ag::IdSet& used, std::vector<ag::Op>& ops,
                      ag::Op op) {
  ag::SectionTree copy = work;
  std::vector<ag::Op> one{op};
  if (!ag::ApplyOps(copy, one, used, ag::ApplyMode::kValidate).ok()) return false;
  work = std::move(copy);
  ops.push_back(std::move(op));
  return true;
}

Status Generator::InitialText(AgreementSim& a) {
  const ag::SectionTree& text = a.state.text();
  const ag::IdSet& used = a.state.used_ids();
  ag::SectionTree work = text;
  ag::IdSet taken;
  std::vector<ag::Op> ops;
  if (text.empty()) {
    std::vector<std::size_t> order(Words().chapters.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    rng_.Shuffle(order);
    order.resize(rng_.Between(5, 7));
    for (std::size_t i : order) {
      ag::Op op = AddOp(work, used, taken, ag::SectionKind::kChapter, "");
      op.heading = Words().chapters[i];
      taken.erase(op.id);
      op.id = ag::GenerateSectionId(*op.heading, work, used, &taken);
      taken.insert(op.id);
      op.place.after.reset();
      TryOp(work, used, ops, op);
    }
    if (work.Children("").empty()) return Bug("initial text", Status(Code::kInternal, "empty"));
    const std::string first = work.Children("").front();
    TryOp(work, used, ops, AddOp(work, used, taken, ag::SectionKind::kVision, first));
    TryOp(work, used, ops, AddOp(work, used, taken, ag::SectionKind::kText, first));
  } else {
    for (int k = 0; k < 2; ++k) {
      const std::string chapter = rng_.Pick(work.Children(""));
      ag::Op focus = AddOp(work, used, taken, ag::SectionKind::kFocusArea, chapter);
      if (!TryOp(work, used, ops, focus)) continue;
      for (std::int64_t i = 0, n = rng_.Between(2, 3); i < n; ++i) {
        ag::Op objective = AddOp(work, used, taken, ag::SectionKind::kObjective, focus.id);
        if (!TryOp(work, used, ops, objective)) continue;
        for (std::int64_t j = 0, m = rng_.Between(0, 2); j < m; ++j) {
          TryOp(work, used, ops,
                AddOp(work, used, taken, ag::SectionKind::kIndicator, objective.id));
        }
      }
      if (rng_.Chance(0.3)) {
        TryOp(work, used, ops, AddOp(work, used, taken, ag::SectionKind::kPrinciple, chapter));
      }
    }
  }
  return Record(a, std::move(ops), {}, "Første udkast: " + Sentence(rng_));
}

std::vector<std::string> Generator::AllIds(const ag::SectionTree& t) {
  std::vector<std::string> ids;
  t.Walk([&](const ag::Section& s, std::size_t) { ids.push_back(s.id); });
  return ids;
}

std::size_t Generator::Height(const ag::SectionTree& t, const std::string& id) {
  std::size_t h = 0;
  for (const auto& c : t.Children(id)) h = std::max(h, Height(t, c));
  return h + 1;
}

// A random valid op on `work`, or nullopt after a few failed tries.
std::optional<ag::Op> Generator::RandomOp(ag::SectionTree& work, const ag::IdSet& used,
                                          ag::IdSet& taken, const std::string& focus_section) {
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::vector<std::string> ids = AllIds(work);
    if (ids.empty()) return std::nullopt;
    // Half of the ops of a change set citing a point edit the point's section.
    const bool edit_focus =
        !focus_section.empty() && work.Contains(focus_section) && rng_.Chance(0.5);
    const double r = edit_focus ? 0.5 : static_cast<double>(rng_.Below(1000)) / 1000.0;
    const double add_share = work.size() > 120 ? 0.1 : 0.35;
    ag::Op op;
    if (r < add_share) {
      const std::string parent = rng_.Pick(ids);
      if (work.Depth(parent) >= ag::kMaxDepth) continue;
      ag::SectionKind kind = ag::SectionKind::kText;
      switch (work.Find(parent)->kind) {
        case ag::SectionKind::kChapter:
          kind = rng_.Chance(0.7) ? ag::SectionKind::kFocusArea : ag::SectionKind::kPrinciple;
          break;
        case ag::SectionKind::kFocusArea:
          kind = ag::SectionKind::kObjective;
          break;
        case ag::SectionKind::kObjective:
          kind = ag::SectionKind::kIndicator;
          break;
        default:
          break;
      }
      op = AddOp(work, used, taken, kind, parent);
    } else if (r < 0.8) {
      op.type = ag::OpType::kEdit;
      op.id = edit_focus ? focus_section : rng_.Pick(ids);
      const ag::Section* s = work.Find(op.id);
      if (rng_.Chance(0.8)) {
        // Keep most of the body, add or replace a paragraph: what editors do.
        std::string body = s->body;
        if (!body.empty() && rng_.Chance(0.5)) body = body.substr(0, body.find("\n\n"));
        op.body = (body.empty() ? "" : body + "\n\n") + Paragraph(rng_, 1, 3);
      } else {
        op.heading = Heading(rng_, s->kind);
      }
    } else if (r < 0.9) {
      op.type = ag::OpType::kMove;
      op.id = rng_.Pick(ids);
      const ag::Section* s = work.Find(op.id);
      if (s->kind == ag::SectionKind::kChapter) {
        op.place.parent = "";
      } else {
        op.place.parent = rng_.Pick(ids);
        if (work.IsSelfOrDescendant(op.place.parent, op.id)) continue;
        if (work.Depth(op.place.parent) + Height(work, op.id) > ag::kMaxDepth) continue;
      }
      if (rng_.Chance(0.3)) op.place.after = "";
    } else {
      if (work.size() < 30) continue;
      op.type = ag::OpType::kRemove;
      op.id = rng_.Pick(ids);
      if (Height(work, op.id) > 2) continue;
    }
    std::vector<ag::Op> ops;
    if (TryOp(work, used, ops, op)) return ops.front();
  }
  return std::nullopt;
}

Status Generator::Change(AgreementSim& a, std::vector<ag::Cite> cites, std::int64_t n_ops,
                         const std::string& focus_section, const std::vector<std::string>& reads) {
  ag::SectionTree work = a.state.text();
  ag::IdSet taken;
  std::vector<ag::Op> ops;
  for (std::int64_t i = 0; i < n_ops || ops.empty(); ++i) {
    if (auto op = RandomOp(work, a.state.used_ids(), taken, focus_section)) {
      ops.push_back(std::move(*op));
    } else if (i > n_ops + 10) {
      return Bug("change set", Status(Code::kInternal, "no valid op found"));
    }
  }
  std::string rationale = cites.empty() ? "Redaktionel bearbejdning: " + Sentence(rng_)
                                        : "Ændret på baggrund af høringssvar: " + Sentence(rng_);
  return Record(a, std::move(ops), std::move(cites), std::move(rationale), reads);
}

Status Generator::Publish(AgreementSim& a, const std::string& label, Phase next) {
  ag::PublishVersion cmd{label, std::nullopt};
  if (rng_.Chance(0.5)) cmd.note = Sentence(rng_);
  auto events = ag::DecidePublish(a.state, cmd);
  if (!events.ok()) {
    if (events.status().type() == "nothing-to-publish") return Change(a, {}, 1);
    return Bug("publish", events.status());
  }
  a.now += rng_.Between(1, 5) * kDay;
  ApplyAgreement(a, writer_.Write(ag::StreamFor(a.spec->id), *events, Secretariat(), a.now));
  a.phase = next;
  if (next == Phase::kDecide) {
    std::vector<std::string> bodies;
    for (const auto& p : a.parties) {
      if (p != "plo-midtjylland") bodies.push_back(p);
    }
    rng_.Shuffle(bodies);
    bodies.resize(std::min<std::size_t>(bodies.size(), rng_.Between(2, 6)));
    a.bodies = std::move(bodies);
    a.todo = static_cast<int>(a.bodies.size());
    a.obligation_todo = true;
  }
  return local_error_;
}

}  // namespace hoering::testdata::history
