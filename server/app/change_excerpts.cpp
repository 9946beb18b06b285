#include "server/app/change_excerpts.h"

#include <utility>

#include "domain/consultations/report.h"

namespace hoering::app {

ChangeExcerptCache::ChangeExcerptCache(std::size_t budget_bytes) : kept_(budget_bytes) {}

std::string ChangeExcerptCache::KeyOf(const std::string& agreement, const std::string& change) {
  return agreement + '\n' + change;
}

Result<std::map<std::string, nlohmann::json>> ChangeExcerptCache::For(
    const std::string& agreement, const std::set<std::string>& changes, const ReadAgreement& read) {
  std::map<std::string, nlohmann::json> out;
  std::set<std::string> missing;
  {
    std::lock_guard lock(mu_);
    for (const std::string& change : changes) {
      if (const Excerpt* kept = kept_.Touch(KeyOf(agreement, change))) {
        out.emplace(change, **kept);
        ++hits_;
      } else {
        missing.insert(change);
        ++misses_;
      }
    }
  }
  if (missing.empty()) return out;
  auto events = read();
  if (!events.ok()) return events.status();
  auto folded = consultations::ChangeExcerpts(*events, missing);
  if (!folded.ok()) return folded.status();
  for (auto& [change, sections] : *folded) {
    const std::string key = KeyOf(agreement, change);
    const std::size_t cost = sections.dump().size() + key.size() + 256;
    auto excerpt = std::make_shared<const nlohmann::json>(sections);
    {
      std::lock_guard lock(mu_);
      kept_.Put(key, std::move(excerpt), cost);
    }
    out.emplace(change, std::move(sections));
  }
  return out;
}

ChangeExcerptCache::Stats ChangeExcerptCache::stats() const {
  std::lock_guard lock(mu_);
  return Stats{kept_.bytes(), hits_, misses_};
}

}  // namespace hoering::app
