// ConsultationsView::ResponseShard, MergeResponsesFrom and TakeResponseShard:
// the pieces that let a fold from position 1, and a checkpoint, handle the
// response streams in parallel shards.
#include <functional>

#include "domain/consultations/consultations_view.h"

namespace hoering::consultations {

namespace {
std::size_t ShardOf(std::string_view response_id, std::size_t shards) {
  return std::hash<std::string_view>{}(response_id) % shards;
}
}  // namespace

std::optional<std::size_t> ConsultationsView::ResponseShard(const RecordedEvent& e,
                                                            std::size_t shards) {
  constexpr std::string_view kPrefix = "response-";
  if (shards == 0 || e.stream.compare(0, kPrefix.size(), kPrefix) != 0) return std::nullopt;
  return ShardOf(std::string_view(e.stream).substr(kPrefix.size()), shards);
}

ConsultationsView ConsultationsView::TakeResponseShard(std::size_t shard, std::size_t shards) {
  ConsultationsView out;
  if (shards == 0) return out;
  for (auto it = responses_.begin(); it != responses_.end();) {
    if (ShardOf(it->first, shards) == shard) {
      out.responses_.emplace(it->first, std::move(it->second));
      it = responses_.erase(it);
    } else {
      ++it;
    }
  }
  for (auto& [consultation, ids] : by_consultation_) {
    std::vector<std::string> kept;
    for (auto& id : ids) {
      if (ShardOf(id, shards) == shard) {
        out.by_consultation_[consultation].push_back(std::move(id));
      } else {
        kept.push_back(std::move(id));
      }
    }
    ids = std::move(kept);
  }
  return out;
}

void ConsultationsView::MergeResponsesFrom(ConsultationsView&& other) {
  for (auto& [id, entry] : other.responses_) responses_[id] = std::move(entry);
  // A response is listed when its first revision is folded, which is the
  // event at its first_position(): both lists are sorted by it.
  auto first = [this](const std::string& id) {
    auto it = responses_.find(id);
    return it != responses_.end() && it->second.state ? it->second.state->first_position() : 0;
  };
  for (auto& [consultation, theirs] : other.by_consultation_) {
    auto& ours = by_consultation_[consultation];
    std::vector<std::string> merged;
    merged.reserve(ours.size() + theirs.size());
    std::size_t i = 0, j = 0;
    while (i < ours.size() || j < theirs.size()) {
      if (j == theirs.size() || (i < ours.size() && first(ours[i]) < first(theirs[j]))) {
        merged.push_back(std::move(ours[i++]));
      } else {
        merged.push_back(std::move(theirs[j++]));
      }
    }
    ours = std::move(merged);
  }
  other = ConsultationsView();
}

}  // namespace hoering::consultations
