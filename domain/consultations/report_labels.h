// The words of a rendered consultation report ("høringsnotat") in one
// language: headings, fact and column names, yes/no, outcome, state,
// publication, party kind and section status names. The server reads them
// from the message catalogue (server/web/messages/report_doc.<lang>.json,
// the catalogue's "report_doc" part); the domain only receives them.
//
// INPUT (ParseReportLabels): a JSON object whose dotted keys are those of
// kReportLabelKeys below plus the name maps outcome.*, state.*,
// publication.*, party_kind.*, section_status.* (every key of
// kReportNameMaps). Every value is a string. A pattern holds its
// placeholder exactly as listed ("Point {n}"); FillLabel puts the value in.
// Extra keys are ignored.
//
// REQUIRES: nothing. ParseReportLabels returns InvalidArgument
// ("invalid-report-labels") naming every missing, non-string or
// placeholder-less key at once. Pure; the value is immutable and thread-safe
// to share.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"

namespace hoering::consultations {

struct ReportLabels {
  std::string language_tag;  // BCP 47, for <html lang>: "da", "en"
  std::string heading;       // "Consultation report: {title}"
  std::string yes, no, decimal_mark;

  std::string fact_consultation, fact_agreement, fact_version, version_hash, fact_opens,
      fact_closes, extended_from, extended_to, extended_on, fact_time_zone, fact_state,
      fact_closed_at, fact_close_reason, fact_generated, as_of_position;

  std::string parties_heading, parties_none, col_party, col_kind, col_invited, col_responded,
      col_late, col_withdrawn;

  std::string responses_heading, responses_none;
  std::string response_author, author_anonymous, author_not_given, response_publication,
      response_submitted, first_submitted, response_revision, response_late, response_withdrawn,
      withdrawn_mark, summary, attachments;
  std::string col_file, col_media_type, col_size, col_sha256;

  std::string point_heading, point_section, section_general, disposition, recorded, change_heading,
      change_section;

  std::string totals_heading, col_outcome, col_points, total_responses, total_withdrawn, total_late,
      total_points, withheld_one, withheld_many;

  // Enum value -> its name; Name() falls back to the value itself.
  std::map<std::string, std::string, std::less<>> outcome, state, publication, party_kind,
      section_status;
};

// One labelled string: its dotted key, its member and the placeholder a
// pattern must hold (nullptr for plain text).
struct ReportLabelKey {
  const char* key;
  std::string ReportLabels::*member;
  const char* placeholder;
};
extern const std::vector<ReportLabelKey> kReportLabelKeys;

// One name map: its key in the labels, its member, and the enum values it
// must name (the outcome keys include "undecided", for no disposition).
struct ReportNameMap {
  const char* key;
  std::map<std::string, std::string, std::less<>> ReportLabels::*member;
  std::vector<const char*> values;
};
extern const std::vector<ReportNameMap> kReportNameMaps;

Result<ReportLabels> ParseReportLabels(const nlohmann::json& labels);

// The name of `value` in `names`, or the value itself when it has none.
std::string Name(const std::map<std::string, std::string, std::less<>>& names,
                 std::string_view value);

// `pattern` with each "{placeholder}" replaced by `value` (one pass: the
// value is never scanned again).
std::string FillLabel(std::string_view pattern, std::string_view placeholder,
                      std::string_view value);

}  // namespace hoering::consultations
