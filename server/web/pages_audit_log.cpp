// The raw log (auditors and admin; as GET /v1/events and /v1/events/live):
//   GET /audit/log?stream=&type=&from=|before=&since=&until=
//       events in position order, 100 a page, filtered by stream (exact),
//       type (exact), a position range (from, or before for the previous
//       page) and a UTC date range (since, until: YYYY-MM-DD, inclusive);
//       each with position, time, stream, version, type, actor, hash and
//       its data in a <details>. One page reads at most kScanLimit events:
//       when the filters match few, the page says where the scan stopped and
//       links on from there.
//   GET /audit/log/live?from=  what /v1/events/live streams (Server-Sent
//       Events, app::LiveTail) for site.js, under the page session.
// Bad filters answer 400 with the message at the field.
#include <algorithm>
#include <optional>

#include "domain/decimal.h"
#include "domain/event_codec.h"
#include "domain/sha256.h"
#include "server/app/live_tail.h"
#include "server/web/local_time.h"
#include "server/web/pages_audit.h"

namespace hoering::web {
namespace {

using access::Role;
using boost::beast::http::verb;
using nlohmann::json;

constexpr std::size_t kPageSize = 100;
constexpr std::uint64_t kScanLimit = 10000;
constexpr std::size_t kBatch = 500;
constexpr std::int64_t kDayMs = 86400000;

struct LogFilter {
  std::string stream, type, since, until;
  std::optional<std::uint64_t> from, before;
  TimeMs since_ms = 0, until_ms = 0;  // until_ms 0: no bound
  bool Matches(const RecordedEvent& e) const {
    return (stream.empty() || e.stream == stream) && (type.empty() || e.type == type) &&
           e.recorded_at_ms >= since_ms && (until_ms == 0 || e.recorded_at_ms < until_ms);
  }
  // The filters as a query string (without from/before), each "&k=v".
  std::string Query() const {
    std::string q;
    const std::pair<const char*, const std::string*> fields[] = {
        {"stream", &stream}, {"type", &type}, {"since", &since}, {"until", &until}};
    for (const auto& [k, v] : fields) {
      if (!v->empty()) q += std::string("&") + k + "=" + UrlEncode(*v);
    }
    return q;
  }
};

struct FieldError {
  std::string field, message;
};

std::optional<FieldError> ReadFilter(const PageCall& call, LogFilter& f) {
  f.stream = call.Query("stream").value_or("");
  f.type = call.Query("type").value_or("");
  f.since = call.Query("since").value_or("");
  f.until = call.Query("until").value_or("");
  for (const char* name : {"from", "before"}) {
    const std::string raw = call.Query(name).value_or("");
    if (raw.empty()) continue;
    auto n = ParseDecimal<std::uint64_t>(raw);
    if (!n || *n == 0) return FieldError{"from", call.T("audit.log_bad_position")};
    (std::string_view(name) == "from" ? f.from : f.before) = *n;
  }
  if (!f.since.empty()) {
    auto days = ParseDate(f.since);
    if (!days) return FieldError{"since", call.T("audit.log_bad_date")};
    f.since_ms = *days * kDayMs;
  }
  if (!f.until.empty()) {
    auto days = ParseDate(f.until);
    if (!days) return FieldError{"until", call.T("audit.log_bad_date")};
    f.until_ms = (*days + 1) * kDayMs;
  }
  return std::nullopt;
}

json EventEntry(const PageCall& call, const RecordedEvent& e) {
  json data = json::parse(e.data, nullptr, false);
  return {{"position", e.position},
          {"time", FormatLocalDateTime(e.recorded_at_ms, kSiteTimeZone, call.lang)},
          {"stream", e.stream},
          {"stream_href", "/audit/log?stream=" + UrlEncode(e.stream)},
          {"version", e.stream_version},
          {"type", e.type},
          {"actor", e.actor.role + (e.actor.party.empty() ? "" : " (" + e.actor.party + ")")},
          {"hash", ToHex(e.hash)},
          {"data", data.is_discarded() ? e.data : data.dump(2)}};
}

struct Scan {
  std::vector<RecordedEvent> events;
  std::uint64_t first = 0, last = 0;  // the positions scanned
};

// Forward from `from`: up to kPageSize matches within kScanLimit events.
Result<Scan> ScanForward(const PageCall& call, const LogFilter& f, std::uint64_t from) {
  Scan s{{}, from, from - 1};
  while (s.events.size() < kPageSize && s.last - from + 1 < kScanLimit) {
    auto batch = call.ctx.log.ReadAll(s.last + 1, kBatch);
    if (!batch.ok()) return batch.status();
    if (batch->empty()) break;
    for (const auto& e : *batch) {
      s.last = e.position;
      if (f.Matches(e)) s.events.push_back(e);
      if (s.events.size() == kPageSize) break;
    }
  }
  return s;
}

// Backward from before `before`: the last kPageSize matches, in order.
Result<Scan> ScanBackward(const PageCall& call, const LogFilter& f, std::uint64_t before) {
  Scan s{{}, before, before - 1};
  while (s.events.size() < kPageSize && s.first > 1 && s.last - s.first + 1 < kScanLimit) {
    const std::uint64_t start = s.first > kBatch ? s.first - kBatch : 1;
    auto batch = call.ctx.log.ReadAll(start, s.first - start);
    if (!batch.ok()) return batch.status();
    std::vector<RecordedEvent> found;
    for (auto it = batch->rbegin(); it != batch->rend(); ++it) {
      if (s.events.size() + found.size() == kPageSize) break;
      s.first = it->position;
      if (f.Matches(*it)) found.push_back(*it);
    }
    if (batch->empty()) s.first = start;
    s.events.insert(s.events.begin(), found.rbegin(), found.rend());
  }
  return s;
}

Result<PageReply> ShowLog(const PageCall& call) {
  LogFilter f;
  const std::uint64_t head = call.ctx.log.Head().position;
  json data = json::object();
  auto bad = ReadFilter(call, f);
  Scan scan;
  if (!bad) {
    auto found = f.before ? ScanBackward(call, f, std::min(*f.before, head + 1))
                          : ScanForward(call, f, f.from.value_or(1));
    if (!found.ok()) return found.status();
    scan = std::move(found).value();
  }
  json events = json::array();
  for (const auto& e : scan.events) events.push_back(EventEntry(call, e));
  data["events"] = events;
  data["has_events"] = !events.empty();
  data["head"] = head;
  data["filter"] = {{"stream", f.stream},
                    {"type", f.type},
                    {"since", f.since},
                    {"until", f.until},
                    {"from", f.from ? std::to_string(*f.from) : ""}};
  if (!bad) {
    data["scanned_from"] = scan.first;
    data["scanned_to"] = scan.last;
    if (scan.first > 1) {
      data["previous_href"] = "/audit/log?before=" + std::to_string(scan.first) + f.Query();
    }
    if (scan.last < head) {
      data["next_href"] = "/audit/log?from=" + std::to_string(scan.last + 1) + f.Query();
    } else {
      // At the head: without JavaScript a link to what is committed later;
      // with it, site.js tails /audit/log/live from here.
      data["newer_href"] = "/audit/log?from=" + std::to_string(scan.last + 1) + f.Query();
      data["live_from"] = scan.last + 1;
    }
  }
  HtmlPage page{"audit_log", call.T("audit.log_title"), std::move(data)};
  if (bad) {
    page.data["has_errors"] = true;
    page.data["errors"] = {{{"field", bad->field}, {"message", bad->message}}};
    page.data[bad->field + "_error"] = bad->message;
    page.status = boost::beast::http::status::bad_request;
  }
  return page;
}

Result<PageReply> LiveLog(const PageCall& call) {
  const std::string raw = call.Query("from").value_or("1");
  auto from = ParseDecimal<std::uint64_t>(raw);
  if (!from) return InvalidArgument("from must be a log position", "invalid-query");
  http::StreamReply reply;
  reply.head.version(call.req.version());
  reply.head.result(boost::beast::http::status::ok);
  reply.head.set(boost::beast::http::field::content_type, "text/event-stream");
  reply.head.set(boost::beast::http::field::cache_control, "no-cache");
  reply.start = [&ctx = call.ctx, start = *from](std::shared_ptr<http::StreamWriter> writer) {
    std::make_shared<app::LiveTail>(ctx, std::move(writer), start)->Pump();
  };
  return PageReply(std::move(reply));
}

}  // namespace

void AddAuditLogPages(Pages& pages) {
  const app::Access readers = app::Only({Role::kAuditor, Role::kAdmin});
  pages.Add(verb::get, "/audit/log", readers, ShowLog);
  pages.Add(verb::get, "/audit/log/live", readers, LiveLog);
}

}  // namespace hoering::web
