#include "server/app/point_search.h"

#include <set>

#include "domain/consultations/response_events.h"
#include "domain/text/search_words.h"
#include "server/app/consultation_access.h"
#include "server/app/response_loader.h"

namespace hoering::app {
namespace {

namespace cs = consultations;
using Indexed = PointSearch::IndexedResponse;

constexpr std::size_t kIdsPerRead = 1000;

std::shared_ptr<const Indexed> IndexResponse(const cs::ResponseState& r) {
  auto out = std::make_shared<Indexed>();
  out->id = r.id();
  out->version = r.version();
  out->party = r.party();
  out->late = r.late();
  out->withdrawn = r.withdrawn();
  const auto& points = r.current().content.points;
  out->points.reserve(points.size());
  for (std::uint32_t n = 1; n <= points.size(); ++n) {
    const cs::Point& p = points[n - 1];
    const cs::DispositionInfo* d = r.CurrentDisposition(n);
    out->points.push_back(
        {n, p.section.value_or(""), d ? cs::OutcomeName(d->outcome) : "", text::WordList(p.text)});
  }
  return out;
}

std::size_t CostOf(const Indexed& r) {
  std::size_t bytes = PointSearch::kResponseOverhead + r.id.size() + r.party.size();
  for (const auto& p : r.points) {
    bytes += PointSearch::kPointOverhead + p.words.size() + p.section.size() + p.outcome.size();
  }
  return bytes;
}

// "<response>/<n>" -> (response, n); nullopt when it does not read so.
std::optional<PointRef> ParseCursor(const std::string& cursor) {
  const auto slash = cursor.rfind('/');
  if (slash == std::string::npos || slash == 0) return std::nullopt;
  std::uint32_t n = 0;
  for (std::size_t i = slash + 1; i < cursor.size(); ++i) {
    if (cursor[i] < '0' || cursor[i] > '9' || n > 100000) return std::nullopt;
    n = n * 10 + static_cast<std::uint32_t>(cursor[i] - '0');
  }
  return PointRef{cursor.substr(0, slash), n};
}

}  // namespace

PointSearch::PointSearch(AppContext& ctx, std::size_t budget_bytes)
    : ctx_(ctx), budget_(budget_bytes) {}

Result<std::shared_ptr<const PointSearch::Responses>> PointSearch::Current(
    const std::string& consultation) {
  std::shared_ptr<const Responses> kept;
  {
    std::lock_guard lock(mu_);
    if (auto it = by_id_.find(consultation); it != by_id_.end()) {
      order_.splice(order_.begin(), order_, it->second);
      kept = it->second->responses;
    }
  }
  std::unordered_map<std::string, const std::shared_ptr<const Indexed>*> by_response;
  if (kept) {
    for (const auto& r : *kept) by_response.emplace(r->id, &r);
  }
  auto index = ctx_.views.responses();
  auto fresh = std::make_shared<Responses>();
  bool changed = !kept;
  std::size_t bytes = 0;
  std::uint64_t folds = 0;
  std::string after;
  while (true) {
    auto ids = index->ResponsesOf(consultation, after, kIdsPerRead);
    if (!ids.ok()) return ids.status();
    for (const std::string& id : *ids) {
      const std::uint64_t version = ctx_.log.StreamVersion(cs::ResponseStream(id));
      auto old = by_response.find(id);
      if (old != by_response.end() && (*old->second)->version == version) {
        fresh->push_back(*old->second);
      } else {
        auto state = LoadResponse(ctx_.log, id);
        if (!state.ok()) return state.status();
        fresh->push_back(IndexResponse(**state));
        changed = true;
        ++folds;
      }
      bytes += CostOf(*fresh->back());
    }
    if (ids->size() < kIdsPerRead) break;
    after = ids->back();
  }
  if (kept && fresh->size() != kept->size()) changed = true;
  {
    std::lock_guard lock(mu_);
    folds_ += folds;
  }
  if (!changed) return kept;
  std::shared_ptr<const Responses> out = std::move(fresh);
  Keep(consultation, out, bytes);
  return out;
}

void PointSearch::Keep(const std::string& consultation, std::shared_ptr<const Responses> responses,
                       std::size_t bytes) {
  std::lock_guard lock(mu_);
  if (auto it = by_id_.find(consultation); it != by_id_.end()) {
    bytes_ -= it->second->bytes;
    order_.erase(it->second);
    by_id_.erase(it);
  }
  if (bytes > budget_) return;
  order_.push_front(Entry{consultation, std::move(responses), bytes});
  by_id_.emplace(order_.front().consultation, order_.begin());
  bytes_ += bytes;
  while (bytes_ > budget_ && !order_.empty()) {
    bytes_ -= order_.back().bytes;
    by_id_.erase(order_.back().consultation);
    order_.pop_back();
  }
}

Result<PointsFound> PointSearch::Search(const std::string& consultation, const PointFilter& filter,
                                        const std::string& after, std::size_t limit) {
  if (auto c = LoadConsultation(ctx_, consultation); !c.ok()) return c.status();
  auto responses = Current(consultation);
  if (!responses.ok()) return responses.status();
  const std::vector<std::string> prefixes = text::SearchWords(filter.query);
  // The parties of the kind asked for, among those that answered.
  std::set<std::string> answered;
  for (const auto& r : **responses) answered.insert(r->party);
  std::set<std::string> of_kind;
  if (!filter.party_kind.empty()) {
    ctx_.views.Read([&](const Views& v) {
      for (const auto& p : answered) {
        const parties::Party* found = v.parties.Find(p);
        if (found && found->kind == filter.party_kind) of_kind.insert(p);
      }
      return 0;
    });
  }
  // Where the page starts: after the cursor's point, in the order of the
  // list, whether or not that point still matches; an unknown cursor starts
  // from the first.
  const std::optional<PointRef> cursor = ParseCursor(after);
  std::size_t start_response = 0;
  std::uint32_t start_after_n = 0;
  if (cursor) {
    for (std::size_t i = 0; i < (*responses)->size(); ++i) {
      if ((**responses)[i]->id == cursor->response) {
        start_response = i;
        start_after_n = cursor->n;
        break;
      }
    }
  }
  PointsFound out;
  out.parties.assign(answered.begin(), answered.end());
  for (std::size_t i = 0; i < (*responses)->size(); ++i) {
    const IndexedResponse& r = *(**responses)[i];
    out.points += r.points.size();
    if (!filter.party.empty() && r.party != filter.party) continue;
    if (!filter.party_kind.empty() && !of_kind.contains(r.party)) continue;
    if (filter.late && r.late != *filter.late) continue;
    if (filter.withdrawn && r.withdrawn != *filter.withdrawn) continue;
    for (const IndexedPoint& p : r.points) {
      if (!filter.section.empty() &&
          p.section != (filter.section == kWholeText ? std::string() : filter.section)) {
        continue;
      }
      if (!filter.outcome.empty() &&
          p.outcome != (filter.outcome == kNoDisposition ? std::string() : filter.outcome)) {
        continue;
      }
      if (!prefixes.empty() && !text::MatchesAllPrefixes(p.words, prefixes)) continue;
      ++out.total;
      if (i < start_response || (i == start_response && p.n <= start_after_n)) continue;
      if (out.items.size() < limit) {
        out.items.push_back({r.id, p.n});
      } else if (!out.next) {
        out.next = out.items.back().response + "/" + std::to_string(out.items.back().n);
      }
    }
  }
  return out;
}

PointSearch::Stats PointSearch::stats() const {
  std::lock_guard lock(mu_);
  return Stats{order_.size(), bytes_, folds_};
}

}  // namespace hoering::app
