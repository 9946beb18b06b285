// The consultation report ("høringsnotat") as JSON, built from the read
// models; report_render.h turns it into Markdown, HTML and CSV. Pure.
//
// Shape: {consultation, generated_at, as_of_position, parties, responses,
// totals, withheld} (documented field by field in report_render.h's input).
// The reader's visibility applies: hidden responses are left out and counted
// in `withheld`; withdrawn responses are listed (marked) for readers who may
// see them, and their points are not counted in the totals.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "domain/agreements/agreement_state.h"
#include "domain/consultations/consultation_json.h"
#include "domain/consultations/consultation_state.h"
#include "domain/consultations/response_state.h"
#include "domain/consultations/visibility.h"

namespace hoering::consultations {

struct PartyFacts {
  std::string name;
  std::string kind;
};

struct ReportInput {
  const ConsultationState* consultation = nullptr;
  const agreements::AgreementState* agreement = nullptr;
  // The text of the consulted version (section headings); may be null.
  const agreements::SectionTree* consulted_text = nullptr;
  std::vector<std::shared_ptr<const ResponseState>> responses;  // in submission order
  std::function<std::optional<PartyFacts>(const std::string& party)> party;
  // Change ids citing point `point` of `response`; may be empty.
  std::function<std::vector<std::string>(const std::string& response, std::uint32_t point)>
      cited_by;
  // change id -> [{id, heading, status, excerpt}] (ChangeExcerpts)
  std::map<std::string, nlohmann::json> excerpts;
  Reader reader;
  TimeMs now = 0;
  std::uint64_t as_of_position = 0;
};

// The change ids a report over these responses will show: every current
// disposition's changes and every citing change set.
std::set<std::string> ChangesInReport(const ReportInput& input);

// For each change id in `changes`: the sections it touched, with a word diff
// of each (body, or heading when only the heading changed), folded from the
// agreement's events. Unknown ids are left out.
Result<std::map<std::string, nlohmann::json>> ChangeExcerpts(
    std::span<const RecordedEvent> agreement_events, const std::set<std::string>& changes);

nlohmann::json BuildReport(const ReportInput& input);

}  // namespace hoering::consultations
