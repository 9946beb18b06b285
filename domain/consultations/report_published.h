// Publishing the consultation report: the secretariat fixes the report the
// political bodies are sent. The report itself is generated, never edited:
// its bytes are stored once per content in "attachment-<sha256>"
// (AttachmentStored, response_events.h) and the consultation stream records
// which bytes were published, in which language and format, made from the
// log as of which position.
//
// Wire shape (schema_version 1), on "consultation-<id>":
//   ReportPublished  {"consultation", "language": "da"|"en", "format": "md"|"html",
//                     "media_type", "sha256", "size", "as_of_position"}
// No read view folds it (events/decoded_event.h decodes it as an unknown
// type; ConsultationState counts it in version() only): the published reports
// are read from the consultation's stream when asked for. A consultation's
// reports are numbered from 1 in the order of its stream.
//
// Errors of DecidePublishReport (Status code, problem type):
//   404 "consultation-not-found"; 409 "consultation-not-closed" (a report is
//   published after the deadline or an explicit close);
//   400 "invalid-field" for a language, format, hash or size out of range.
// Pure.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/consultations/consultation_state.h"
#include "domain/event.h"
#include "domain/status.h"

namespace hoering::consultations {

inline constexpr const char* kReportPublished = "ReportPublished";

struct ReportPublished {
  std::string consultation;
  std::string language;    // "da" | "en"
  std::string format;      // "md" | "html"
  std::string media_type;  // "text/markdown; charset=utf-8" | "text/html; charset=utf-8"
  std::string sha256;      // hex SHA-256 of the report's bytes
  std::uint64_t size = 0;  // bytes
  std::uint64_t as_of_position = 0;
  bool operator==(const ReportPublished&) const = default;
};

NewEvent ToEvent(const ReportPublished& e);
// A bad shape is kCorruption.
Result<ReportPublished> ReportPublishedFromJson(const nlohmann::json& j);
// The event's JSON as the API shows it (the wire shape).
nlohmann::json ReportPublishedJson(const ReportPublished& e);

// The media type of a published format ("md", "html"); "" for another.
std::string PublishedMediaType(const std::string& format);

Result<std::vector<NewEvent>> DecidePublishReport(const ConsultationState& state,
                                                  const ReportPublished& report, TimeMs now);

}  // namespace hoering::consultations
