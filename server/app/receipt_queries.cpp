#include "server/app/receipt_queries.h"

#include "domain/event_codec.h"
#include "domain/sha256.h"
#include "domain/time.h"

namespace hoering::app {
namespace {

// Re-hashes events (from, head]; the first broken link ends the check.
nlohmann::json CheckChainFrom(const EventLog& store, const RecordedEvent& first) {
  constexpr std::size_t kPage = 4096;
  Hash prev = first.hash;
  std::uint64_t next = first.position + 1, checked = 1;
  const HeadInfo head = store.Head();
  while (next <= head.position) {
    auto page = store.ReadAll(next, kPage);
    if (!page.ok() || page->empty()) {
      return {{"ok", false},
              {"checked", checked},
              {"first_bad", next},
              {"problem", page.ok() ? "event missing" : page.status().detail()}};
    }
    for (const RecordedEvent& e : *page) {
      if (e.position != next || e.prev_hash != prev || ChainHash(prev, e) != e.hash) {
        return {{"ok", false},
                {"checked", checked},
                {"first_bad", e.position},
                {"problem", "the hash chain is broken at this position"}};
      }
      prev = e.hash;
      ++next;
      ++checked;
    }
  }
  return {{"ok", true},
          {"checked", checked},
          {"head", {{"position", next - 1}, {"hash", ToHex(prev)}}}};
}

}  // namespace

Result<nlohmann::json> VerifyReceipt(AppContext& ctx, std::uint64_t p, const std::string& hash) {
  auto events = ctx.log.ReadAll(p, 1);
  if (!events.ok()) return events.status();
  if (events->empty() || events->front().position != p) {
    return NotFound("the log has no event at position " + std::to_string(p), "position-not-found");
  }
  const RecordedEvent& e = events->front();
  const bool matches = ToHex(e.hash) == hash;
  const bool intact = ChainHash(e.prev_hash, e) == e.hash;
  nlohmann::json chain = CheckChainFrom(ctx.log, e);
  const bool ok = matches && intact && chain["ok"].get<bool>();
  return nlohmann::json{{"position", p},
                        {"hash", hash},
                        {"matches", matches},
                        {"event_intact", intact},
                        {"event",
                         {{"stream", e.stream},
                          {"type", e.type},
                          {"recorded_at", FormatRfc3339Ms(e.recorded_at_ms)}}},
                        {"chain", chain},
                        {"ok", ok}};
}

}  // namespace hoering::app
