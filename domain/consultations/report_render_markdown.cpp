// RenderReportMarkdown (contract in report_render.h) and its writer (report_writer.h).
#include <string>
#include <string_view>
#include <vector>

#include "domain/consultations/report_render.h"
#include "domain/consultations/report_render_parts.h"
#include "domain/consultations/report_writer.h"

namespace hoering::consultations {
namespace {

using nlohmann::json;
using namespace report_parts;

// Lines of s; CRLF and lone CR count as line breaks.
std::vector<std::string> Lines(std::string_view s) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' || s[i] == '\n') {
      if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      out.emplace_back();
    } else {
      out.back() += s[i];
    }
  }
  return out;
}

bool Blank(std::string_view s) {
  return s.find_first_not_of(" \t") == std::string_view::npos;
}

// Backslash-escapes the characters that could start Markdown syntax or raw HTML.
std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (std::string_view("\\`*_~[]<>|#").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// One line of escaped text; line breaks become `brk` (a table cell: "<br>").
std::string Inline(std::string_view s, std::string_view brk = "<br>") {
  std::string out;
  auto lines = Lines(s);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += brk;
    out += Escape(lines[i]);
  }
  return out;
}

// Joins already escaped lines: a line of only '-' / '=' (a rule or setext
// underline) is escaped; a break between two non-blank lines is a hard break.
std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    auto first = line.find_first_not_of(" \t");
    if (first != std::string::npos && line.find_first_not_of("-= \t") == std::string::npos) {
      line.insert(first, "\\");
    }
    out += line;
    if (i + 1 == lines.size()) break;
    out += !Blank(lines[i]) && !Blank(lines[i + 1]) ? "\\\n" : "\n";
  }
  return out;
}

// A multi-line text as paragraph(s).
std::string Block(std::string_view s) {
  auto lines = Lines(s);
  for (auto& l : lines) l = Escape(l);
  return JoinLines(lines);
}

std::string Quote(std::string_view s) {
  std::string out;
  for (const auto& line : Lines(Block(s))) out += line.empty() ? ">\n" : "> " + line + "\n";
  return out;
}

// ~~deleted~~ / **inserted**, each marker pair kept on one line and hugging
// the text (whitespace stays outside, or the emphasis would not parse).
std::string Excerpt(const json& excerpt) {
  std::string text;
  for (const auto& run : ShortenExcerpt(excerpt)) {
    auto lines = Lines(run.text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) text += '\n';
      const std::string& seg = lines[i];
      auto b = seg.find_first_not_of(" \t");
      if (run.op == agreements::RunOp::kEqual || b == std::string::npos) {
        text += Escape(seg);
        continue;
      }
      auto e = seg.find_last_not_of(" \t") + 1;
      const char* mark = run.op == agreements::RunOp::kInsert ? "**" : "~~";
      text += seg.substr(0, b) + mark + Escape(seg.substr(b, e - b)) + mark + seg.substr(e);
    }
  }
  return JoinLines(Lines(text));
}

// A label (trusted, but escaped all the same) with `value`, already escaped,
// in its placeholder.
std::string Fill(std::string_view pattern, std::string_view placeholder, std::string_view value) {
  return FillLabel(Escape(pattern), placeholder, value);
}

void Facts(std::string& out, const std::vector<Fact>& facts) {
  for (const auto& f : facts) out += "- **" + Escape(f.label) + ":** " + Inline(f.value) + "\n";
}

// Table cells from plain text.
std::vector<std::string> Cells(std::vector<std::string> cells) {
  for (auto& c : cells) c = Inline(c);
  return cells;
}

void Row(std::string& out, const std::vector<std::string>& cells) {
  out += "|";
  for (const auto& c : cells) out += " " + c + " |";
  out += "\n";
}

void Header(std::string& out, const std::vector<std::string>& cells, std::string_view align) {
  Row(out, cells);
  out += "|";
  for (std::size_t i = 0; i < cells.size(); ++i) {
    out += i < align.size() && align[i] == 'r' ? " ---: |" : " --- |";
  }
  out += "\n";
}

void WriteHead(std::string& out, const json& report, const ReportLabels& l) {
  const json& c = Field(report, "consultation");
  std::string title = Text(c, "title").empty() ? Text(c, "id") : Text(c, "title");
  out += "# " + Fill(l.heading, "{title}", Inline(title, " ")) + "\n\n";
  for (const auto& f : ConsultationFacts(report, l)) {
    Facts(out, {f});
    if (!f.extensions) continue;
    for (const auto& e : ExtensionLines(report, l)) out += "  - " + Inline(e) + "\n";
  }
  out += "\n";
}

