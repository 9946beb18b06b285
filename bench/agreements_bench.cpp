// Read-side costs of the agreements domain (issue 3): diffs between versions
// and time travel over a long stream.
//
//   build/bench/agreements_bench --benchmark_min_time=1
//
// BM_DiffRealAgreement20Edits/...       the real agreement (tests/fixtures/
//     agreement-2024-2027.md, imported as the domain does) published as version
//     A, then one change set of 20 ops spread over the text (17 body edits, one
//     move, one add, one remove) published as version B. "diff" is DiffTexts(A,
//     B); "diff_to_json" adds DiffToJson and its dump(), i.e. the body of GET
//     .../diff. Target: < 5 ms.
// BM_DiffSynthetic1000Sections200Edits/...   a synthetic text of 1,000 sections
//     (50 chapters of 19 sections, ~1 KB of body each, ~1 MB) and a copy with
//     200 changes (190 body edits, 8 moves, one add, one remove); same two
//     measurements. Target: < 200 ms.
// BM_TextAtVersionWith10000ChangeSets/...    one agreement stream of 10,000
//     change sets (adds, body edits, moves, removes over ~20 chapters) with a
//     version published after every 1,000th, as RecordedEvents in memory
//     (positions interleaved with other streams, one second apart). The
//     selector variants fold the events as the server does for ?at=:
//       StateAt_version        StateAt(events, version 10)
//       TextsAt_version        TextsAt(events, {version 10})
//       TextsAt_position       TextsAt(events, {position:<last event>})
//       TextsAt_time           TextsAt(events, {time:<last event>})
//     (version 10 and the last event are the worst case: the whole stream).
//     Target: < 50 ms. Section bodies are paragraphs of 100..399 bytes (each
//     edit carries a whole new body): ~4.7 MB of event data. For scale:
//       Fold_keep_version_texts        the full fold keeping version texts
//                                      (what makes TextAt possible)
//       StateAt_version_no_hash_check  StateAt without verify_version_hashes
//       JsonParse_only                 json::parse of every event's data alone
//       *_small_bodies                 the same stream shape with bodies of
//                                      10..29 bytes (~1.4 MB of event data)
//       TextAt_folded_state            TextAt(state, version 10) on a state
//                                      folded keeping version texts, no events
//                                      (in microseconds: far below 1 ms).
// Workloads are built once per process, outside the timed loops.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "domain/agreements/agreement_decide.h"
#include "domain/agreements/agreement_events.h"
#include "domain/agreements/agreement_state.h"
#include "domain/agreements/change_ops.h"
#include "domain/agreements/diff_render.h"
#include "domain/agreements/section_diff.h"
#include "domain/agreements/time_travel.h"
#include "domain/event.h"

namespace hoering::agreements {
namespace {

using nlohmann::json;

constexpr std::int64_t kT0 = 1'700'000'000'000;  // 2023-11-14T22:13:20Z

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "agreements_bench: workload setup failed: %s\n", what.c_str());
  std::abort();
}

template <typename T>
T Must(Result<T> r, const char* what) {
  if (!r.ok()) Die(std::string(what) + ": " + r.status().detail());
  return std::move(r).value();
}

