#include "server/app/response_index.h"

#include <simdjson.h>

#include <charconv>
#include <cstdio>
#include <cstring>
#include <map>

#include "domain/consultations/response_events.h"
#include "domain/decimal.h"
#include "domain/ids.h"

namespace hoering::app {

namespace {

constexpr std::size_t kScanPage = 512;

std::string Hex16(std::uint64_t n) {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(n));
  return std::string(out, 16);
}

std::vector<std::string_view> SplitTabs(std::string_view s) {
  std::vector<std::string_view> out;
  for (;;) {
    const auto tab = s.find('\t');
    out.push_back(s.substr(0, tab));
    if (tab == std::string_view::npos) return out;
    s.remove_prefix(tab + 1);
  }
}

Status Damaged(const std::string& key) {
  return Status(Code::kCorruption, "the response index entry '" + key + "' is malformed",
                "projection-corrupt");
}

Result<IndexedResponse> DecodeResponse(const std::string& key, std::string_view value) {
  auto parts = SplitTabs(value);
  auto seq = parts.size() == 3 ? ParseDecimal<std::uint64_t>(parts[1]) : std::nullopt;
  if (!seq) return Damaged(key);
  return IndexedResponse{std::string(parts[0]), *seq, parts[2].find('l') != std::string_view::npos,
                         parts[2].find('w') != std::string_view::npos};
}

std::string EncodeResponse(const IndexedResponse& r) {
  return r.consultation + "\t" + std::to_string(r.seq) + "\t" + (r.late ? "l" : "") +
         (r.withdrawn ? "w" : "");
}

Result<ResponseCounts> DecodeCounts(const std::string& key, std::string_view value) {
  auto parts = SplitTabs(value);
  if (parts.size() != 3) return Damaged(key);
  auto s = ParseDecimal<std::uint64_t>(parts[0]), w = ParseDecimal<std::uint64_t>(parts[1]),
       l = ParseDecimal<std::uint64_t>(parts[2]);
  if (!s || !w || !l) return Damaged(key);
  return ResponseCounts{*s, *w, *l};
}

std::string EncodeCounts(const ResponseCounts& c) {
  return std::to_string(c.submitted) + "\t" + std::to_string(c.withdrawn) + "\t" +
         std::to_string(c.late);
}

}  // namespace

struct ResponseIndex::Parser {
  simdjson::ondemand::parser parser;
  simdjson::padded_string buffer;

  // {"consultation", "late"} of a ResponseSubmitted's data; nullopt when the
  // data is no JSON object with a string "consultation".
  std::optional<std::pair<std::string, bool>> Submitted(const std::string& data) {
    if (buffer.size() < data.size()) buffer = simdjson::padded_string(data.size() * 2);
    std::memcpy(buffer.data(), data.data(), data.size());
    simdjson::ondemand::document doc;
    if (parser.iterate(buffer.data(), data.size(), buffer.size() + simdjson::SIMDJSON_PADDING)
            .get(doc)) {
      return std::nullopt;
    }
    std::string_view consultation;
    if (doc["consultation"].get_string().get(consultation)) return std::nullopt;
    std::string id(consultation);
    bool late = false;
    if (doc["late"].get_bool().get(late)) late = false;
    return std::make_pair(std::move(id), late);
  }
};

// The changes of one Apply(): reads see the writes made before them in the
// same call, and nothing is stored until Commit().
class ResponseIndex::Batch {
 public:
  Batch(ProjectionStore& store, const std::string& prefix) : store_(store), prefix_(prefix) {}

  Result<std::optional<std::string>> Get(const std::string& key) {
    if (auto it = pending_.find(key); it != pending_.end()) return it->second;
    return store_.GetProjection(prefix_ + key);
  }
  void Put(const std::string& key, std::string value) { pending_[key] = std::move(value); }

