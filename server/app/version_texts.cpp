#include "server/app/version_texts.h"

#include "domain/agreements/agreement_events.h"

namespace hoering::app {

namespace ag = agreements;

VersionTexts::VersionTexts(const EventLog& log, std::size_t budget_bytes)
    : log_(log), kept_(budget_bytes) {}

std::size_t VersionTexts::CostOf(const ag::SectionTree& text) {
  std::size_t bytes = 0;
  text.Walk([&](const ag::Section& s, std::size_t) {
    bytes += s.id.size() + s.heading.size() + s.body.size() + 128;
  });
  return bytes;
}

Result<std::shared_ptr<const ag::SectionTree>> VersionTexts::Get(const std::string& agreement,
                                                                 const ag::VersionInfo& version) {
  const std::string key = agreement + "\n" + std::to_string(version.number) + "\n" + version.hash;
  {
    std::lock_guard lock(mu_);
    if (const Text* kept = kept_.Touch(key)) return *kept;
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
  const std::size_t cost = CostOf(*text);
  std::lock_guard lock(mu_);
  if (const Text* kept = kept_.Touch(key)) return *kept;
  kept_.Put(key, text, cost);
  return text;
}

ag::VersionTextLookup VersionTexts::For(const std::string& agreement) {
  return [this, agreement](const ag::VersionInfo& version) { return Get(agreement, version); };
}

}  // namespace hoering::app