std::string ReadFixture(const std::string& name) {
  const std::string path = std::string(HOERING_SOURCE_DIR) + "/tests/fixtures/" + name;
  std::ifstream in(path);
  if (!in) Die("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One agreement stream as the store would record it: positions (interleaved
// with `position_step - 1` events of other streams), stream versions and
// times one second apart. Keeps the folded state up to date as it goes.
class Stream {
 public:
  explicit Stream(std::string id, std::uint64_t position_step = 1)
      : id_(std::move(id)), step_(position_step) {}

  const std::string& id() const { return id_; }
  const AgreementState& state() const { return state_; }
  const std::vector<RecordedEvent>& events() const { return events_; }

  void Append(const std::vector<NewEvent>& events) {
    for (const auto& n : events) {
      RecordedEvent e;
      position_ += step_;
      e.position = position_;
      e.stream = StreamFor(id_);
      e.stream_version = events_.size() + 1;
      e.type = n.type;
      e.schema_version = n.schema_version;
      e.recorded_at_ms = kT0 + static_cast<std::int64_t>(events_.size()) * 1000;
      e.actor = {"tok-sec", "secretariat", ""};
      e.correlation_id = "corr-" + std::to_string(e.position);
      e.data = n.data_text.empty() ? n.data.dump() : n.data_text;
      if (Status s = state_.Apply(e); !s.ok()) Die("apply " + e.type + ": " + s.detail());
      events_.push_back(std::move(e));
    }
  }

  void Create() {
    CreateAgreement c;
    c.id = id_;
    c.title = "Sundhedsaftalen 2024-2027";
    c.term.entry_into_force = "2024-01-01";
    c.parties = {"region-midt", "aarhus"};
    Append(Must(DecideCreate(state_, c), "create"));
  }
  void Import(const std::string& markdown) {
    Append(Must(DecideImport(state_, {markdown, "", {}}), "import"));
  }
  // Through the decision, as a POST .../changes would.
  void Change(const json& ops) {
    RecordChange cmd;
    cmd.rationale = "because";
    cmd.ops = Must(ParseOps(ops), "parse ops");
    Append(Must(DecideChange(state_, std::move(cmd)), "change"));
  }
  // Straight to the event (ops known to be valid; Apply still checks them).
  // Deciding would copy the text per change set and make the setup of a
  // 10,000 change set stream slow for nothing.
  void RecordChangeSet(const json& ops) {
    ChangeSetRecorded e{id_, state_.NextChangeId(),      "because",
                        {},  Must(ParseOps(ops), "ops"), "api"};
    Append({ToEvent(e)});
  }
  void Publish(const std::string& label) {
    Append(Must(DecidePublish(state_, {label, {}}), "publish"));
  }

 private:
  std::string id_;
  std::uint64_t step_;
  std::uint64_t position_ = 0;
  std::vector<RecordedEvent> events_;
  AgreementState state_;  // keeps version texts
};

std::string Paragraph(std::mt19937& rng, std::size_t bytes) {
  static const std::vector<std::string> words = {
      "sundhed", "borgere", "kommuner", "regionen", "og",      "samarbejde", "på",
      "tværs",   "af",      "sektorer", "vi",       "indsats", "forløb",     "praksis"};
  std::string s;
  while (s.size() < bytes) {
    if (!s.empty()) s += ' ';
    s += words[rng() % words.size()];
  }
  return s;
}

// The body with `word` inserted at a word boundary near `fraction` of it.
std::string InsertWord(const std::string& body, double fraction, const std::string& word) {
  std::string b = body;
  std::size_t at = b.find(' ', static_cast<std::size_t>(fraction * static_cast<double>(b.size())));
  b.insert(at == std::string::npos ? b.size() : at, " " + word);
  return b;
}

json Edit(const std::string& id, const std::string& body) {
  return {{"op", "edit"}, {"id", id}, {"body", body}};
}
json Move(const std::string& id, const std::string& parent, const std::string& after) {
  return {{"op", "move"}, {"id", id}, {"parent", parent}, {"after", after}};
}
json Remove(const std::string& id) {
  return {{"op", "remove"}, {"id", id}};
}
json Add(const std::string& id, const std::string& kind, const std::string& heading,
         const std::string& parent, const std::string& body) {
  return {{"op", "add"},
          {"section", {{"id", id}, {"kind", kind}, {"heading", heading}, {"body", body}}},
          {"parent", parent}};
}

// ---------------------------------------------------------------------------
// 1. The real agreement, 20 edits.

struct DiffWorkload {
  std::shared_ptr<const SectionTree> a, b;
};

const DiffWorkload& RealAgreement() {
  static const DiffWorkload w = [] {
    Stream s("sa-2024");
    s.Create();
    s.Import(ReadFixture("agreement-2024-2027.md"));
    s.Publish("A");
    const SectionTree& t = s.state().text();
    // One move (a reorder among the principles), one add (a new principle),
    // one remove (an indicator); the 17 edits go to sections spread evenly
    // over the text's bodies, none of those three.
    const std::set<std::string> special = {"principle-5", "ind-3-1-1"};
    std::vector<std::string> bodies;
    t.Walk([&](const Section& sec, std::size_t) {
      if (!sec.body.empty() && !special.contains(sec.id)) bodies.push_back(sec.id);
    });
    if (bodies.size() < 17) Die("fixture has too few sections with a body");
    json ops = json::array();
    for (std::size_t i = 0; i < 17; ++i) {
      const std::string& id = bodies[i * bodies.size() / 17];
      ops.push_back(
          Edit(id, InsertWord(t.Find(id)->body, 0.3 + 0.02 * static_cast<double>(i), "(ændret)")));
    }
    ops.push_back(Move("principle-5", "kap-4", ""));
    ops.push_back(Add("principle-6", "principle", "Læring på tværs", "kap-4",
                      "Vi deler viden og erfaringer på tværs af sektorer, så gode løsninger "
                      "udbredes hurtigt til gavn for borgerne."));
    ops.push_back(Remove("ind-3-1-1"));
    if (ops.size() != 20) Die("expected 20 ops");
    s.Change(ops);
    s.Publish("B");
    return DiffWorkload{s.state().FindVersion(1)->text, s.state().FindVersion(2)->text};
  }();
  return w;
}

// ---------------------------------------------------------------------------
// 2. A synthetic 1,000-section, ~1 MB text, 200 edits.

const DiffWorkload& Synthetic() {
  static const DiffWorkload w = [] {
    std::mt19937 rng(2);
    SectionTree a;
    for (int c = 0; c < 50; ++c) {
      std::string ch = "ch-" + std::to_string(c);
      if (!a.Insert({ch,
                     SectionKind::kChapter,
                     "Chapter " + std::to_string(c),
                     Paragraph(rng, 1000),
                     {},
                     {}},
                    {"", std::nullopt})) {
        Die("insert chapter");
      }
      for (int k = 0; k < 19; ++k) {
        if (!a.Insert({ch + "-" + std::to_string(k),
                       SectionKind::kText,
                       "Section " + std::to_string(c) + "." + std::to_string(k),
                       Paragraph(rng, 1000),
                       {},
                       {}},
                      {ch, std::nullopt})) {
          Die("insert section");
        }
      }
    }
    if (a.size() != 1000) Die("expected 1000 sections");
    SectionTree b = a;
    // 8 moves: section 3 of chapters 0..7 to the end of the next chapter.
    std::set<std::string> touched;
    for (int m = 0; m < 8; ++m) {
      std::string id = "ch-" + std::to_string(m) + "-3";
      if (!b.Move(id, {"ch-" + std::to_string(m + 1), std::nullopt})) Die("move");
      touched.insert(id);
    }
    // One remove, one add.
    if (!b.Remove("ch-20-7")) Die("remove");
    touched.insert("ch-20-7");
    if (!b.Insert({"ch-30-new", SectionKind::kText, "New section", Paragraph(rng, 1000), {}, {}},
                  {"ch-30", std::string("ch-30-4")})) {
      Die("add");
    }
    // 190 body edits of other sections, at random, a word inserted at a random
    // word boundary.
    std::vector<std::string> ids;
    a.Walk([&](const Section& s, std::size_t) {
      if (!touched.contains(s.id)) ids.push_back(s.id);
    });
    std::shuffle(ids.begin(), ids.end(), rng);
    for (std::size_t i = 0; i < 190; ++i) {
      Section* s = b.FindMutable(ids[i]);
      s->body = InsertWord(s->body, static_cast<double>(rng() % 1000) / 1000.0, "ændret");
    }
    return DiffWorkload{std::make_shared<const SectionTree>(std::move(a)),
                        std::make_shared<const SectionTree>(std::move(b))};
  }();
  return w;
}

std::size_t TextBytes(const SectionTree& t) {
  std::size_t n = 0;
  t.Walk([&](const Section& s, std::size_t) { n += s.heading.size() + s.body.size(); });
  return n;
}

void Report(benchmark::State& state, const DiffWorkload& w) {
  TextDiff d = DiffTexts(*w.a, *w.b);
  state.counters["sections"] = static_cast<double>(w.b->size());
  state.counters["KB"] = static_cast<double>(TextBytes(*w.b)) / 1024.0;
  state.counters["changed"] =
      static_cast<double>(d.counts.added + d.counts.removed + d.counts.modified + d.counts.moved);
}

void DiffOnly(benchmark::State& state, const DiffWorkload& w) {
  for (auto _ : state) {
    TextDiff d = DiffTexts(*w.a, *w.b);
    benchmark::DoNotOptimize(d);
  }
  Report(state, w);
}

void DiffToJsonDump(benchmark::State& state, const DiffWorkload& w) {
  for (auto _ : state) {
    std::string body = DiffToJson(DiffTexts(*w.a, *w.b), 1, 2).dump();
    benchmark::DoNotOptimize(body);
  }
  Report(state, w);
}

void BM_DiffRealAgreement20Edits(benchmark::State& state, bool to_json) {
  const DiffWorkload& w = RealAgreement();
  to_json ? DiffToJsonDump(state, w) : DiffOnly(state, w);
}
BENCHMARK_CAPTURE(BM_DiffRealAgreement20Edits, diff, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DiffRealAgreement20Edits, diff_to_json, true)->Unit(benchmark::kMillisecond);

void BM_DiffSynthetic1000Sections200Edits(benchmark::State& state, bool to_json) {
  const DiffWorkload& w = Synthetic();
  to_json ? DiffToJsonDump(state, w) : DiffOnly(state, w);
}
BENCHMARK_CAPTURE(BM_DiffSynthetic1000Sections200Edits, diff, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DiffSynthetic1000Sections200Edits, diff_to_json, true)
    ->Unit(benchmark::kMillisecond);

// ---------------------------------------------------------------------------
// 3. Time travel over 10,000 change sets.

constexpr int kChangeSets = 10000;
constexpr int kVersionEvery = 1000;
constexpr int kChapters = 20;

struct HistoryWorkload {
  std::vector<RecordedEvent> events;
  AgreementState folded;  // the state after all events, keeping version texts
  std::size_t event_bytes = 0;
  std::size_t final_sections = 0;
};

// Section bodies of min..min+spread-1 bytes (chapters: 300).
HistoryWorkload BuildHistory(std::size_t body_min, std::size_t body_spread) {
  std::mt19937 rng(3);
  Stream s("sa-2024", /*position_step=*/3);
  s.Create();
  // Change set 1: the chapters. Then a random mix per change set of one or
  // two ops: 30% add a section to a chapter, 50% edit a section's body (a
  // new paragraph of body_min.. bytes), 10% move a section to another chapter,
  // 10% remove one.
  json chapters = json::array();
  for (int c = 0; c < kChapters; ++c) {
    chapters.push_back(Add("ch-" + std::to_string(c), "chapter", "Kapitel " + std::to_string(c), "",
                           Paragraph(rng, 300)));
  }
  s.RecordChangeSet(chapters);
  std::vector<std::string> live;  // non-chapter sections
  int next_id = 0;
  auto chapter = [&] { return "ch-" + std::to_string(rng() % kChapters); };
  for (int i = 2; i <= kChangeSets; ++i) {
    json ops = json::array();
    std::set<std::string> in_this;  // one op per section per change set
    const int n = 1 + static_cast<int>(rng() % 2);
    for (int k = 0; k < n; ++k) {
      int r = static_cast<int>(rng() % 10);
      if (live.size() < 10) r = 0;
      if (r < 3) {
        std::string id = "s-" + std::to_string(++next_id);
        const std::string parent = chapter();
        const std::size_t bytes = body_min + rng() % body_spread;
        ops.push_back(
            Add(id, "text", "Afsnit " + std::to_string(next_id), parent, Paragraph(rng, bytes)));
        live.push_back(id);
        in_this.insert(id);
        continue;
      }
      const std::size_t pick = rng() % live.size();
      const std::string id = live[pick];
      if (!in_this.insert(id).second) continue;
      if (r < 8) {
        const std::size_t bytes = body_min + rng() % body_spread;
        ops.push_back(Edit(id, Paragraph(rng, bytes)));
      } else if (r < 9) {
        ops.push_back(Move(id, chapter(), ""));
      } else {
        ops.push_back(Remove(id));
        live[pick] = live.back();
        live.pop_back();
      }
    }
    s.RecordChangeSet(ops);
    if (i % kVersionEvery == 0) {
      std::string label = "v";  // (not "v" + to_string: a GCC 12 -Wrestrict false positive)
      label += std::to_string(i / kVersionEvery);
      s.Publish(label);
    }
  }
  if (s.state().change_sets().size() != kChangeSets) Die("expected 10000 change sets");
  if (s.state().versions().size() != kChangeSets / kVersionEvery) Die("expected 10 versions");
  HistoryWorkload h{s.events(), s.state(), 0, s.state().text().size()};
  for (const auto& e : h.events) h.event_bytes += e.data.size();
  return h;
}

// Paragraph-sized bodies (100..399 bytes): ~4.7 MB of event data.
const HistoryWorkload& LongHistory() {
  static const HistoryWorkload w = BuildHistory(100, 300);
  return w;
}
// Bodies of 10..29 bytes, like the old timing test's "body <n>": for scale.
const HistoryWorkload& LongHistorySmallBodies() {
  static const HistoryWorkload w = BuildHistory(10, 20);
  return w;
}

enum class Fold {
  kStateAtVersion,
  kTextsAtVersion,
  kTextsAtPosition,
  kTextsAtTime,
  kFull,
  kStateAtVersionNoHashCheck,
  kJsonParseOnly,
};

void BM_TextAtVersionWith10000ChangeSets(benchmark::State& state, Fold how, bool small_bodies) {
  const HistoryWorkload& w = small_bodies ? LongHistorySmallBodies() : LongHistory();
  const RecordedEvent& last = w.events.back();
  AtSelector at;
  switch (how) {
    case Fold::kStateAtVersion:
    case Fold::kTextsAtVersion:
    case Fold::kStateAtVersionNoHashCheck:
      at.kind = AtSelector::Kind::kVersion;
      at.version = kChangeSets / kVersionEvery;
      break;
    case Fold::kTextsAtPosition:
      at.kind = AtSelector::Kind::kPosition;
      at.position = last.position;
      break;
    case Fold::kTextsAtTime:
      at.kind = AtSelector::Kind::kTime;
      at.time_ms = last.recorded_at_ms;
      break;
    case Fold::kFull:
    case Fold::kJsonParseOnly:
      break;
  }
  for (auto _ : state) {
    if (how == Fold::kStateAtVersion) {
      auto s = StateAt(w.events, at);
      if (!s.ok()) state.SkipWithError(s.status().detail().c_str());
      benchmark::DoNotOptimize(s);
    } else if (how == Fold::kStateAtVersionNoHashCheck) {
      auto s = StateAt(w.events, at, FoldOptions{false, false});
      if (!s.ok()) state.SkipWithError(s.status().detail().c_str());
      benchmark::DoNotOptimize(s);
    } else if (how == Fold::kJsonParseOnly) {
      std::size_t n = 0;
      for (const auto& e : w.events) n += json::parse(e.data).size();
      benchmark::DoNotOptimize(n);
    } else if (how == Fold::kFull) {
      auto s = AgreementState::Fold(w.events);
      if (!s.ok()) state.SkipWithError(s.status().detail().c_str());
      benchmark::DoNotOptimize(s);
    } else {
      auto t = TextsAt(w.events, std::span<const AtSelector>(&at, 1));
      if (!t.ok()) state.SkipWithError(t.status().detail().c_str());
      benchmark::DoNotOptimize(t);
    }
  }
  state.counters["events"] = static_cast<double>(w.events.size());
  state.counters["event_MB"] = static_cast<double>(w.event_bytes) / (1 << 20);
  state.counters["sections"] = static_cast<double>(w.final_sections);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * w.event_bytes));
}
#define HOERING_FOLD_BENCH(name, how, small)                               \
  BENCHMARK_CAPTURE(BM_TextAtVersionWith10000ChangeSets, name, how, small) \
      ->Unit(benchmark::kMillisecond)
