#include "domain/decisions/decisions_view.h"

#include "domain/events/decoded_event.h"
#include "domain/sha256.h"

namespace hoering::decisions {

namespace {
bool StartsWith(const std::string& s, std::string_view p) {
  return s.compare(0, p.size(), p) == 0;
}
}  // namespace

void DecisionsView::Apply(const RecordedEvent& e) {
  Apply(events::DecodeEvent(e));
}

void DecisionsView::Apply(const events::DecodedEvent& d) {
  const RecordedEvent& e = d.envelope;
  if (StartsWith(e.stream, "obligations-") && e.type == kObligationFulfilled) {
    if (const auto* o = d.As<ObligationFulfilled>()) {
      obligations_[o->agreement][o->obligation] = {o->evidence, e.recorded_at_ms, e.position,
                                                   e.actor};
    }
    return;
  }
  if (!StartsWith(e.stream, "decision-")) return;
  Entry& entry = by_id_[e.stream.substr(9)];
  if (!entry.broken.ok()) return;
  auto next = entry.state ? std::make_shared<DecisionInfo>(*entry.state)  // copy-on-write
                          : std::make_shared<DecisionInfo>();
  ++next->version;
  if (e.type == kDecisionRecorded || e.type == kConditionFulfilled) {
    if (!d.payload.ok()) {
      entry.broken = d.payload.status();
      return;
    }
  }
  if (const auto* recorded = d.As<DecisionRecorded>()) {
    next->data = *recorded;
    next->position = e.position;
    next->hash = ToHex(e.hash);
    next->recorded_at_ms = e.recorded_at_ms;
    next->actor = e.actor;
    by_agreement_[next->data.subject.agreement].push_back(next->data.id);
  } else if (const auto* f = d.As<ConditionFulfilled>()) {
    next->fulfilled[f->condition] = {f->evidence, e.recorded_at_ms, e.position, e.actor};
  }
  entry.state = std::move(next);
}

Result<std::shared_ptr<const DecisionInfo>> DecisionsView::Get(const std::string& id) const {
  auto it = by_id_.find(id);
  if (it != by_id_.end() && !it->second.broken.ok()) return it->second.broken;
  if (it == by_id_.end() || !it->second.state || it->second.state->position == 0) {
    return NotFound("decision '" + id + "' does not exist", "decision-not-found");
  }
  return std::shared_ptr<const DecisionInfo>(it->second.state);
}

std::vector<std::shared_ptr<const DecisionInfo>> DecisionsView::OnAgreement(
    const std::string& agreement) const {
  std::vector<std::shared_ptr<const DecisionInfo>> out;
  auto it = by_agreement_.find(agreement);
  if (it == by_agreement_.end()) return out;
  for (const auto& id : it->second) {
    auto d = Get(id);
    if (d.ok()) out.push_back(*d);
  }
  return out;
}

std::vector<std::shared_ptr<const DecisionInfo>> DecisionsView::List(const std::string& after,
                                                                     std::size_t limit) const {
  std::vector<std::shared_ptr<const DecisionInfo>> out;
  for (auto it = by_id_.upper_bound(after); it != by_id_.end() && out.size() < limit; ++it) {
    if (it->second.broken.ok() && it->second.state && it->second.state->position != 0) {
      out.push_back(it->second.state);
    }
  }
  return out;
}

std::map<std::string, Fulfilment> DecisionsView::Obligations(const std::string& agreement) const {
  auto it = obligations_.find(agreement);
  return it == obligations_.end() ? std::map<std::string, Fulfilment>{} : it->second;
}

}  // namespace hoering::decisions
