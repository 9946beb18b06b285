// The versions of recently written streams, kept so that the commit path and
// StreamVersion() need not read stream_heads for a stream just written.
// Two generations: a lookup checks the newer, then the older (a hit there
// moves to the newer); when the newer holds `per_generation` streams it
// becomes the older and the older is dropped. At most 2 x per_generation
// streams are kept, so the memory does not grow with the log (the map it
// replaces kept every stream written since the start). A miss means "read
// the store": the store writes a version before it is Put here.
//
// Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace hoering {

class RecentStreamVersions {
 public:
  explicit RecentStreamVersions(std::size_t per_generation) : per_generation_(per_generation) {}

  std::optional<std::uint64_t> Find(const std::string& stream) {
    std::lock_guard lock(mu_);
    if (auto it = newer_.find(stream); it != newer_.end()) return it->second;
    auto it = older_.find(stream);
    if (it == older_.end()) return std::nullopt;
    const std::uint64_t version = it->second;
    older_.erase(it);
    PutLocked(stream, version);
    return version;
  }

  void Put(const std::string& stream, std::uint64_t version) {
    std::lock_guard lock(mu_);
    older_.erase(stream);
    PutLocked(stream, version);
  }

  std::size_t size() const {
    std::lock_guard lock(mu_);
    return newer_.size() + older_.size();
  }

 private:
  void PutLocked(const std::string& stream, std::uint64_t version) {
    if (newer_.size() >= per_generation_ && !newer_.contains(stream)) {
      older_ = std::move(newer_);
      newer_.clear();
    }
    newer_[stream] = version;
  }

  const std::size_t per_generation_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, std::uint64_t> newer_;  // GUARDED_BY(mu_)
  std::unordered_map<std::string, std::uint64_t> older_;  // GUARDED_BY(mu_)
};

}  // namespace hoering
