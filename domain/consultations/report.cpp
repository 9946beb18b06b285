#include "domain/consultations/report.h"

#include <algorithm>

#include "domain/agreements/section_diff.h"
#include "domain/events/decoded_event.h"

namespace hoering::consultations {

using nlohmann::json;
namespace ag = agreements;

namespace {

json Nullable(const std::optional<std::string>& s) {
  return s ? json(*s) : json();
}

// Current disposition changes and citing changes of a point, without repeats.
std::vector<std::string> ChangesOfPoint(const ReportInput& in, const ResponseState& r,
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

json ConsultationFacts(const ReportInput& in) {
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

json PointEntry(const ReportInput& in, const ResponseState& r, const Point& p, std::uint32_t n,
                const ag::SectionTree* text) {
  json entry = {{"n", n},
                {"section", Nullable(p.section)},
                {"quote", Nullable(p.quote)},
                {"text", p.text},
                {"section_heading", nullptr}};
  if (p.section && text) {
    if (const ag::Section* s = text->Find(*p.section)) entry["section_heading"] = s->heading;
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

}  // namespace

std::set<std::string> ChangesInReport(const ReportInput& in) {
  std::set<std::string> out;
  for (const auto& r : in.responses) {
    const auto count = r->current().content.points.size();
    for (std::uint32_t n = 1; n <= count; ++n) {
      for (auto& c : ChangesOfPoint(in, *r, n)) out.insert(std::move(c));
    }
  }
  return out;
}

Result<std::map<std::string, json>> ChangeExcerpts(std::span<const RecordedEvent> events,
                                                   const std::set<std::string>& changes) {
  std::map<std::string, json> out;
  ag::AgreementState state({.keep_version_texts = false, .verify_version_hashes = false});
  for (const RecordedEvent& e : events) {
    std::optional<ag::SectionTree> before;
    std::string id;
    const events::DecodedEvent d = events::DecodeEvent(e);
    if (const auto* change = d.As<ag::ChangeSetRecorded>()) {
      id = change->change;
      if (changes.count(id)) before = state.text();
    }
    if (Status s = state.Apply(d); !s.ok()) return s;
    if (!before) continue;
    ag::TextDiff diff = ag::DiffTexts(*before, state.text(), {.include_unchanged = false});
    json sections = json::array();
    for (const ag::SectionChange& c : diff.sections) {
      const bool heading_only = !c.body_changed && c.heading_changed;
      sections.push_back(
          {{"id", c.id},
           {"heading", c.heading_to.value_or(c.heading_from.value_or(""))},
           {"status", std::string(ag::StatusName(c.status))},
           {"excerpt", ag::WordDiffToJson(heading_only ? c.heading_diff : c.body_diff)}});
    }
    out[id] = std::move(sections);
  }
  return out;
}

json BuildReport(const ReportInput& in) {
  const ConsultationState& c = *in.consultation;
  const bool closed = c.PhaseAt(in.now) == Phase::kClosed;
  const ag::SectionTree* text = in.consulted_text;
  // Parties: the invited first (in invitation order), then other respondents
  // whose response the reader may see (a hidden one must not reveal its party).
  std::vector<std::string> order = c.info().invited;
  for (const auto& r : in.responses) {
    if (VisibilityOf(in.reader, *r, closed) == Visibility::kHidden) continue;
    if (std::find(order.begin(), order.end(), r->party()) == order.end()) {
      order.push_back(r->party());
    }
  }
  json responses = json::array();
  json totals_outcomes = {{"accepted", 0}, {"partially_accepted", 0}, {"not_accepted", 0},
                          {"noted", 0},    {"out_of_scope", 0},       {"undecided", 0}};
  std::size_t shown = 0, withdrawn = 0, late = 0, points = 0, withheld = 0;
  std::map<std::string, json> party_rows;
  for (const auto& party : order) {
    auto facts = in.party ? in.party(party) : std::nullopt;
    party_rows[party] = {{"party", party},
                         {"name", facts ? facts->name : party},
                         {"kind", facts ? facts->kind : ""},
                         {"invited", c.IsInvited(party)},
                         {"responded", false},
                         {"responses", json::array()},
                         {"late", false},
                         {"withdrawn", false}};
  }
  for (const auto& rp : in.responses) {
    const ResponseState& r = *rp;
    const Visibility v = VisibilityOf(in.reader, r, closed);
    if (v == Visibility::kHidden) {
      ++withheld;
      continue;
    }
    json& row = party_rows[r.party()];
    row["responses"].push_back(r.id());
    if (!r.withdrawn()) row["responded"] = true;
    if (r.late()) row["late"] = true;
    if (r.withdrawn()) row["withdrawn"] = true;
    const ResponseContent& content = r.current().content;
    json pts = json::array();
    for (std::size_t i = 0; i < content.points.size(); ++i) {
      const auto n = static_cast<std::uint32_t>(i + 1);
      pts.push_back(PointEntry(in, r, content.points[i], n, text));
      if (r.withdrawn()) continue;
      ++points;
      const DispositionInfo* d = r.CurrentDisposition(n);
      totals_outcomes[d ? OutcomeName(d->outcome) : "undecided"] =
          totals_outcomes[d ? OutcomeName(d->outcome) : "undecided"].get<int>() + 1;
    }
    json attachments = json::array();
    for (const auto& a : content.attachments) attachments.push_back(AttachmentRefJson(a));
    ++shown;
    withdrawn += r.withdrawn() ? 1 : 0;
    late += r.late() ? 1 : 0;
    responses.push_back(
        {{"id", r.id()},
         {"party", r.party()},
         {"party_name", row["name"]},
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
         {"withdrawn_at",
          r.withdrawn() ? json(FormatRfc3339(r.withdrawal()->withdrawn_at)) : json()},
         {"withdrawal_reason", r.withdrawn() ? Nullable(r.withdrawal()->reason) : json()},
         {"summary", Nullable(content.summary)},
         {"attachments", std::move(attachments)},
         {"points", std::move(pts)}});
  }
  json parties = json::array();
  for (const auto& party : order) parties.push_back(party_rows[party]);
  return {{"consultation", ConsultationFacts(in)},
          {"generated_at", FormatRfc3339(in.now)},
          {"as_of_position", in.as_of_position},
          {"parties", std::move(parties)},
          {"responses", std::move(responses)},
          {"totals",
           {{"responses", shown},
            {"withdrawn", withdrawn},
            {"late", late},
            {"points", points},
            {"outcomes", std::move(totals_outcomes)}}},
          {"withheld", withheld}};
}

}  // namespace hoering::consultations
