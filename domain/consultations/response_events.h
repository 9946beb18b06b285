// The events of a response stream, "response-<id>", the attachment streams,
// and their JSON.
//
// Wire shapes (schema_version 1):
//   ResponseSubmitted    {"response", "consultation", "agreement", "revision": 1,
//                         "submitted_at", "late", "late_reason"?, "received_at"?, <content>}
//   ResponseAmended      {"response", "consultation", "agreement", "revision",
//                         "submitted_at", <content>}
//   ResponseWithdrawn    {"response", "consultation", "revision", "reason"?, "withdrawn_at"}
//   DispositionRecorded  {"response", "consultation", "point", "outcome", "rationale",
//                         "changes"}
//   <content>            "party", "author": {"name", "email"?}, "summary"?,
//                        "points": [{"n", "section"?, "quote"?, "text"}], "publication",
//                        "attachments": [{"filename", "media_type", "size", "sha256"}]
//   AttachmentStored     {"sha256", "media_type", "size", "content_base64"}
//                        in "attachment-<sha256>"
// submitted_at is the server's decision time; the store refuses the append
// when its commit time would be at or after the deadline (see storage).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.h"
#include "domain/status.h"
#include "domain/time.h"

namespace hoering::consultations {

inline constexpr const char* kResponseSubmitted = "ResponseSubmitted";
inline constexpr const char* kResponseAmended = "ResponseAmended";
inline constexpr const char* kResponseWithdrawn = "ResponseWithdrawn";
inline constexpr const char* kDispositionRecorded = "DispositionRecorded";
inline constexpr const char* kAttachmentStored = "AttachmentStored";

std::string ResponseStream(const std::string& id);  // "response-<id>"
// The response id of a "response-<id>" stream; nullopt for any other stream.
std::optional<std::string_view> ResponseIdOf(std::string_view stream);
std::string AttachmentStream(const std::string& sha256);  // "attachment-<sha256 hex>"

enum class Publication { kPublic, kAnonymous, kPrivate };
std::string PublicationName(Publication p);
std::optional<Publication> ParsePublication(const std::string& s);

enum class Outcome { kAccepted, kPartiallyAccepted, kNotAccepted, kNoted, kOutOfScope };
std::string OutcomeName(Outcome o);
std::optional<Outcome> ParseOutcome(const std::string& s);
inline constexpr Outcome kAllOutcomes[] = {Outcome::kAccepted, Outcome::kPartiallyAccepted,
                                           Outcome::kNotAccepted, Outcome::kNoted,
                                           Outcome::kOutOfScope};

struct Author {
  std::string name;
  std::optional<std::string> email;
  bool operator==(const Author&) const = default;
};

struct Point {
  std::optional<std::string> section;
  std::optional<std::string> quote;
  std::string text;
  bool operator==(const Point&) const = default;
};

struct AttachmentRef {
  std::string filename;
  std::string media_type;
  std::uint64_t size = 0;
  std::string sha256;  // hex
  bool operator==(const AttachmentRef&) const = default;
};

struct ResponseContent {
  std::string party;
  Author author;
  std::optional<std::string> summary;
  std::vector<Point> points;  // numbered from 1
  Publication publication = Publication::kPrivate;
  std::vector<AttachmentRef> attachments;
  bool operator==(const ResponseContent&) const = default;
};

struct ResponseRevisionEvent {  // ResponseSubmitted (revision 1) or ResponseAmended
  std::string response;
  std::string consultation;
  std::string agreement;
  std::uint32_t revision = 1;
  TimeMs submitted_at = 0;
  bool late = false;                       // ResponseSubmitted only
  std::optional<std::string> late_reason;  // ResponseSubmitted only
  // ResponseSubmitted only: when the secretariat records a response that
  // reached it through another channel (post, e-mail), the time it arrived;
  // deadlines are judged by it instead of submitted_at.
  std::optional<TimeMs> received_at;
  ResponseContent content;
  bool operator==(const ResponseRevisionEvent&) const = default;
};

struct ResponseWithdrawn {
  std::string response;
  std::string consultation;
  std::uint32_t revision = 0;
  std::optional<std::string> reason;
  TimeMs withdrawn_at = 0;
};

struct DispositionRecorded {
  std::string response;
  std::string consultation;
  std::uint32_t point = 0;  // from 1
  Outcome outcome = Outcome::kNoted;
  std::string rationale;
  std::vector<std::string> changes;  // change set ids of the agreement
};

struct AttachmentStored {
  std::string sha256;
  std::string media_type;
  std::uint64_t size = 0;
  std::string content_base64;
};

nlohmann::json ContentJson(const ResponseContent& c);  // the <content> fields
nlohmann::json AuthorJson(const Author& a);
nlohmann::json PointJson(const Point& p, std::uint32_t n);
nlohmann::json AttachmentRefJson(const AttachmentRef& a);

NewEvent ToEvent(const ResponseRevisionEvent& e);  // type by revision (1: submitted)
NewEvent ToEvent(const ResponseWithdrawn& e);
NewEvent ToEvent(const DispositionRecorded& e);
NewEvent ToEvent(const AttachmentStored& e);

// Reading recorded data back; a bad shape is kCorruption.
Result<ResponseRevisionEvent> ResponseRevisionFromJson(const nlohmann::json& j);
Result<ResponseWithdrawn> ResponseWithdrawnFromJson(const nlohmann::json& j);
Result<DispositionRecorded> DispositionRecordedFromJson(const nlohmann::json& j);
// The <content> fields as ContentJson() writes them.
Result<ResponseContent> ContentFromJson(const nlohmann::json& j);

}  // namespace hoering::consultations
