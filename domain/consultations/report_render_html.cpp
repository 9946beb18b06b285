// RenderReportHtml (contract in report_render.h) and its writer (report_writer.h).
#include <string>
#include <string_view>
#include <vector>

#include "domain/agreements/diff_render.h"  // EscapeHtml, AppendHtmlRuns
#include "domain/consultations/report_render.h"
#include "domain/consultations/report_render_parts.h"
#include "domain/consultations/report_writer.h"

namespace hoering::consultations {
namespace {

using agreements::EscapeHtml;
using nlohmann::json;
using namespace report_parts;

constexpr const char* kStyle = R"css(
body{font-family:Georgia,"Times New Roman",serif;font-size:1rem;line-height:1.5;color:#222;
  max-width:52em;margin:2em auto;padding:0 1em}
h1,h2,h3,h4{font-family:system-ui,"Segoe UI",Helvetica,Arial,sans-serif;line-height:1.25;
  margin:1.5em 0 .5em}
h1{font-size:1.8em}h2{font-size:1.4em;border-bottom:1px solid #999}h3{font-size:1.2em}
h4{font-size:1em}
table{border-collapse:collapse;margin:.75em 0}
th,td{border:1px solid #888;padding:.25em .6em;text-align:left;vertical-align:top;
  white-space:pre-line}
thead th{background:#eee}
table.facts th{background:#f4f4f4;font-weight:normal;color:#444}
td.num{text-align:right}
blockquote{margin:.5em 0;padding:.25em 1em;border-left:4px solid #bbb;color:#444}
.text,.summary,.rationale,.excerpt,blockquote{white-space:pre-wrap}
.excerpt{border:1px dashed #bbb;padding:.5em .75em;background:#fafafa}
ins{color:#135e13;background:#ddf4dd;text-decoration:underline}
del{color:#9b1c1c;background:#fbe1e1;text-decoration:line-through}
.response{border-top:2px solid #444;margin-top:2em}
.response.withdrawn>h3::after{content:" {withdrawn_mark}";color:#9b1c1c;font-weight:normal}
.point{margin-left:1em}
.disposition strong{font-family:system-ui,"Segoe UI",Helvetica,Arial,sans-serif}
@media print{
  body{max-width:none;margin:0;padding:0;font-size:11pt}
  .response{page-break-inside:avoid;break-inside:avoid}
  .point,table,blockquote{page-break-inside:avoid;break-inside:avoid}
  h2,h3,h4{page-break-after:avoid;break-after:avoid}
  .excerpt{background:none}
}
)css";

std::string Esc(std::string_view s) {
  return EscapeHtml(s);
}

// The text of a CSS string between double quotes: \ and " escaped, and < and
// line breaks as hex escapes (so no "</style>" can end the sheet).
std::string CssString(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '<' || c == '\n' || c == '\r') {
      out += c == '<' ? "\\3c " : c == '\n' ? "\\a " : "\\d ";
    } else {
      out += c;
    }
  }
  return out;
}

// A label pattern with `value` in its placeholder, all escaped.
std::string Fill(std::string_view pattern, std::string_view placeholder, std::string_view value) {
  return Esc(FillLabel(pattern, placeholder, value));
}

void FactsTable(std::string& out, const std::vector<Fact>& facts,
                const std::vector<std::string>& closes_notes = {}) {
  if (facts.empty()) return;
  out += "<table class=\"facts\">\n";
  for (const auto& f : facts) {
    out += "<tr><th scope=\"row\">" + Esc(f.label) + "</th><td>" + Esc(f.value);
    if (f.extensions && !closes_notes.empty()) {
      out += "<ul class=\"extensions\">";
      for (const auto& n : closes_notes) out += "<li>" + Esc(n) + "</li>";
      out += "</ul>";
    }
    out += "</td></tr>\n";
  }
  out += "</table>\n";
}

// `cells` are plain text.
void HeaderRow(std::string& out, const std::vector<std::string>& cells) {
  out += "<thead><tr>";
  for (const auto& c : cells) out += "<th scope=\"col\">" + Esc(c) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
}

// `cells` are escaped already; `num` marks right-aligned columns.
void Row(std::string& out, const std::vector<std::string>& cells, std::string_view num = "") {
  out += "<tr>";
  for (std::size_t i = 0; i < cells.size(); ++i) {
    out += i < num.size() && num[i] == 'r' ? "<td class=\"num\">" : "<td>";
    out += cells[i] + "</td>";
  }
  out += "</tr>\n";
}

void Div(std::string& out, const char* cls, const std::string& text) {
  if (!text.empty()) out += std::string("<div class=\"") + cls + "\">" + Esc(text) + "</div>\n";
}

void Excerpt(std::string& out, const json& excerpt) {
  auto runs = ShortenExcerpt(excerpt);
  if (runs.empty()) return;
  out += "<div class=\"excerpt\">";
  agreements::AppendHtmlRuns(out, runs);
  out += "</div>\n";
}

void WriteHead(std::string& out, const json& report, const std::string& title,
               const ReportLabels& l) {
  out += "<header>\n<h1>" + Esc(title) + "</h1>\n";
  FactsTable(out, ConsultationFacts(report, l), ExtensionLines(report, l));
  out += "</header>\n";
}

void Parties(std::string& out, const json& report, const ReportLabels& l) {
  out += "<section class=\"parties\">\n<h2>" + Esc(l.parties_heading) + "</h2>\n";
  auto rows = PartyRows(report, l);
  if (rows.empty()) {
    out += "<p>" + Esc(l.parties_none) + "</p>\n</section>\n";
    return;
  }
  out += "<table>\n";
  HeaderRow(out,
            {l.col_party, l.col_kind, l.col_invited, l.col_responded, l.col_late, l.col_withdrawn});
  for (const auto& p : rows) {
    Row(out, {Esc(p.party), Esc(p.kind), Esc(YesNo(p.invited, l)), Esc(YesNo(p.responded, l)),
              Esc(YesNo(p.late, l)), Esc(YesNo(p.withdrawn, l))});
  }
  out += "</tbody>\n</table>\n</section>\n";
}

void Changes(std::string& out, const json& point, const ReportLabels& l) {
  for (const auto& ch : List(point, "changes")) {
    out += "<div class=\"change\">\n<p><strong>" +
           Fill(l.change_heading, "{change}", Text(ch, "change")) + "</strong></p>\n";
    Div(out, "rationale", Text(ch, "rationale"));
    for (const auto& s : List(ch, "sections")) {
      out += "<p class=\"change-section\"><em>" +
             Fill(l.change_section, "{section}", ChangeSectionLabel(s, l)) + "</em></p>\n";
      Excerpt(out, Field(s, "excerpt"));
    }
    out += "</div>\n";
  }
}

void Point(std::string& out, const json& p, const ReportLabels& l) {
  out += "<section class=\"point\">\n<h4>" + Fill(l.point_heading, "{n}", Text(p, "n")) + "</h4>\n";
  out +=
      "<p class=\"section\">" + Fill(l.point_section, "{section}", PointSection(p, l)) + "</p>\n";
  if (!Text(p, "quote").empty()) out += "<blockquote>" + Esc(Text(p, "quote")) + "</blockquote>\n";
  Div(out, "text", Text(p, "text"));
  out += "<p class=\"disposition\"><strong>" +
         Fill(l.disposition, "{outcome}", DispositionLine(p, l)) + "</strong></p>\n";
  Div(out, "rationale", Text(Field(p, "disposition"), "rationale"));
  Changes(out, p, l);
  out += "</section>\n";
}

void WriteResponse(std::string& out, const json& r, const ReportLabels& l) {
  std::string name = Text(r, "party_name").empty() ? Text(r, "party") : Text(r, "party_name");
  out += std::string("<article class=\"response") + (Flag(r, "withdrawn") ? " withdrawn" : "") +
         "\" id=\"response-" + Esc(Text(r, "id")) + "\">\n";
  out += "<h3>" + Esc(name) + " (" + Esc(Text(r, "id")) + ")</h3>\n";
  FactsTable(out, ResponseFacts(r, l));
  if (!Text(r, "summary").empty()) {
    out += "<p><strong>" + Esc(l.summary) + "</strong></p>\n";
    Div(out, "summary", Text(r, "summary"));
  }
  auto attachments = AttachmentRows(r, l);
  if (!attachments.empty()) {
    out += "<p><strong>" + Esc(l.attachments) + "</strong></p>\n<table class=\"attachments\">\n";
    HeaderRow(out, {l.col_file, l.col_media_type, l.col_size, l.col_sha256});
    for (const auto& a : attachments) {
      Row(out, {Esc(a.filename), Esc(a.media_type), Esc(a.size), Esc(a.sha256)}, "__r");
    }
    out += "</tbody>\n</table>\n";
  }
  for (const auto& p : List(r, "points")) Point(out, p, l);
  out += "</article>\n";
}

void Totals(std::string& out, const json& report, const ReportLabels& l) {
  out += "<section class=\"totals\">\n<h2>" + Esc(l.totals_heading) + "</h2>\n<table>\n";
  HeaderRow(out, {l.col_outcome, l.col_points});
  for (const auto& o : OutcomeCounts(report, l)) {
    Row(out, {Esc(o.name), std::to_string(o.count)}, "_r");
  }
  out += "</tbody>\n</table>\n";
  FactsTable(out, TotalFacts(report, l));
  std::string withheld = WithheldLine(report, l);
  if (!withheld.empty()) out += "<p class=\"withheld\">" + Esc(withheld) + "</p>\n";
  out += "</section>\n";
}

class HtmlWriter final : public ReportWriter {
 public:
  explicit HtmlWriter(ReportLabels labels) : l_(std::move(labels)) {}
  void Head(const json& head, std::string& out) override {
    const json& c = Field(head, "consultation");
    std::string title = FillLabel(l_.heading, "{title}",
                                  Text(c, "title").empty() ? Text(c, "id") : Text(c, "title"));
    out += "<!doctype html>\n<html lang=\"" + Esc(l_.language_tag) +
           "\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
           Esc(title) + "</title>\n<style>" +
           FillLabel(kStyle, "{withdrawn_mark}", CssString(l_.withdrawn_mark)) +
           "</style>\n</head>\n<body>\n";
    WriteHead(out, head, title, l_);
    Parties(out, head, l_);
    out += "<section class=\"responses\">\n<h2>" + Esc(l_.responses_heading) + "</h2>\n";
  }
  void Response(const json& r, std::string& out) override {
    any_ = true;
    WriteResponse(out, r, l_);
  }
  void Tail(const json& tail, std::string& out) override {
    if (!any_) out += "<p>" + Esc(l_.responses_none) + "</p>\n";
    out += "</section>\n";
    Totals(out, tail, l_);
    out += "</body>\n</html>\n";
  }

 private:
  const ReportLabels l_;
  bool any_ = false;
};

}  // namespace

std::unique_ptr<ReportWriter> HtmlReportWriter(const ReportLabels& labels) {
  return std::make_unique<HtmlWriter>(labels);
}

std::string RenderReportHtml(const json& report, const ReportLabels& labels) {
  HtmlWriter writer(labels);
  return RenderWhole(writer, report);
}

}  // namespace hoering::consultations
