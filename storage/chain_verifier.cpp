#include "storage/chain_verifier.h"

#include "domain/event_codec.h"

namespace hoering {

void ChainVerifier::FailAt(std::uint64_t position, std::string problem) {
  report_.ok = false;
  report_.first_bad = position;
  report_.problem = std::move(problem);
}

void ChainVerifier::Report(const VerifyProgress& progress) const {
  if (progress.report && progress.every > 0 && report_.checked % progress.every == 0) {
    progress.report(report_.checked);
  }
}

bool ChainVerifier::Feed(const RecordedEvent& e) {
  if (!report_.ok) return false;
  const std::uint64_t expected = report_.head.position + 1;
  if (e.position != expected) {
    FailAt(expected, "expected position " + std::to_string(expected) + ", found " +
                         std::to_string(e.position));
    return false;
  }
  if (e.prev_hash != report_.head.hash) {
    FailAt(e.position, "prev_hash does not match the hash of the previous event");
    return false;
  }
  if (!HashMatches(e)) {
    FailAt(e.position, "hash does not match the event's bytes");
    return false;
  }
  std::uint64_t& v = stream_versions_[e.stream];
  if (e.stream_version != v + 1) {
    FailAt(e.position, "stream '" + e.stream + "' version " + std::to_string(e.stream_version) +
                           " follows " + std::to_string(v));
    return false;
  }
  v = e.stream_version;
  report_.head = {e.position, e.hash};
  ++report_.checked;
  return true;
}

}  // namespace hoering
