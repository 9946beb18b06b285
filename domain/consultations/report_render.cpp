// CSV rendering (the whole document and its writer); Markdown is in
// report_render_markdown.cpp, HTML in report_render_html.cpp, the shared
// pieces in report_render_parts.cpp, JSON in report_writer.cpp.
#include "domain/consultations/report_render.h"

#include <string_view>
#include <vector>

#include "domain/consultations/report_render_parts.h"
#include "domain/consultations/report_writer.h"

namespace hoering::consultations {
namespace {

using nlohmann::json;
using namespace report_parts;

constexpr const char* kCsvHeader =
    "consultation,response,party,party_name,publication,late,withdrawn,revision,submitted_at,"
    "point,section,quote,text,outcome,rationale,changes";

// A spreadsheet would run a cell starting with one of these as a formula
// (OWASP "CSV injection"): response texts come from outside, so such a
// field is written with a leading apostrophe, which spreadsheets hide.
bool LooksLikeFormula(std::string_view s) {
  return !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos;
}

// RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes.
std::string CsvField(std::string_view text) {
  const std::string guarded = LooksLikeFormula(text) ? "'" + std::string(text) : std::string(text);
  std::string_view s = guarded;
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return guarded;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void CsvRecord(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += CsvField(fields[i]);
  }
  out += "\r\n";
}

std::string BoolText(bool b) {
  return b ? "true" : "false";
}

class CsvWriter final : public ReportWriter {
 public:
  void Head(const json& head, std::string& out) override {
    out += std::string(kCsvHeader) + "\r\n";
    consultation_ = Text(Field(head, "consultation"), "id");
  }
  void Response(const json& r, std::string& out) override {
    for (const auto& p : List(r, "points")) {
      std::string changes;
      for (const auto& id : ChangeIds(p)) changes += (changes.empty() ? "" : " ") + id;
      CsvRecord(out, {consultation_, Text(r, "id"), Text(r, "party"), Text(r, "party_name"),
                      Text(r, "publication"), BoolText(Flag(r, "late")),
                      BoolText(Flag(r, "withdrawn")), Text(r, "revision"), Text(r, "submitted_at"),
                      Text(p, "n"), Text(p, "section"), Text(p, "quote"), Text(p, "text"),
                      OutcomeKey(p), Text(Field(p, "disposition"), "rationale"), changes});
    }
  }
  void Tail(const json&, std::string&) override {}

 private:
  std::string consultation_;
};

}  // namespace

std::unique_ptr<ReportWriter> CsvReportWriter() {
  return std::make_unique<CsvWriter>();
}

std::string RenderReportCsv(const json& report) {
  CsvWriter writer;
  return RenderWhole(writer, report);
}

}  // namespace hoering::consultations