void Parties(std::string& out, const json& report, const ReportLabels& l) {
  out += "## " + Escape(l.parties_heading) + "\n\n";
  auto rows = PartyRows(report, l);
  if (rows.empty()) {
    out += Escape(l.parties_none) + "\n\n";
    return;
  }
  Header(
      out,
      Cells({l.col_party, l.col_kind, l.col_invited, l.col_responded, l.col_late, l.col_withdrawn}),
      "");
  for (const auto& p : rows) {
    Row(out, Cells({p.party, p.kind, YesNo(p.invited, l), YesNo(p.responded, l), YesNo(p.late, l),
                    YesNo(p.withdrawn, l)}));
  }
  out += "\n";
}

void Changes(std::string& out, const json& point, const ReportLabels& l) {
  for (const auto& ch : List(point, "changes")) {
    out += "**" + Fill(l.change_heading, "{change}", Inline(Text(ch, "change"), " ")) + "**\n\n";
    if (!Text(ch, "rationale").empty()) out += Block(Text(ch, "rationale")) + "\n\n";
    for (const auto& s : List(ch, "sections")) {
      out += "*" + Fill(l.change_section, "{section}", Inline(ChangeSectionLabel(s, l), " ")) +
             "*\n\n";
      std::string excerpt = Excerpt(Field(s, "excerpt"));
      if (!excerpt.empty()) out += excerpt + "\n\n";
    }
  }
}

void Point(std::string& out, const json& p, const ReportLabels& l) {
  out += "#### " + Fill(l.point_heading, "{n}", Inline(Text(p, "n"), " ")) + "\n\n";
  out += Fill(l.point_section, "{section}", Inline(PointSection(p, l))) + "\n\n";
  if (!Text(p, "quote").empty()) out += Quote(Text(p, "quote")) + "\n";
  if (!Text(p, "text").empty()) out += Block(Text(p, "text")) + "\n\n";
  out += "**" + Fill(l.disposition, "{outcome}", Inline(DispositionLine(p, l))) + "**\n\n";
  std::string rationale = Text(Field(p, "disposition"), "rationale");
  if (!rationale.empty()) out += Block(rationale) + "\n\n";
  Changes(out, p, l);
}

void WriteResponse(std::string& out, const json& r, const ReportLabels& l) {
  std::string name = Text(r, "party_name").empty() ? Text(r, "party") : Text(r, "party_name");
  out += "### " + Inline(name, " ") + " (" + Inline(Text(r, "id"), " ") + ")\n\n";
  Facts(out, ResponseFacts(r, l));
  out += "\n";
  if (!Text(r, "summary").empty()) {
    out += "**" + Escape(l.summary) + "**\n\n" + Block(Text(r, "summary")) + "\n\n";
  }
  auto attachments = AttachmentRows(r, l);
  if (!attachments.empty()) {
    out += "**" + Escape(l.attachments) + "**\n\n";
    Header(out, Cells({l.col_file, l.col_media_type, l.col_size, l.col_sha256}), "__r");
    for (const auto& a : attachments) {
      Row(out, {Inline(a.filename), Inline(a.media_type), Inline(a.size), Inline(a.sha256)});
    }
    out += "\n";
  }
  for (const auto& p : List(r, "points")) Point(out, p, l);
}

void Totals(std::string& out, const json& report, const ReportLabels& l) {
  out += "## " + Escape(l.totals_heading) + "\n\n";
  Header(out, Cells({l.col_outcome, l.col_points}), "_r");
  for (const auto& o : OutcomeCounts(report, l)) {
    Row(out, {Escape(o.name), std::to_string(o.count)});
  }
  out += "\n";
  for (const auto& f : TotalFacts(report, l)) {
    out += "- " + Escape(f.label) + ": " + f.value + "\n";
  }
  std::string withheld = WithheldLine(report, l);
  if (!withheld.empty()) out += "\n" + Escape(withheld) + "\n";
}

class MarkdownWriter final : public ReportWriter {
 public:
  explicit MarkdownWriter(ReportLabels labels) : l_(std::move(labels)) {}
  void Head(const json& head, std::string& out) override {
    WriteHead(out, head, l_);
    Parties(out, head, l_);
    out += "## " + Escape(l_.responses_heading) + "\n\n";
  }
  void Response(const json& r, std::string& out) override {
    any_ = true;
    WriteResponse(out, r, l_);
  }
  void Tail(const json& tail, std::string& out) override {
    if (!any_) out += Escape(l_.responses_none) + "\n\n";
    Totals(out, tail, l_);
  }

 private:
  const ReportLabels l_;
  bool any_ = false;
};

}  // namespace

std::unique_ptr<ReportWriter> MarkdownReportWriter(const ReportLabels& labels) {
  return std::make_unique<MarkdownWriter>(labels);
}

std::string RenderReportMarkdown(const json& report, const ReportLabels& labels) {
  MarkdownWriter writer(labels);
  return RenderWhole(writer, report);
}

}  // namespace hoering::consultations
