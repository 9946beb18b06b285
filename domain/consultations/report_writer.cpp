// The JSON writer, the factory and RenderWhole; the other formats' writers are
// in report_render*.cpp.
#include "domain/consultations/report_writer.h"

#include "domain/consultations/report_render_parts.h"

namespace hoering::consultations {
namespace {

using nlohmann::json;

// Compact, invalid UTF-8 replaced: as the server dumps every JSON answer.
std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// nlohmann keeps object keys sorted, so "responses" sits between the head's
// keys and the tail's.
constexpr std::string_view kResponses = "responses";

class JsonWriter final : public ReportWriter {
 public:
  void Head(const json& head, std::string& out) override {
    out += '{';
    if (head.is_object()) {
      for (const auto& [key, value] : head.items()) {
        if (key >= kResponses) break;
        out += Dump(key) + ':' + Dump(value) + ',';
      }
    }
    out += "\"responses\":[";
  }
  void Response(const json& entry, std::string& out) override {
    if (!first_) out += ',';
    first_ = false;
    out += Dump(entry);
  }
  void Tail(const json& tail, std::string& out) override {
    out += ']';
    if (tail.is_object()) {
      for (const auto& [key, value] : tail.items()) {
        if (key <= kResponses) continue;
        out += ',' + Dump(key) + ':' + Dump(value);
      }
    }
    out += '}';
  }

 private:
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ReportWriter> JsonReportWriter() {
  return std::make_unique<JsonWriter>();
}

std::unique_ptr<ReportWriter> MakeReportWriter(ReportFormat format, const ReportLabels& labels) {
  switch (format) {
    case ReportFormat::kMarkdown:
      return MarkdownReportWriter(labels);
    case ReportFormat::kHtml:
      return HtmlReportWriter(labels);
    case ReportFormat::kCsv:
      return CsvReportWriter();
    case ReportFormat::kJson:
      break;
  }
  return JsonReportWriter();
}

std::string RenderWhole(ReportWriter& writer, const json& report) {
  std::string out;
  writer.Head(report, out);
  for (const auto& r : report_parts::List(report, "responses")) writer.Response(r, out);
  writer.Tail(report, out);
  return out;
}

}  // namespace hoering::consultations
