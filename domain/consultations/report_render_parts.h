// Internal to report_render*.cpp: null-safe reads of the report JSON and the
// format-neutral pieces (facts, party rows, outcome names, shortened diff
// excerpts) that the Markdown and HTML renderers both lay out, worded with the
// given labels (report_labels.h). Every function accepts any JSON value (null,
// wrong type) and then returns an empty result. Pure and thread-safe.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "domain/agreements/text_diff.h"
#include "domain/consultations/report_labels.h"

namespace hoering::consultations::report_parts {

using nlohmann::json;

// j[key] when j is an object holding key, else a null value.
const json& Field(const json& j, const char* key);
// j[key] when it is an array, else an empty array.
const json& List(const json& j, const char* key);
// A string as is, a number or boolean as text, anything else "".
std::string Text(const json& j);
std::string Text(const json& j, const char* key);
bool Flag(const json& j, const char* key);           // true only for a JSON true
std::int64_t Count(const json& j, const char* key);  // integer or 0
std::string YesNo(bool b, const ReportLabels& l);

// labels.outcome[key]; "" -> the name of "undecided"; unknown keys unchanged.
std::string OutcomeName(std::string_view key, const ReportLabels& l);
// The point's disposition outcome key, "" when there is none.
std::string OutcomeKey(const json& point);
// Disposition change ids, then any other ids from the point's "changes".
std::vector<std::string> ChangeIds(const json& point);

struct Fact {
  std::string label;
  std::string value;        // plain text, may hold line breaks
  bool extensions = false;  // the deadline: the extension lines go under it
};
// Consultation facts for the report head, in display order (empty ones left out).
std::vector<Fact> ConsultationFacts(const json& report, const ReportLabels& l);
// One line per extension: "Extended to <closes_at> (on <at>): <reason>".
std::vector<std::string> ExtensionLines(const json& report, const ReportLabels& l);
// Author, publication, submitted, revision, late, withdrawn.
std::vector<Fact> ResponseFacts(const json& response, const ReportLabels& l);

struct PartyRow {
  std::string party;  // "name (id)"
  std::string kind;   // its name in the labels
  bool invited = false, responded = false, late = false, withdrawn = false;
};
// The report's parties, plus a row for each response whose party is not listed.
std::vector<PartyRow> PartyRows(const json& report, const ReportLabels& l);

struct AttachmentRow {
  std::string filename, media_type, size, sha256;  // size human readable, sha256 prefix
};
std::vector<AttachmentRow> AttachmentRows(const json& response, const ReportLabels& l);

// "obj-1 Heading" or "(general)".
std::string PointSection(const json& point, const ReportLabels& l);
// "obj-1 Heading (modified)".
std::string ChangeSectionLabel(const json& section, const ReportLabels& l);
// "Accepted (recorded <at>)".
std::string DispositionLine(const json& point, const ReportLabels& l);

constexpr int kContextWords = 12;
// The excerpt's runs, merged and with long equal runs cut to kContextWords
// words on each side of a change ("…" marks the cut).
agreements::WordDiff ShortenExcerpt(const json& excerpt);

struct OutcomeCount {
  std::string name;
  std::int64_t count = 0;
};
// All six, fixed order.
std::vector<OutcomeCount> OutcomeCounts(const json& report, const ReportLabels& l);
// Responses, withdrawn, late, points.
std::vector<Fact> TotalFacts(const json& report, const ReportLabels& l);
// "" when nothing is withheld.
std::string WithheldLine(const json& report, const ReportLabels& l);

}  // namespace hoering::consultations::report_parts
