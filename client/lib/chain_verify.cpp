#include "client/lib/chain_verify.h"

#include "domain/event_codec.h"
#include "domain/sha256.h"
#include "domain/time.h"

namespace hoering::client {

ChainVerifier::ChainVerifier(std::optional<Hash> anchor) : anchor_(anchor) {}

bool ChainVerifier::Fail(std::uint64_t position, std::string problem) {
  report_.ok = false;
  report_.first_bad = position;
  report_.problem = std::move(problem);
  return false;
}

bool ChainVerifier::Add(const RecordedEvent& e) {
  if (!report_.ok) return false;
  ++report_.checked;
  const auto at = " at position " + std::to_string(e.position);
  if (!started_) {
    started_ = true;
    track_streams_ = e.position == 1;
    if (e.position == 0) return Fail(0, "positions start at 1");
    if (anchor_ && e.prev_hash != *anchor_) {
      return Fail(e.position, "prev_hash" + at + " is " + ToHex(e.prev_hash) +
                                  ", expected the anchor " + ToHex(*anchor_));
    }
    if (!anchor_ && e.position == 1 && e.prev_hash != Hash{}) {
      return Fail(e.position, "the first event's prev_hash is not all zeros");
    }
  } else {
    if (e.position != report_.head_position + 1) {
      return Fail(e.position, "gap: expected position " +
                                  std::to_string(report_.head_position + 1) + ", got " +
                                  std::to_string(e.position));
    }
    if (e.prev_hash != report_.head_hash) {
      return Fail(e.position, "prev_hash" + at + " does not link to the hash of position " +
                                  std::to_string(report_.head_position));
    }
  }
  if (!HashMatches(e)) {
    return Fail(e.position, "hash" + at + " does not match its contents (stored " + ToHex(e.hash) +
                                ", computed " + ToHex(ChainHash(e.prev_hash, e)) + ")");
  }
  if (track_streams_) {
    std::uint64_t& version = stream_versions_[e.stream];
    if (e.stream_version != version + 1) {
      return Fail(e.position, "stream " + e.stream + " jumps from version " +
                                  std::to_string(version) + " to " +
                                  std::to_string(e.stream_version) + at);
    }
    version = e.stream_version;
  }
  report_.head_position = e.position;
  report_.head_hash = e.hash;
  return true;
}

bool ChainVerifier::Add(const nlohmann::json& j) {
  if (!report_.ok) return false;
  const std::uint64_t position =
      j.is_object() && j.contains("position") && j["position"].is_number_unsigned()
          ? j["position"].get<std::uint64_t>()
          : report_.head_position + 1;
  auto e = EventFromJson(j);
  if (!e.ok()) {
    ++report_.checked;
    return Fail(position, "unreadable event: " + e.status().detail());
  }
  // The hash covers data_canonical and recorded_at_ms; the friendly views
  // next to them must say the same thing (mirrors EventToJson).
  auto data = nlohmann::json::parse(e->data, nullptr, /*allow_exceptions=*/false);
  if (data.is_discarded()) data = e->data;
  const auto at = " at position " + std::to_string(position);
  if (!j.contains("data") || j["data"] != data) {
    ++report_.checked;
    return Fail(position, "data" + at + " differs from data_canonical");
  }
  if (!j.contains("recorded_at") || j["recorded_at"] != FormatRfc3339Ms(e->recorded_at_ms)) {
    ++report_.checked;
    return Fail(position, "recorded_at" + at + " differs from recorded_at_ms");
  }
  return Add(e.value());
}

ChainReport VerifyChainLocally(const std::vector<RecordedEvent>& events,
                               std::optional<Hash> anchor) {
  ChainVerifier v(anchor);
  for (const auto& e : events) {
    if (!v.Add(e)) break;
  }
  return v.report();
}

ChainReport VerifyChainLocally(const std::vector<nlohmann::json>& events,
                               std::optional<Hash> anchor) {
  ChainVerifier v(anchor);
  for (const auto& e : events) {
    if (!v.Add(e)) break;
  }
  return v.report();
}

}  // namespace hoering::client
