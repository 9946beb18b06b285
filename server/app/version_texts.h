// The texts of published agreement versions, folded from the log on demand:
// the agreements view keeps none (domain/agreements/agreements_view.h), so a
// request that needs one (a submission anchoring its quotes in the consulted
// version, a diff between versions, the report, a version's sections) gets
// it here. The most recently used texts are kept, up to a fixed number; the
// rest are folded again when asked for: the agreement's stream up to the
// version's VersionPublished, its hash checked against the recorded one.
//
// Thread-safe: lookups may run on any thread; a miss folds outside the lock
// (two threads missing the same version may both fold it; the texts are equal).
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/agreements/agreement_state.h"
#include "domain/agreements/time_travel.h"
#include "storage/event_store.h"

namespace hoering::app {

class VersionTexts {
 public:
  // Keeps at most `capacity` texts (default 32).
  explicit VersionTexts(const EventLog& log, std::size_t capacity = 32);

  // The text of `version` of `agreement`; kCorruption when the stream no
  // longer folds to it (or to its recorded hash).
  Result<std::shared_ptr<const agreements::SectionTree>> Get(
      const std::string& agreement, const agreements::VersionInfo& version);

  // Get() for one agreement, as the domain's lookup function.
  agreements::VersionTextLookup For(const std::string& agreement);

 private:
  using Text = std::shared_ptr<const agreements::SectionTree>;
  const EventLog& log_;
  const std::size_t capacity_;
  std::mutex mu_;
  std::list<std::pair<std::string, Text>> recent_;  // GUARDED_BY(mu_), most recent first
  std::unordered_map<std::string, decltype(recent_)::iterator> by_key_;  // GUARDED_BY(mu_)
};

}  // namespace hoering::app