HOERING_FOLD_BENCH(StateAt_version, Fold::kStateAtVersion, false);
HOERING_FOLD_BENCH(TextsAt_version, Fold::kTextsAtVersion, false);
HOERING_FOLD_BENCH(TextsAt_position, Fold::kTextsAtPosition, false);
HOERING_FOLD_BENCH(TextsAt_time, Fold::kTextsAtTime, false);
// For scale: where the time goes, and the old test's lighter events.
HOERING_FOLD_BENCH(Fold_keep_version_texts, Fold::kFull, false);
HOERING_FOLD_BENCH(StateAt_version_no_hash_check, Fold::kStateAtVersionNoHashCheck, false);
HOERING_FOLD_BENCH(JsonParse_only, Fold::kJsonParseOnly, false);
HOERING_FOLD_BENCH(StateAt_version_small_bodies, Fold::kStateAtVersion, true);
HOERING_FOLD_BENCH(TextsAt_position_small_bodies, Fold::kTextsAtPosition, true);
#undef HOERING_FOLD_BENCH

void BM_TextAtVersionWith10000ChangeSets_TextAt(benchmark::State& state) {
  const HistoryWorkload& w = LongHistory();
  AtSelector at;
  at.kind = AtSelector::Kind::kVersion;
  at.version = kChangeSets / kVersionEvery;
  for (auto _ : state) {
    auto t = TextAt(w.folded, at);
    if (!t.ok()) state.SkipWithError(t.status().detail().c_str());
    benchmark::DoNotOptimize(t);
  }
  state.counters["sections"] = static_cast<double>(w.final_sections);
}
BENCHMARK(BM_TextAtVersionWith10000ChangeSets_TextAt)
    ->Name("BM_TextAtVersionWith10000ChangeSets/TextAt_folded_state")
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace hoering::agreements

BENCHMARK_MAIN();
