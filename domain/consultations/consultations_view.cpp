#include "domain/consultations/consultations_view.h"

#include "domain/decimal.h"
#include "domain/events/decoded_event.h"

namespace hoering::consultations {

namespace {

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

std::optional<std::uint32_t> PointNumber(const std::string& text) {
  auto n = ParseDecimal<std::uint32_t>(text);
  if (n && *n == 0) return std::nullopt;
  return n;
}

}  // namespace

ConsultationState& ConsultationsView::Mutable(Entry& entry) {
  if (!entry.state) {
    entry.state = std::make_shared<ConsultationState>();
  } else if (entry.state.use_count() > 1) {
    entry.state = std::make_shared<ConsultationState>(*entry.state);  // a reader holds the old one
  }
  return *entry.state;
}

void ConsultationsView::Apply(const RecordedEvent& e) {
  Apply(events::DecodeEvent(e));
}

void ConsultationsView::Apply(const events::DecodedEvent& d) {
  const RecordedEvent& e = d.envelope;
  if (StartsWith(e.stream, "consultation-")) {
    auto& entry = consultations_[e.stream.substr(13)];
    if (!entry.broken.ok()) return;
    if (Status s = Mutable(entry).Apply(d); !s.ok()) entry.broken = s;
  } else if (StartsWith(e.stream, "agreement-")) {
    if (const auto* change = d.As<agreements::ChangeSetRecorded>()) ApplyCitations(e, *change);
  }
}

void ConsultationsView::ApplyCitations(const RecordedEvent& e,
                                       const agreements::ChangeSetRecorded& change) {
  for (const auto& cite : change.cites) {
    auto n = PointNumber(cite.point);
    if (!n) continue;
    citations_[{cite.response, *n}].push_back({change.agreement, change.change, e.position});
  }
}

Result<std::shared_ptr<const ConsultationState>> ConsultationsView::GetConsultation(
    const std::string& id) const {
  auto it = consultations_.find(id);
  if (it == consultations_.end() || !it->second.state) {
    return NotFound("consultation '" + id + "' does not exist", "consultation-not-found");
  }
  if (!it->second.broken.ok()) return it->second.broken;
  if (!it->second.state->exists()) {
    return NotFound("consultation '" + id + "' does not exist", "consultation-not-found");
  }
  return std::shared_ptr<const ConsultationState>(it->second.state);
}

std::vector<std::shared_ptr<const ConsultationState>> ConsultationsView::ListConsultations(
    const std::string& after, std::size_t limit, const std::string& agreement) const {
  std::vector<std::shared_ptr<const ConsultationState>> out;
  for (auto it = consultations_.upper_bound(after); it != consultations_.end(); ++it) {
    if (out.size() >= limit) break;
    const auto& s = it->second.state;
    if (!s || !it->second.broken.ok() || !s->exists()) continue;
    if (!agreement.empty() && s->info().agreement != agreement) continue;
    out.push_back(s);
  }
  return out;
}

std::vector<Citation> ConsultationsView::CitationsOf(const std::string& response,
                                                     std::uint32_t point) const {
  auto it = citations_.find({response, point});
  return it == citations_.end() ? std::vector<Citation>{} : it->second;
}

std::vector<PointCitation> ConsultationsView::CitationsOfResponse(
    const std::string& response) const {
  std::vector<PointCitation> out;
  for (auto it = citations_.lower_bound({response, 0});
       it != citations_.end() && it->first.first == response; ++it) {
    for (const Citation& c : it->second) out.push_back({it->first.second, c});
  }
  return out;
}

Status CheckCite(const std::string& agreement, const agreements::Cite& cite,
                 const ResponseState* response) {
  auto invalid = [&](const std::string& why) {
    return Unprocessable(
        "citation {response: '" + cite.response + "', point: " + cite.point + "}: " + why,
        "invalid-citation");
  };
  if (response == nullptr || !response->exists()) return invalid("no such response");
  const ResponseState& r = *response;
  if (r.agreement() != agreement) {
    return invalid("the response answers a consultation on agreement '" + r.agreement() + "'");
  }
  auto n = PointNumber(cite.point);
  if (!n) return invalid("points are numbered from 1");
  if (*n > r.current().content.points.size()) {
    return invalid("the response has " + std::to_string(r.current().content.points.size()) +
                   " points");
  }
  return Status::Ok();
}

}  // namespace hoering::consultations
