#include "server/app/point_search.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_set>

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
  out->submitted_at = r.revisions().front().submitted_at;
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

PointSearch::PointSearch(AppContext& ctx, std::size_t budget_bytes, std::size_t max_tail)
    : ctx_(ctx), max_tail_(max_tail), kept_(budget_bytes) {}

PointSearch::Kept PointSearch::Find(const std::string& consultation) {
  std::lock_guard lock(mu_);
  const Kept* kept = kept_.Touch(consultation);
  return kept ? *kept : Kept{};
}

Result<std::shared_ptr<const PointSearch::Responses>> PointSearch::Current(
    const std::string& consultation) {
  const Kept kept = Find(consultation);
  const std::uint64_t head = ctx_.log.Head().position;
  if (kept.responses && kept.position >= head) return kept.responses;
  if (kept.responses) {
    auto caught = CatchUp(consultation, kept, head);
    if (!caught.ok()) return caught.status();
    if (*caught) {
      Keep(consultation, **caught, head);
      return std::move(**caught);
    }
  }
  std::uint64_t position = 0;
  auto checked = FullCheck(consultation, kept, &position);
  if (!checked.ok()) return checked.status();
  Keep(consultation, *checked, position);
  return checked;
}

Result<std::optional<std::shared_ptr<const PointSearch::Responses>>> PointSearch::CatchUp(
    const std::string& consultation, const Kept& kept, std::uint64_t head) {
  using Answer = std::optional<std::shared_ptr<const Responses>>;
  if (head - kept.position > max_tail_) return Answer();
  auto events = ctx_.log.ReadAll(kept.position + 1, head - kept.position);
  if (!events.ok()) return events.status();
  // The response streams the new events touch, in order of their first
  // event here (for a new response: the order of first submission).
  const std::string prefix = cs::ResponseStream("");
  std::vector<std::string> touched;
  std::unordered_set<std::string> seen;
  for (const RecordedEvent& e : *events) {
    if (e.position > head || !e.stream.starts_with(prefix)) continue;
    std::string id = e.stream.substr(prefix.size());
    if (seen.insert(id).second) touched.push_back(std::move(id));
  }
  if (touched.empty()) return Answer(kept.responses);
  std::unordered_map<std::string_view, std::size_t> place;
  for (std::size_t i = 0; i < kept.responses->size(); ++i) {
    place.emplace((*kept.responses)[i]->id, i);
  }
  auto fresh = std::make_shared<Responses>(*kept.responses);
  auto index = ctx_.views.responses();
  std::uint64_t folds = 0;
  for (const std::string& id : touched) {
    const auto at = place.find(id);
    if (at == place.end()) {
      // New to the entry: skip it when the index already files it under
      // another consultation; else fold it and look.
      auto filed = index->Find(id);
      if (!filed.ok()) return filed.status();
      if (*filed && (*filed)->consultation != consultation) continue;
    }
    auto state = LoadResponse(ctx_.log, id);
    ++folds;
    if (!state.ok()) {
      // A stream that holds no response of this entry (e.g. a broken or
      // foreign one) is not this consultation's concern here.
      if (at == place.end()) continue;
      return state.status();
    }
    if (at != place.end()) {
      (*fresh)[at->second] = IndexResponse(**state);
    } else if ((*state)->consultation() == consultation) {
      fresh->push_back(IndexResponse(**state));
    }
  }
  {
    std::lock_guard lock(mu_);
    folds_ += folds;
  }
  return Answer(std::move(fresh));
}

Result<std::shared_ptr<const PointSearch::Responses>> PointSearch::FullCheck(
    const std::string& consultation, const Kept& kept, std::uint64_t* position) {
  std::unordered_map<std::string_view, const std::shared_ptr<const Indexed>*> by_response;
  if (kept.responses) {
    for (const auto& r : *kept.responses) by_response.emplace(r->id, &r);
  }
  auto index = ctx_.views.responses();
  // Read before the listing: every response whose first event is at or
  // below it is listed; later ones are the next search's tail.
  *position = std::min(index->position(), ctx_.log.Head().position);
  auto fresh = std::make_shared<Responses>();
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
        ++folds;
      }
    }
    if (ids->size() < kIdsPerRead) break;
    after = ids->back();
  }
  {
    std::lock_guard lock(mu_);
    folds_ += folds;
    ++full_checks_;
  }
  return std::shared_ptr<const Responses>(std::move(fresh));
}

void PointSearch::Keep(const std::string& consultation, std::shared_ptr<const Responses> responses,
                       std::uint64_t position) {
  std::size_t bytes = 0;
  for (const auto& r : *responses) bytes += CostOf(*r);
  std::lock_guard lock(mu_);
  kept_.Put(consultation, Kept{std::move(responses), position}, bytes);
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
  std::unordered_map<std::string_view, std::size_t> per_section;
  for (std::size_t i = 0; i < (*responses)->size(); ++i) {
    const IndexedResponse& r = *(**responses)[i];
    out.points += r.points.size();
    for (const IndexedPoint& p : r.points) ++per_section[p.section];
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
  for (const auto& [section, n] : per_section) out.sections.emplace(section, n);
  return out;
}

PointSearch::Stats PointSearch::stats() const {
  std::lock_guard lock(mu_);
  return Stats{kept_.size(), kept_.bytes(), folds_, full_checks_};
}

}  // namespace hoering::app