  // Every change, then the position they reach.
  std::vector<ProjectionWrite> Writes(std::uint64_t position) {
    std::vector<ProjectionWrite> writes;
    writes.reserve(pending_.size() + 1);
    for (auto& [key, value] : pending_) writes.push_back({prefix_ + key, std::move(value)});
    writes.push_back({prefix_ + "at", std::to_string(position)});
    return writes;
  }

 private:
  ProjectionStore& store_;
  const std::string& prefix_;
  std::map<std::string, std::optional<std::string>> pending_;
};

ResponseIndex::ResponseIndex(ProjectionStore& store, std::string prefix)
    : store_(store), prefix_(std::move(prefix)), parser_(std::make_unique<Parser>()) {}

ResponseIndex::~ResponseIndex() = default;

Result<std::string> ResponseIndex::LivePrefix(const ProjectionStore& store) {
  auto live = store.GetProjection(kLiveIndexKey);
  if (!live.ok()) return live.status();
  if (!live->has_value()) return std::string("ri0/");
  if (**live != "ri0/" && **live != "ri1/") return Damaged(kLiveIndexKey);
  return **live;
}

std::string ResponseIndex::OtherPrefix(const std::string& prefix) {
  return prefix == "ri0/" ? "ri1/" : "ri0/";
}

Status ResponseIndex::MakeLive() {
  return store_.WriteProjections({{kLiveIndexKey, prefix_}});
}

Status ResponseIndex::Load() {
  auto at = store_.GetProjection(prefix_ + "at");
  if (!at.ok()) return at.status();
  std::uint64_t position = 0;
  if (at->has_value()) {
    auto n = ParseDecimal<std::uint64_t>(**at);
    if (!n) return Damaged(prefix_ + "at");
    position = *n;
  }
  position_.store(position, std::memory_order_release);
  return Status::Ok();
}

Status ResponseIndex::Clear() {
  if (Status s = store_.DeleteProjections(prefix_); !s.ok()) return s;
  position_.store(0, std::memory_order_release);
  return Status::Ok();
}

Status ResponseIndex::Apply(const std::vector<RecordedEvent>& events) {
  auto folded = Fold(events);
  if (!folded.ok()) return folded.status();
  if (!*folded) return Status::Ok();
  if (Status s = store_.WriteProjections((*folded)->writes); !s.ok()) return s;
  MarkStored((*folded)->position);
  return Status::Ok();
}

void ResponseIndex::MarkStored(std::uint64_t position) {
  position_.store(position, std::memory_order_release);
}

Result<std::optional<IndexWrites>> ResponseIndex::Fold(const std::vector<RecordedEvent>& events) {
  Batch batch(store_, prefix_);
  std::uint64_t at = position();
  const std::uint64_t before = at;
  for (const RecordedEvent& e : events) {
    if (e.position <= at) continue;
    at = e.position;
    const auto response_id = consultations::ResponseIdOf(e.stream);
    if (!response_id) continue;
    const std::string response(*response_id);
    if (e.type == consultations::kResponseSubmitted && e.stream_version == 1) {
      auto fields = parser_->Submitted(e.data);
      if (!fields || !ValidateId(fields->first, "consultation").ok()) continue;
      const std::string counts_key = "n/" + fields->first;
      auto stored = batch.Get(counts_key);
      if (!stored.ok()) return stored.status();
      ResponseCounts counts;
      if (stored->has_value()) {
        auto decoded = DecodeCounts(prefix_ + counts_key, **stored);
        if (!decoded.ok()) return decoded.status();
        counts = *decoded;
      }
      const IndexedResponse entry{fields->first, counts.submitted, fields->second, false};
      batch.Put("r/" + response, EncodeResponse(entry));
      batch.Put("c/" + entry.consultation + "/" + Hex16(entry.seq), response);
      counts.submitted += 1;
      counts.late += entry.late ? 1 : 0;
      batch.Put(counts_key, EncodeCounts(counts));
    } else if (e.type == consultations::kResponseWithdrawn) {
      auto stored = batch.Get("r/" + response);
      if (!stored.ok()) return stored.status();
      if (!stored->has_value()) continue;
      auto entry = DecodeResponse(prefix_ + "r/" + response, **stored);
      if (!entry.ok()) return entry.status();
      if (entry->withdrawn) continue;
      entry->withdrawn = true;
      const std::string counts_key = "n/" + entry->consultation;
      auto counts_text = batch.Get(counts_key);
      if (!counts_text.ok()) return counts_text.status();
      if (!counts_text->has_value()) return Damaged(prefix_ + counts_key);
      auto counts = DecodeCounts(prefix_ + counts_key, **counts_text);
      if (!counts.ok()) return counts.status();
      counts->withdrawn += 1;
      batch.Put("r/" + response, EncodeResponse(*entry));
      batch.Put(counts_key, EncodeCounts(*counts));
    }
  }
  if (at == before) return std::optional<IndexWrites>{};
  return std::optional<IndexWrites>(IndexWrites{batch.Writes(at), at});
}

