#include "domain/consultations/report.h"

#include <algorithm>

#include "domain/agreements/section_diff.h"
#include "domain/events/decoded_event.h"

namespace hoering::consultations {

using nlohmann::json;
namespace ag = agreements;

std::set<std::string> ChangesInReport(const ReportInput& in) {
  ReportTally tally(in);
  for (const auto& r : in.responses) tally.Add(*r);
  return tally.changes();
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
  ReportTally tally(in);
  for (const auto& r : in.responses) tally.Add(*r);
  json report = ReportHead(in, tally);
  json responses = json::array();
  ReportBody body(in, tally);
  for (const auto& r : in.responses) {
    if (auto entry = body.Add(*r)) responses.push_back(std::move(*entry));
  }
  report["responses"] = std::move(responses);
  report.update(body.Tail());
  return report;
}

}  // namespace hoering::consultations
