#include "domain/consultations/report_published.h"

#include "domain/events/event_data.h"

namespace hoering::consultations {

using nlohmann::json;

json ReportPublishedJson(const ReportPublished& e) {
  return json{{"consultation", e.consultation},    {"language", e.language}, {"format", e.format},
              {"media_type", e.media_type},        {"sha256", e.sha256},     {"size", e.size},
              {"as_of_position", e.as_of_position}};
}

NewEvent ToEvent(const ReportPublished& e) {
  return {kReportPublished, 1, ReportPublishedJson(e), {}};
}

Result<ReportPublished> ReportPublishedFromJson(const json& j) {
  return events::ReadEventData("consultation", kReportPublished, [&] {
    ReportPublished e;
    e.consultation = j.at("consultation").get<std::string>();
    e.language = j.at("language").get<std::string>();
    e.format = j.at("format").get<std::string>();
    e.media_type = j.at("media_type").get<std::string>();
    e.sha256 = j.at("sha256").get<std::string>();
    e.size = j.at("size").get<std::uint64_t>();
    e.as_of_position = j.at("as_of_position").get<std::uint64_t>();
    return e;
  });
}

std::string PublishedMediaType(const std::string& format) {
  if (format == "md") return "text/markdown; charset=utf-8";
  if (format == "html") return "text/html; charset=utf-8";
  return "";
}

namespace {

bool IsLowerHex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

Result<std::vector<NewEvent>> DecidePublishReport(const ConsultationState& state,
                                                  const ReportPublished& report, TimeMs now) {
  if (!state.exists()) return NotFound("no such consultation", "consultation-not-found");
  if (state.PhaseAt(now) != Phase::kClosed) {
    return Status(Code::kConflict,
                  "the report is published after the consultation has closed (it closes at its "
                  "deadline or by an explicit close)",
                  "consultation-not-closed");
  }
  if (report.consultation != state.info().id) {
    return InvalidArgument("the report is of another consultation", "invalid-field");
  }
  if (report.language != "da" && report.language != "en") {
    return InvalidArgument("language must be da or en", "invalid-field");
  }
  if (PublishedMediaType(report.format).empty() ||
      report.media_type != PublishedMediaType(report.format)) {
    return InvalidArgument("format must be md or html", "invalid-field");
  }
  if (!IsLowerHex64(report.sha256) || report.size == 0) {
    return InvalidArgument("the report's hash and size are required", "invalid-field");
  }
  return std::vector<NewEvent>{ToEvent(report)};
}

}  // namespace hoering::consultations
