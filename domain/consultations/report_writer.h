// Writes a consultation report as text in pieces: the head, each response's
// entry, the tail (report_pieces.h), so that a report is sent while it is
// being built. Formats: JSON, Markdown, HTML, CSV (layout, wording and
// escaping in report_render.h; this is the same text, cut into pieces).
//
//   auto w = MakeReportWriter(ReportFormat::kMarkdown, labels);
//   w->Head(head, out);                        // once, first
//   for (...) w->Response(entry, out);         // any number
//   w->Tail(tail, out);                        // once, last
//
// Each call appends to `out`. The concatenation of the pieces equals the
// whole-document rendering (RenderReport*, report_render.h; for JSON the
// compact dump, invalid UTF-8 replaced by U+FFFD) of the report
//   head's fields + {"responses": [entries...]} + tail's fields.
// A whole report may be passed as both head and tail (RenderWhole does): each
// call reads only its own fields (JSON: Head writes the keys that sort before
// "responses", Tail those after; Markdown and HTML: Head reads "consultation",
// "generated_at", "as_of_position", "parties" and, for parties a response
// names but "parties" lacks, "responses"; Tail reads "totals", "withheld").
//
// REQUIRES: Head, then Responses, then Tail, each writer used once. Like the
// renderers, never throws on the shape of the JSON. Pure; a writer is not
// thread-safe, distinct writers are independent.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "domain/consultations/report_labels.h"

namespace hoering::consultations {

enum class ReportFormat { kJson, kMarkdown, kHtml, kCsv };

class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  virtual void Head(const nlohmann::json& head, std::string& out) = 0;
  virtual void Response(const nlohmann::json& entry, std::string& out) = 0;
  virtual void Tail(const nlohmann::json& tail, std::string& out) = 0;
};

// Markdown and HTML are worded with `labels` (copied); JSON and CSV ignore them.
std::unique_ptr<ReportWriter> MakeReportWriter(ReportFormat format, const ReportLabels& labels);

// The whole document: Head(report), Response(e) for each of report's
// "responses", Tail(report).
std::string RenderWhole(ReportWriter& writer, const nlohmann::json& report);

// One writer per format (defined beside their whole-document functions).
std::unique_ptr<ReportWriter> MarkdownReportWriter(const ReportLabels& labels);
std::unique_ptr<ReportWriter> HtmlReportWriter(const ReportLabels& labels);
std::unique_ptr<ReportWriter> CsvReportWriter();
std::unique_ptr<ReportWriter> JsonReportWriter();

}  // namespace hoering::consultations
