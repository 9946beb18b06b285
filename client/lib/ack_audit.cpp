#include "client/lib/ack_audit.h"

#include <algorithm>
#include <optional>
#include <span>
#include <thread>

namespace hoering::client {
namespace {

constexpr std::size_t kMaxExamples = 10;

void Note(AckAuditReport& r, std::string finding) {
  if (r.examples.size() < kMaxExamples) r.examples.push_back(std::move(finding));
}

void SortByPosition(std::vector<Acknowledged>& acks) {
  std::sort(acks.begin(), acks.end(),
            [](const auto& a, const auto& b) { return a.position < b.position; });
}

// Audits `acks` (sorted by position, non-empty) against the log positions
// acks.front()..acks.back().
Expected<AckAuditReport> AuditSorted(Api& api, std::span<const Acknowledged> acks,
                                     std::uint32_t page_size) {
  AckAuditReport r;
  r.acknowledged = acks.size();
  r.from = acks.front().position;
  r.to = acks.back().position;

  std::size_t next = 0;  // the first acknowledgement not yet matched
  auto scanned = api.ScanEvents(
      r.from, r.to, page_size,
      [&](const nlohmann::json& event) {
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
      },
      /*with_data=*/false);
  if (!scanned.ok()) return scanned.error();
  for (; next < acks.size(); ++next) {
    ++r.missing;
    Note(r, "position " + std::to_string(acks[next].position) + " (" + acks[next].stream +
                ") is beyond the end of the log");
  }
  r.lost = r.acknowledged - r.confirmed;
  return r;
}

// Cuts `sorted` (non-empty) into at most `readers` non-empty contiguous
// slices of about equal size; equal positions stay in one slice.
std::vector<std::span<const Acknowledged>> Slices(const std::vector<Acknowledged>& sorted,
                                                  int readers) {
  std::vector<std::span<const Acknowledged>> slices;
  const std::size_t n = sorted.size(), k = static_cast<std::size_t>(std::max(1, readers));
  std::size_t begin = 0;
  for (std::size_t i = 1; i <= k && begin < n; ++i) {
    std::size_t end = i == k ? n : std::max(begin + 1, n * i / k);
    while (end < n && sorted[end].position == sorted[end - 1].position) ++end;
    slices.emplace_back(sorted.data() + begin, end - begin);
    begin = end;
  }
  return slices;
}

void Add(AckAuditReport& total, const AckAuditReport& part) {
  if (total.acknowledged == 0) total.from = part.from;
  total.to = part.to;
  total.acknowledged += part.acknowledged;
  total.confirmed += part.confirmed;
  total.missing += part.missing;
  total.mismatched += part.mismatched;
  total.duplicates += part.duplicates;
  total.lost += part.lost;
  for (const auto& e : part.examples) Note(total, e);
}

}  // namespace

Expected<AckAuditReport> AuditAcknowledged(Api& api, std::vector<Acknowledged> acks,
                                           std::uint32_t page_size) {
  if (acks.empty()) return AckAuditReport{};
  SortByPosition(acks);
  return AuditSorted(api, acks, page_size);
}

Expected<AckAuditReport> AuditAcknowledgedInParallel(const std::function<Expected<Api>()>& connect,
                                                     std::vector<Acknowledged> acks, int readers,
                                                     std::uint32_t page_size) {
  if (acks.empty()) return AckAuditReport{};
  SortByPosition(acks);
  const auto slices = Slices(acks, readers);
  std::vector<Api> apis;
  apis.reserve(slices.size());
  for (std::size_t i = 0; i < slices.size(); ++i) {
    auto api = connect();
    if (!api.ok()) return api.error();
    apis.push_back(std::move(api).value());
  }
  std::vector<std::optional<Expected<AckAuditReport>>> parts(slices.size());
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 0; i < slices.size(); ++i) {
      threads.emplace_back(
          [&, i] { parts[i].emplace(AuditSorted(apis[i], slices[i], page_size)); });
    }
  }  // joined
  AckAuditReport total;
  for (auto& part : parts) {
    if (!part->ok()) return part->error();
    Add(total, part->value());
  }
  return total;
}

}  // namespace hoering::client
