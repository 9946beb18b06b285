// RenderReportMarkdown (contract in report_render.h).
#include <string>
#include <string_view>
#include <vector>

#include "domain/consultations/report_render.h"
#include "domain/consultations/report_render_parts.h"

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
      if (run.op == Op::kEqual || b == std::string::npos) {
        text += Escape(seg);
        continue;
      }
      auto e = seg.find_last_not_of(" \t") + 1;
      const char* mark = run.op == Op::kInsert ? "**" : "~~";
      text += seg.substr(0, b) + mark + Escape(seg.substr(b, e - b)) + mark + seg.substr(e);
    }
  }
  return JoinLines(Lines(text));
}

void Facts(std::string& out, const std::vector<Fact>& facts) {
  for (const auto& f : facts) out += "- **" + f.label + ":** " + Inline(f.value) + "\n";
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

void Head(std::string& out, const json& report) {
  const json& c = Field(report, "consultation");
  std::string title = Text(c, "title").empty() ? Text(c, "id") : Text(c, "title");
  out += "# Consultation report: " + Inline(title, " ") + "\n\n";
  for (const auto& f : ConsultationFacts(report)) {
    Facts(out, {f});
    if (f.label != "Closes") continue;
    for (const auto& e : ExtensionLines(report)) out += "  - " + Inline(e) + "\n";
  }
  out += "\n";
}

void Parties(std::string& out, const json& report) {
  out += "## Invited parties and respondents\n\n";
  auto rows = PartyRows(report);
  if (rows.empty()) {
    out += "No parties.\n\n";
    return;
  }
  Header(out, {"Party", "Kind", "Invited", "Response received", "Late", "Withdrawn"}, "");
  for (const auto& p : rows) {
    Row(out, {Inline(p.party), Inline(p.kind), YesNo(p.invited), YesNo(p.responded), YesNo(p.late),
              YesNo(p.withdrawn)});
  }
  out += "\n";
}

void Changes(std::string& out, const json& point) {
  for (const auto& ch : List(point, "changes")) {
    out += "**Change " + Inline(Text(ch, "change"), " ") + "**\n\n";
    if (!Text(ch, "rationale").empty()) out += Block(Text(ch, "rationale")) + "\n\n";
    for (const auto& s : List(ch, "sections")) {
      out += "*Section " + Inline(ChangeSectionLabel(s), " ") + ":*\n\n";
      std::string excerpt = Excerpt(Field(s, "excerpt"));
      if (!excerpt.empty()) out += excerpt + "\n\n";
    }
  }
}

void Point(std::string& out, const json& p) {
  out += "#### Point " + Inline(Text(p, "n"), " ") + "\n\n";
  out += "Section: " + Inline(PointSection(p)) + "\n\n";
  if (!Text(p, "quote").empty()) out += Quote(Text(p, "quote")) + "\n";
  if (!Text(p, "text").empty()) out += Block(Text(p, "text")) + "\n\n";
  out += "**Disposition: " + Inline(DispositionLine(p)) + "**\n\n";
  std::string rationale = Text(Field(p, "disposition"), "rationale");
  if (!rationale.empty()) out += Block(rationale) + "\n\n";
  Changes(out, p);
}

void Response(std::string& out, const json& r) {
  std::string name = Text(r, "party_name").empty() ? Text(r, "party") : Text(r, "party_name");
  out += "### " + Inline(name, " ") + " (" + Inline(Text(r, "id"), " ") + ")\n\n";
  Facts(out, ResponseFacts(r));
  out += "\n";
  if (!Text(r, "summary").empty()) out += "**Summary:**\n\n" + Block(Text(r, "summary")) + "\n\n";
  auto attachments = AttachmentRows(r);
  if (!attachments.empty()) {
    out += "**Attachments:**\n\n";
    Header(out, {"File", "Media type", "Size", "SHA-256"}, "__r");
    for (const auto& a : attachments) {
      Row(out, {Inline(a.filename), Inline(a.media_type), Inline(a.size), Inline(a.sha256)});
    }
    out += "\n";
  }
  for (const auto& p : List(r, "points")) Point(out, p);
}

void Totals(std::string& out, const json& report) {
  out += "## Totals\n\n";
  Header(out, {"Outcome", "Points"}, "_r");
  for (const auto& o : OutcomeCounts(report)) Row(out, {o.name, std::to_string(o.count)});
  out += "\n";
  for (const auto& f : TotalFacts(report)) out += "- " + f.label + ": " + f.value + "\n";
  std::string withheld = WithheldLine(report);
  if (!withheld.empty()) out += "\n" + withheld + "\n";
}

}  // namespace

std::string RenderReportMarkdown(const json& report) {
  std::string out;
  Head(out, report);
  Parties(out, report);
  out += "## Responses\n\n";
  const json& responses = List(report, "responses");
  if (responses.empty()) out += "No responses.\n\n";
  for (const auto& r : responses) Response(out, r);
  Totals(out, report);
  return out;
}

}  // namespace hoering::consultations
