#include "storage/memory_key_values.h"

namespace hoering {

void MemoryKeyValues::Put(const std::string& key, const std::string& value) {
  std::lock_guard lock(mu_);
  map_[key] = value;
}

std::optional<std::string> MemoryKeyValues::Get(const std::string& key) const {
  std::lock_guard lock(mu_);
  auto it = map_.find(key);
  if (it == map_.end()) return std::nullopt;
  return it->second;
}

void MemoryKeyValues::Delete(const std::string& key) {
  std::lock_guard lock(mu_);
  map_.erase(key);
}

void MemoryKeyValues::Write(const std::vector<ProjectionWrite>& writes) {
  std::lock_guard lock(mu_);
  for (const auto& w : writes) {
    if (w.value) {
      map_[w.key] = *w.value;
    } else {
      map_.erase(w.key);
    }
  }
}

ProjectionEntries MemoryKeyValues::Scan(const std::string& prefix, const std::string& after,
                                        std::size_t limit) const {
  std::lock_guard lock(mu_);
  ProjectionEntries out;
  auto it = after < prefix ? map_.lower_bound(prefix) : map_.upper_bound(after);
  for (; it != map_.end() && out.size() < limit; ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    out.emplace_back(it->first, it->second);
  }
  return out;
}

void MemoryKeyValues::DeletePrefix(const std::string& prefix) {
  std::lock_guard lock(mu_);
  auto it = map_.lower_bound(prefix);
  while (it != map_.end() && it->first.compare(0, prefix.size(), prefix) == 0) {
    it = map_.erase(it);
  }
}

}  // namespace hoering
