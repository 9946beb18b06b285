#include "client/lib/ack_audit.h"

#include <algorithm>

namespace hoering::client {
namespace {

void Note(AckAuditReport& r, std::string finding) {
  if (r.examples.size() < 10) r.examples.push_back(std::move(finding));
}

}  // namespace

Expected<AckAuditReport> AuditAcknowledged(Api& api, std::vector<Acknowledged> acks,
                                           std::uint32_t page_size) {
  AckAuditReport r;
  r.acknowledged = acks.size();
  if (acks.empty()) return r;
  std::sort(acks.begin(), acks.end(),
            [](const auto& a, const auto& b) { return a.position < b.position; });
  r.from = acks.front().position;
  r.to = acks.back().position;

  std::size_t next = 0;  // the first acknowledgement not yet matched
  auto scanned = api.ScanEvents(r.from, r.to, page_size, [&](const nlohmann::json& event) {
    const auto position = PositionFromJson(event.value("position", nlohmann::json()));
    if (!position) return true;
    while (next < acks.size() && acks[next].position < *position) {
      ++r.missing;  // the log skipped past it
      Note(r, "position " + std::to_string(acks[next].position) + " (" + acks[next].stream +
                  ") is missing from the log");
      ++next;
    }
    bool first = true;
    for (; next < acks.size() && acks[next].position == *position; ++next, first = false) {
      const Acknowledged& a = acks[next];
      if (!first) {
        ++r.duplicates;
        Note(r, "position " + std::to_string(a.position) + " was acknowledged twice");
        continue;
      }
      const std::string stream = event.value("stream", "");
      const std::string type = event.value("type", "");
      if (stream == a.stream && (a.type.empty() || type == a.type)) {
        ++r.confirmed;
      } else {
        ++r.mismatched;
        Note(r, "position " + std::to_string(a.position) + " holds " + type + " on " + stream +
                    ", expected " + (a.type.empty() ? "" : a.type + " on ") + a.stream);
      }
    }
    return next < acks.size();
  });
  if (!scanned.ok()) return scanned.error();
  for (; next < acks.size(); ++next) {
    ++r.missing;
    Note(r, "position " + std::to_string(acks[next].position) + " (" + acks[next].stream +
                ") is beyond the end of the log");
  }
  r.lost = r.acknowledged - r.confirmed;
  return r;
}

}  // namespace hoering::client
