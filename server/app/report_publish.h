// Publishing the consultation report (domain/consultations/report_published.h):
// the report the political bodies are sent, fixed in the log.
//
// PublishReport generates the report in `language` and `format` ("md" or
// "html") as the PUBLIC reads it (an anonymous reader: a response that is not
// public is withheld as on the public report page), on the blocking pool, as
// of one log position; stores its bytes once per content in
// "attachment-<sha256>"; then records ReportPublished on the consultation's
// stream with that hash, size, language, format and position (decided on the
// consultation's state: it must have closed). An Idempotency-Key in `meta`
// answers a repeated request with the first publication. Errors: those of
// DecidePublishReport; 413 "report-too-large" past kMaxPublishedReportBytes
// (a report that big is read through GET .../report, not published);
// a read error of the log. A report whose bytes were stored but whose
// ReportPublished was then refused leaves the stored bytes in the log,
// named by nothing (as an attachment of a refused response does).
//
// PublishedReports lists a consultation's publications, numbered from 1 in
// stream order; PublishedReportContent returns one's bytes (checked against
// its hash: a mismatch is kCorruption, never served).
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/consultations/report_published.h"
#include "server/app/app_context.h"
#include "server/commands/command_service.h"
#include "server/web/language.h"

namespace hoering::app {

inline constexpr std::size_t kMaxPublishedReportBytes = 32u << 20;

struct PublishedReport {
  std::size_t number = 0;  // from 1, in the order of the consultation's stream
  consultations::ReportPublished report;
  std::uint64_t position = 0;  // of the ReportPublished event
  std::string hash;            // the event's hash (hex)
  TimeMs recorded_at = 0;
  Actor actor;
};

// The wire shape plus {number, position, hash, recorded_at, href} where href
// is the API path of the bytes.
nlohmann::json PublishedReportJson(const PublishedReport& p);

// 404 "consultation-not-found" for an unknown consultation.
Result<std::vector<PublishedReport>> PublishedReports(AppContext& ctx,
                                                      const std::string& consultation);

// 404 "consultation-not-found", 404 "report-not-found" (no publication
// `number`).
struct PublishedReportFile {
  PublishedReport published;
  std::string bytes;
};
Result<PublishedReportFile> PublishedReportContent(AppContext& ctx, const std::string& consultation,
                                                   std::size_t number);

// `done` is called once, from a pool or the completion thread.
void PublishReport(AppContext& ctx, commands::CommandMeta meta, std::string consultation,
                   web::Language language, std::string format,
                   std::function<void(Result<PublishedReport>)> done);

}  // namespace hoering::app
