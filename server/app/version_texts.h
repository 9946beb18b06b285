// The texts of published agreement versions, folded from the log on demand:
// the agreements view keeps none (domain/agreements/agreements_view.h), so a
// request that needs one (a submission anchoring its quotes in the consulted
// version, a diff between versions, the report, a version's sections) gets
// it here. The most recently used texts are kept within a byte budget
// (CostOf; ByteBudgetLru); the rest are folded again when asked for: the
// agreement's stream up to the version's VersionPublished, its hash checked
// against the recorded one. Each fold canonicalises the text at every
// published version up to it, so a diff across many agreements that misses
// here costs milliseconds (docs/performance.md, session 18).
//
// Thread-safe: lookups may run on any thread; a miss folds outside the lock
// (two threads missing the same version may both fold it; the texts are equal).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "domain/agreements/agreement_state.h"
#include "domain/agreements/time_travel.h"
#include "server/app/byte_lru.h"
#include "storage/event_store.h"

namespace hoering::app {

class VersionTexts {
 public:
  static constexpr std::size_t kDefaultBudget = std::size_t{8} << 20;

  // Keeps texts up to `budget_bytes` of CostOf() in all.
  explicit VersionTexts(const EventLog& log, std::size_t budget_bytes = kDefaultBudget);

  // The text of `version` of `agreement`; kCorruption when the stream no
  // longer folds to it (or to its recorded hash).
  Result<std::shared_ptr<const agreements::SectionTree>> Get(
      const std::string& agreement, const agreements::VersionInfo& version);

  // Get() for one agreement, as the domain's lookup function.
  agreements::VersionTextLookup For(const std::string& agreement);

  // What a kept text is costed at: its ids, headings and bodies, plus 128
  // bytes a section for the rest of it.
  static std::size_t CostOf(const agreements::SectionTree& text);

 private:
  using Text = std::shared_ptr<const agreements::SectionTree>;
  const EventLog& log_;
  std::mutex mu_;
  ByteBudgetLru<Text> kept_;  // GUARDED_BY(mu_)
};

}  // namespace hoering::app
