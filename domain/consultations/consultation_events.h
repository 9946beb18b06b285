// The events of a consultation stream, "consultation-<id>", and their JSON.
//
// Wire shapes (schema_version 1):
//   ConsultationOpened  {"id", "agreement", "version": {"number", "label", "hash"}, "title",
//                        "opens_at", "closes_at", "invited": [party ids], "time_zone"}
//   DeadlineExtended    {"consultation", "closes_at", "previous_closes_at", "reason"}
//   ConsultationClosed  {"consultation", "reason"?}
// Times are RFC 3339 UTC with milliseconds. The first event of a stream is
// ConsultationOpened (appended with "no stream").
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/event.h"
#include "domain/status.h"
#include "domain/time.h"

namespace hoering::consultations {

inline constexpr const char* kConsultationOpened = "ConsultationOpened";
inline constexpr const char* kDeadlineExtended = "DeadlineExtended";
inline constexpr const char* kConsultationClosed = "ConsultationClosed";

std::string ConsultationStream(const std::string& id);  // "consultation-<id>"

struct VersionRef {
  std::uint32_t number = 0;
  std::string label;
  std::string hash;
  bool operator==(const VersionRef&) const = default;
};

struct ConsultationOpened {
  std::string id;
  std::string agreement;
  VersionRef version;
  std::string title;
  TimeMs opens_at = 0;
  TimeMs closes_at = 0;
  std::vector<std::string> invited;
  std::string time_zone = "UTC";
  bool operator==(const ConsultationOpened&) const = default;
};

struct DeadlineExtended {
  std::string consultation;
  TimeMs closes_at = 0;
  TimeMs previous_closes_at = 0;
  std::string reason;
};

struct ConsultationClosed {
  std::string consultation;
  std::optional<std::string> reason;
};

nlohmann::json VersionRefJson(const VersionRef& v);

NewEvent ToEvent(const ConsultationOpened& e);
NewEvent ToEvent(const DeadlineExtended& e);
NewEvent ToEvent(const ConsultationClosed& e);

// Reading recorded data back; a bad shape is kCorruption.
Result<ConsultationOpened> ConsultationOpenedFromJson(const nlohmann::json& j);
Result<DeadlineExtended> DeadlineExtendedFromJson(const nlohmann::json& j);
Result<ConsultationClosed> ConsultationClosedFromJson(const nlohmann::json& j);

}  // namespace hoering::consultations
