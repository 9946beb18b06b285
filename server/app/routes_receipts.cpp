// GET /v1/receipts/verify?position=<p>&hash=<hex>: does the log still hold an
// event with that hash at that position, and is the hash chain intact from
// it to the head? Public: whoever holds a receipt may check it; the answer
// reveals nothing the receipt does not already name. Runs on the blocking pool
// (it re-hashes every event from the position to the head).
#include "domain/event_codec.h"
#include "domain/sha256.h"
#include "domain/time.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;

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

Result<Reply> VerifyReceipt(const Call& call) {
  auto position = ParseUintQuery(call.match, "position");
  if (!position.ok()) return position.status();
  const std::string hash = call.Query("hash").value_or("");
  if (!*position || **position == 0 || !HashFromHex(hash)) {
    return InvalidArgument("position (from 1) and hash (64 hex digits) are required",
                           "invalid-query");
  }
  return Blocking{
      [&ctx = call.ctx, p = **position, hash](const http::Request& req) -> Result<http::Response> {
        auto events = ctx.log.ReadAll(p, 1);
        if (!events.ok()) return events.status();
        if (events->empty() || events->front().position != p) {
          return NotFound("the log has no event at position " + std::to_string(p),
                          "position-not-found");
        }
        const RecordedEvent& e = events->front();
        const bool matches = ToHex(e.hash) == hash;
        const bool intact = ChainHash(e.prev_hash, e) == e.hash;
        nlohmann::json chain = CheckChainFrom(ctx.log, e);
        nlohmann::json out = {{"position", p},
                              {"hash", hash},
                              {"matches", matches},
                              {"event_intact", intact},
                              {"event",
                               {{"stream", e.stream},
                                {"type", e.type},
                                {"recorded_at", FormatRfc3339Ms(e.recorded_at_ms)}}},
                              {"chain", chain},
                              {"ok", matches && intact && chain["ok"].get<bool>()}};
        return http::MakeJson(status::ok, out, req);
      }};
}

}  // namespace

void AddReceiptRoutes(Routes& routes) {
  routes.Add(verb::get, "/v1/receipts/verify", Anyone(), VerifyReceipt);
}

}  // namespace hoering::app
