#include "domain/agreements/agreements_view.h"

#include "domain/events/decoded_event.h"

namespace hoering::agreements {
namespace {
constexpr std::string_view kPrefix = "agreement-";
}

void AgreementsView::Apply(const RecordedEvent& e) {
  Apply(events::DecodeEvent(e));
}

void AgreementsView::Apply(const events::DecodedEvent& d) {
  const RecordedEvent& e = d.envelope;
  if (e.stream.compare(0, kPrefix.size(), kPrefix) != 0) return;
  Entry& entry = by_id_[e.stream.substr(kPrefix.size())];
  if (!entry.broken.ok()) return;
  if (!entry.state) {
    entry.state = std::make_shared<AgreementState>(kViewFoldOptions);
  } else if (entry.state.use_count() > 1) {
    entry.state = std::make_shared<AgreementState>(*entry.state);  // a reader holds the old one
  }
  if (Status s = entry.state->Apply(d); !s.ok()) entry.broken = s;
}

Result<std::shared_ptr<const AgreementState>> AgreementsView::Get(const std::string& id) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end() || !it->second.state || !it->second.state->exists()) {
    if (it != by_id_.end() && !it->second.broken.ok()) return it->second.broken;
    return NotFound("agreement '" + id + "' does not exist", "agreement-not-found");
  }
  if (!it->second.broken.ok()) return it->second.broken;
  return std::shared_ptr<const AgreementState>(it->second.state);
}

std::vector<std::shared_ptr<const AgreementState>> AgreementsView::List(const std::string& after,
                                                                        std::size_t limit) const {
  std::vector<std::shared_ptr<const AgreementState>> out;
  for (auto it = by_id_.upper_bound(after); it != by_id_.end() && out.size() < limit; ++it) {
    if (it->second.state && it->second.state->exists() && it->second.broken.ok()) {
      out.push_back(it->second.state);
    }
  }
  return out;
}

}  // namespace hoering::agreements
