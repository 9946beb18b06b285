#include "server/app/version_texts.h"

#include "domain/agreements/agreement_events.h"

namespace hoering::app {

namespace ag = agreements;

VersionTexts::VersionTexts(const EventLog& log, std::size_t capacity)
    : log_(log), capacity_(capacity) {}

Result<std::shared_ptr<const ag::SectionTree>> VersionTexts::Get(const std::string& agreement,
                                                                 const ag::VersionInfo& version) {
  const std::string key = agreement + "\n" + std::to_string(version.number) + "\n" + version.hash;
  {
    std::lock_guard lock(mu_);
    if (auto it = by_key_.find(key); it != by_key_.end()) {
      recent_.splice(recent_.begin(), recent_, it->second);
      return it->second->second;
    }
  }
  auto events = log_.ReadStream(ag::StreamFor(agreement), 1, version.stream_version);
  if (!events.ok()) return events.status();
  // Hashes are verified at each VersionPublished folded, this one's included.
  auto state = ag::AgreementState::Fold(
      *events, {.keep_version_texts = false, .verify_version_hashes = true});
  if (!state.ok()) return state.status();
  const ag::VersionInfo* folded = state->FindVersion(version.number);
  if (folded == nullptr || folded->hash != version.hash ||
      state->version() != version.stream_version) {
    return Status(Code::kCorruption,
                  "agreement '" + agreement + "' does not fold to version " +
                      std::to_string(version.number) + " as recorded",
                  "version-text-mismatch");
  }
  Text text = std::make_shared<const ag::SectionTree>(state->text());
  std::lock_guard lock(mu_);
  if (auto it = by_key_.find(key); it != by_key_.end()) return it->second->second;
  recent_.emplace_front(key, text);
  by_key_[key] = recent_.begin();
  while (recent_.size() > capacity_) {
    by_key_.erase(recent_.back().first);
    recent_.pop_back();
  }
  return text;
}

ag::VersionTextLookup VersionTexts::For(const std::string& agreement) {
  return [this, agreement](const ag::VersionInfo& version) { return Get(agreement, version); };
}

}  // namespace hoering::app
