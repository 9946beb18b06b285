// Renderings of a consultation report ("høringsnotat"): Markdown, a printable
// HTML page and CSV. The input is the report JSON built elsewhere:
//   {"consultation": {"id", "title", "agreement", "agreement_title",
//                     "version": {"number", "label", "hash"}, "opens_at", "closes_at",
//                     "original_closes_at", "time_zone", "state", "closed_at", "close_reason",
//                     "extensions": [{"closes_at", "reason", "at"}]},
//    "generated_at", "as_of_position",
//    "parties": [{"party", "name", "kind", "invited", "responded", "responses", "late",
//                 "withdrawn"}],
//    "responses": [{"id", "party", "party_name", "author": {"name"}|null, "publication",
//                   "submitted_at", "first_submitted_at", "revision", "late", "late_reason",
//                   "withdrawn", "withdrawn_at", "withdrawal_reason", "summary",
//                   "attachments": [{"filename", "media_type", "size", "sha256"}],
//                   "points": [{"n", "section", "section_heading", "quote", "text",
//                               "disposition": {"outcome", "rationale", "recorded_at",
//                                               "changes"}|null,
//                               "changes": [{"change", "rationale", "sections": [{"id",
//                                 "heading", "status", "excerpt": [{"op", "text"}]}]}]}]}],
//    "totals": {"responses", "withdrawn", "late", "points", "outcomes": {...}},
//    "withheld": N}
//
// LANGUAGE: Markdown and HTML are worded with the given labels (report_labels.h,
// from the message catalogue's report_doc part); the English labels give the
// words below. Values from the report (ids, titles, times as the report gives
// them, texts) are never translated; enum values shown in prose (state,
// outcome, publication, party kind, section status) are named by the labels,
// an unknown one shown as is. The HTML page's <html lang> is the labels'
// language_tag. CSV takes no labels: its header and values are the same in
// every language.
//
// LAYOUT (Markdown, English labels; the HTML page has the same structure):
//   # Consultation report: <title>      facts: id, agreement, version, opens, closes
//                                       ("extended from" + each extension), state, closed,
//                                       generated at / as of log position
//   ## Invited parties and respondents  table Party | Kind | Invited | Response received |
//                                       Late | Withdrawn (yes/no); a response whose party
//                                       is missing from "parties" gets a row (invited: no)
//   ## Responses                        ### <party_name> (<id>), facts, summary,
//                                       attachments, then #### Point <n>: section, quote
//                                       (blockquote), text, "Disposition: <Outcome>",
//                                       rationale, changes with a word-diff excerpt per
//                                       section (~~deleted~~ **inserted**; HTML <del>/<ins>;
//                                       equal runs cut to 12 words around changes with "…")
//   ## Totals                           outcome counts, responses, withdrawn, late, points,
//                                       "N responses are not shown to this reader." if
//                                       withheld > 0
// Outcome names: accepted "Accepted", partially_accepted "Partially accepted",
// not_accepted "Not accepted", noted "Noted", out_of_scope "Out of scope", no
// disposition "Not yet decided"; an unknown key is shown as is.
//
// ESCAPING: Markdown backslash-escapes \ ` * _ ~ [ ] < > | # in every text (so no raw
// HTML gets through); in table cells a line break becomes <br>; elsewhere it is a hard
// break. Labels are escaped like any text (a pattern's placeholder gets the escaped
// value). HTML escapes & < > " ' everywhere; the page has inline CSS (with @media print,
// page-break-inside: avoid per response; the withdrawn mark is a CSS string, escaped as
// one) and no script.
// CSV (RFC 4180): header row
//   consultation,response,party,party_name,publication,late,withdrawn,revision,
//   submitted_at,point,section,quote,text,outcome,rationale,changes
// then one row per point of every response, withdrawn ones included (column
// `withdrawn`); outcome is the raw key, empty when undecided; changes are the
// change ids joined by a space; booleans true/false. A field holding , " CR or LF
// is quoted with quotes doubled; records end in CRLF. A field starting with
// = + - @ TAB or CR gets a leading apostrophe so that a spreadsheet shows it as
// text instead of running it as a formula (CSV injection); nothing else is altered.
//
// REQUIRES: nothing; a missing or null field renders as empty/absent and a
// missing array as empty. Never throws on the shape of `report`. Pure: no I/O,
// no clock (the report's own "generated_at" is shown). Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "domain/consultations/report_labels.h"

namespace hoering::consultations {

std::string RenderReportMarkdown(const nlohmann::json& report, const ReportLabels& labels);
// A whole printable page.
std::string RenderReportHtml(const nlohmann::json& report, const ReportLabels& labels);
// One row per point; the same in every language.
std::string RenderReportCsv(const nlohmann::json& report);

}  // namespace hoering::consultations
