#include "domain/parties/parties_view.h"

#include "domain/events/decoded_event.h"

namespace hoering::parties {

void PartiesView::Apply(const RecordedEvent& e) {
  Apply(events::DecodeEvent(e));
}

void PartiesView::Apply(const events::DecodedEvent& e) {
  if (const auto* p = e.As<Party>()) by_id_[p->id] = *p;
}

const Party* PartiesView::Find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &it->second;
}

std::vector<Party> PartiesView::List(const std::string& after, std::size_t limit) const {
  std::vector<Party> out;
  for (auto it = by_id_.upper_bound(after); it != by_id_.end() && out.size() < limit; ++it) {
    out.push_back(it->second);
  }
  return out;
}

}  // namespace hoering::parties
