// The consultation report ("høringsnotat") as JSON, built from the read
// models; report_render.h turns it into Markdown, HTML and CSV. Pure.
//
// Shape: {consultation, generated_at, as_of_position, parties, responses,
// totals, withheld} (documented field by field in report_render.h's input).
// The reader's visibility applies: hidden responses are left out and counted
// in `withheld`; withdrawn responses are listed (marked) for readers who may
// see them, and their points are not counted in the totals.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "domain/agreements/agreement_state.h"
#include "domain/consultations/consultation_json.h"
#include "domain/consultations/report_pieces.h"

namespace hoering::consultations {

// The whole report at once, over responses held in memory (tests, small
// callers). A report too large for memory is written in pieces instead
// (report_pieces.h, report_writer.h); BuildReport is those pieces.
struct ReportInput : ReportFacts {
  std::vector<std::shared_ptr<const ResponseState>> responses;  // in submission order
};

// The change ids a report over these responses will show: every current
// disposition's changes and every citing change set (ReportTally::changes).
std::set<std::string> ChangesInReport(const ReportInput& input);

// For each change id in `changes`: the sections it touched, with a word diff
// of each (body, or heading when only the heading changed), folded from the
// agreement's events. Unknown ids are left out.
Result<std::map<std::string, nlohmann::json>> ChangeExcerpts(
    std::span<const RecordedEvent> agreement_events, const std::set<std::string>& changes);

nlohmann::json BuildReport(const ReportInput& input);

}  // namespace hoering::consultations
