#include "domain/consultations/report_pieces.h"

#include <algorithm>

#include "domain/consultations/consultation_json.h"

namespace hoering::consultations {

using nlohmann::json;
namespace ag = agreements;

namespace {

json Nullable(const std::optional<std::string>& s) {
  return s ? json(*s) : json();
}

// Current disposition changes and citing changes of a point, without repeats.
std::vector<std::string> ChangesOfPoint(const ReportFacts& in, const ResponseState& r,
                                        std::uint32_t n) {
  std::vector<std::string> out;
  if (const DispositionInfo* d = r.CurrentDisposition(n)) out = d->changes;
  if (in.cited_by) {
    for (const auto& c : in.cited_by(r.id(), n)) {
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
  }
  return out;
}

json ConsultationFacts(const ReportFacts& in) {
  const ConsultationState& c = *in.consultation;
  json extensions = json::array();
  for (const auto& e : c.extensions()) {
    extensions.push_back({{"closes_at", FormatRfc3339(e.closes_at)},
                          {"reason", e.reason},
                          {"at", FormatRfc3339(e.at)}});
  }
  return {{"id", c.info().id},
          {"title", c.info().title},
          {"agreement", c.info().agreement},
          {"agreement_title", in.agreement ? in.agreement->info().title : ""},
          {"version", VersionRefJson(c.info().version)},
          {"opens_at", FormatRfc3339(c.info().opens_at)},
          {"closes_at", FormatRfc3339(c.closes_at())},
          {"original_closes_at", FormatRfc3339(c.info().closes_at)},
          {"time_zone", c.info().time_zone},
          {"state", PhaseName(c.PhaseAt(in.now))},
          {"closed_at", c.closed_at() ? json(FormatRfc3339(*c.closed_at())) : json()},
          {"close_reason", Nullable(c.close_reason())},
          {"extensions", std::move(extensions)}};
}

json PointEntry(const ReportFacts& in, const ResponseState& r, const Point& p, std::uint32_t n) {
  json entry = {{"n", n},
                {"section", Nullable(p.section)},
                {"quote", Nullable(p.quote)},
                {"text", p.text},
                {"section_heading", nullptr}};
  if (p.section && in.consulted_text) {
    if (const ag::Section* s = in.consulted_text->Find(*p.section)) {
      entry["section_heading"] = s->heading;
    }
  }
  const DispositionInfo* d = r.CurrentDisposition(n);
  entry["disposition"] = d ? json{{"outcome", OutcomeName(d->outcome)},
                                  {"rationale", d->rationale},
                                  {"recorded_at", FormatRfc3339(d->recorded.recorded_at)},
                                  {"changes", d->changes}}
                           : json();
  json changes = json::array();
  for (const auto& id : ChangesOfPoint(in, r, n)) {
    json change = {{"change", id}, {"rationale", ""}, {"sections", json::array()}};
    if (in.agreement) {
      if (const ag::ChangeSetInfo* cs = in.agreement->FindChangeSet(id)) {
        change["rationale"] = cs->data.rationale;
      }
    }
    if (auto it = in.excerpts.find(id); it != in.excerpts.end()) change["sections"] = it->second;
    changes.push_back(std::move(change));
  }
  entry["changes"] = std::move(changes);
  return entry;
}

json ResponseEntry(const ReportFacts& in, const ResponseState& r, Visibility v,
                   const std::string& party_name) {
  const ResponseContent& content = r.current().content;
  json pts = json::array();
  for (std::size_t i = 0; i < content.points.size(); ++i) {
    pts.push_back(PointEntry(in, r, content.points[i], static_cast<std::uint32_t>(i + 1)));
  }
  json attachments = json::array();
  for (const auto& a : content.attachments) attachments.push_back(AttachmentRefJson(a));
  return {
      {"id", r.id()},
      {"party", r.party()},
      {"party_name", party_name},
      {"author", VisibleAuthor(content.author, v)},
      {"publication", PublicationName(content.publication)},
      // A response recorded from another channel counts from when it arrived.
      {"submitted_at",
       FormatRfc3339(r.current().revision == 1 && r.received_at() ? *r.received_at()
                                                                  : r.current().submitted_at)},
      {"first_submitted_at",
       FormatRfc3339(r.received_at().value_or(r.revisions().front().submitted_at))},
      {"received_at", r.received_at() ? json(FormatRfc3339(*r.received_at())) : json()},
      {"revision", r.current().revision},
      {"late", r.late()},
      {"late_reason", Nullable(r.late_reason())},
      {"withdrawn", r.withdrawn()},
      {"withdrawn_at", r.withdrawn() ? json(FormatRfc3339(r.withdrawal()->withdrawn_at)) : json()},
      {"withdrawal_reason", r.withdrawn() ? Nullable(r.withdrawal()->reason) : json()},
      {"summary", Nullable(content.summary)},
      {"attachments", std::move(attachments)},
      {"points", std::move(pts)}};
}

}  // namespace

ReportTally::ReportTally(const ReportFacts& facts)
    : facts_(facts), closed_(facts.consultation->PhaseAt(facts.now) == Phase::kClosed) {
  for (const auto& party : facts.consultation->info().invited) {
    order_.push_back(party);
    listed_.insert(party);
    RowOf(party);
  }
}

ReportTally::Row& ReportTally::RowOf(const std::string& party) {
  auto [it, added] = rows_.try_emplace(party);
  if (added) {
    auto known = facts_.party ? facts_.party(party) : std::nullopt;
    it->second.name = known ? known->name : party;
    it->second.kind = known ? known->kind : "";
    it->second.invited = facts_.consultation->IsInvited(party);
  }
  return it->second;
}

void ReportTally::Add(const ResponseState& r) {
  const auto count = r.current().content.points.size();
  for (std::uint32_t n = 1; n <= count; ++n) {
    for (auto& c : ChangesOfPoint(facts_, r, n)) changes_.insert(std::move(c));
  }
  if (VisibilityOf(facts_.reader, r, closed_) == Visibility::kHidden) return;
  if (listed_.insert(r.party()).second) order_.push_back(r.party());
  Row& row = RowOf(r.party());
  row.responses.push_back(r.id());
  if (!r.withdrawn()) row.responded = true;
  if (r.late()) row.late = true;
  if (r.withdrawn()) row.withdrawn = true;
}

json ReportTally::PartiesJson() const {
  json parties = json::array();
  for (const auto& party : order_) {
    const Row& row = rows_.at(party);
    parties.push_back({{"party", party},
                       {"name", row.name},
                       {"kind", row.kind},
                       {"invited", row.invited},
                       {"responded", row.responded},
                       {"responses", row.responses},
                       {"late", row.late},
                       {"withdrawn", row.withdrawn}});
  }
  return parties;
}

std::string ReportTally::PartyName(const std::string& party) const {
  auto it = rows_.find(party);
  return it == rows_.end() ? party : it->second.name;
}

json ReportHead(const ReportFacts& facts, const ReportTally& tally) {
  return {{"consultation", ConsultationFacts(facts)},
          {"generated_at", FormatRfc3339(facts.now)},
          {"as_of_position", facts.as_of_position},
          {"parties", tally.PartiesJson()}};
}

ReportBody::ReportBody(const ReportFacts& facts, const ReportTally& tally)
    : facts_(facts), tally_(tally) {
  for (const char* key :
       {"accepted", "partially_accepted", "not_accepted", "noted", "out_of_scope", "undecided"}) {
    outcomes_[key] = 0;
  }
}

std::optional<json> ReportBody::Add(const ResponseState& r) {
  const Visibility v = VisibilityOf(facts_.reader, r, tally_.closed());
  if (v == Visibility::kHidden) {
    ++withheld_;
    return std::nullopt;
  }
  if (!r.withdrawn()) {
    const auto count = r.current().content.points.size();
    for (std::uint32_t n = 1; n <= count; ++n) {
      ++points_;
      const DispositionInfo* d = r.CurrentDisposition(n);
      ++outcomes_[d ? OutcomeName(d->outcome) : "undecided"];
    }
  }
  ++shown_;
  withdrawn_ += r.withdrawn() ? 1 : 0;
  late_ += r.late() ? 1 : 0;
  return ResponseEntry(facts_, r, v, tally_.PartyName(r.party()));
}

json ReportBody::Tail() const {
  json outcomes = json::object();
  for (const auto& [key, n] : outcomes_) outcomes[key] = static_cast<int>(n);
  return {{"totals",
           {{"responses", shown_},
            {"withdrawn", withdrawn_},
            {"late", late_},
            {"points", points_},
            {"outcomes", std::move(outcomes)}}},
          {"withheld", withheld_}};
}

}  // namespace hoering::consultations
