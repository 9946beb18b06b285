#include "server/web/local_sweep.h"

namespace hoering::web {

Result<std::size_t> SweepLocal(LocalStateStore& store, const std::string& prefix,
                               const std::function<bool(const std::string&)>& expired) {
  constexpr std::size_t kBatch = 1000;
  std::size_t removed = 0;
  std::string after;
  while (true) {
    auto page = store.ScanLocal(prefix, after, kBatch);
    if (!page.ok()) return page.status();
    for (const auto& [key, value] : *page) {
      if (!expired(value)) continue;
      if (Status s = store.DeleteLocal(key); !s.ok()) return s;
      ++removed;
    }
    if (page->size() < kBatch) break;
    after = page->back().first;
  }
  return removed;
}

}  // namespace hoering::web