Result<std::optional<IndexedResponse>> ResponseIndex::Find(const std::string& response) const {
  const std::string key = prefix_ + "r/" + response;
  auto stored = store_.GetProjection(key);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) return std::optional<IndexedResponse>{};
  auto entry = DecodeResponse(key, **stored);
  if (!entry.ok()) return entry.status();
  return std::optional<IndexedResponse>(std::move(entry).value());
}

Result<ResponseCounts> ResponseIndex::CountsOf(const std::string& consultation) const {
  const std::string key = prefix_ + "n/" + consultation;
  auto stored = store_.GetProjection(key);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) return ResponseCounts{};
  return DecodeCounts(key, **stored);
}

Result<std::vector<std::string>> ResponseIndex::ResponsesOf(const std::string& consultation,
                                                            const std::string& after,
                                                            std::size_t limit) const {
  const std::string list = prefix_ + "c/" + consultation + "/";
  std::string from;
  if (!after.empty()) {
    auto found = Find(after);
    if (!found.ok()) return found.status();
    if (!found->has_value() || (*found)->consultation != consultation) {
      return std::vector<std::string>{};
    }
    from = list + Hex16((*found)->seq);
  }
  std::vector<std::string> out;
  while (out.size() < limit) {
    const std::size_t want = std::min(limit - out.size(), kScanPage);
    auto page = store_.ScanProjections(list, from, want);
    if (!page.ok()) return page.status();
    for (auto& [key, id] : *page) out.push_back(std::move(id));
    if (page->size() < want) break;
    from = page->back().first;
  }
  return out;
}

Result<std::optional<std::string>> ResponseIndex::FirstDifference(const ProjectionStore& store,
                                                                  const std::string& a,
                                                                  const std::string& b) {
  std::string after_a, after_b;
  for (;;) {
    auto pa = store.ScanProjections(a, after_a, kScanPage);
    if (!pa.ok()) return pa.status();
    auto pb = store.ScanProjections(b, after_b, kScanPage);
    if (!pb.ok()) return pb.status();
    std::size_t i = 0, j = 0;
    for (; i < pa->size() && j < pb->size(); ++i, ++j) {
      std::string_view ka = std::string_view((*pa)[i].first).substr(a.size());
      std::string_view kb = std::string_view((*pb)[j].first).substr(b.size());
      if (ka == "at" && kb == "at") continue;
      if (ka != kb || (*pa)[i].second != (*pb)[j].second) {
        return std::optional<std::string>(std::string(std::min(ka, kb)));
      }
    }
    if (i < pa->size() || j < pb->size()) {
      const auto& rest =
          i < pa->size() ? (*pa)[i].first.substr(a.size()) : (*pb)[j].first.substr(b.size());
      return std::optional<std::string>(rest);
    }
    if (pa->empty() && pb->empty()) return std::optional<std::string>{};
    if (!pa->empty()) after_a = pa->back().first;
    if (!pb->empty()) after_b = pb->back().first;
    if (pa->size() < kScanPage && pb->size() < kScanPage) return std::optional<std::string>{};
  }
}

}  // namespace hoering::app
