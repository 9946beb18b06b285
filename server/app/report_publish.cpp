#include "server/app/report_publish.h"

#include <spdlog/spdlog.h>

#include <memory>

#include "domain/consultations/attachments.h"
#include "domain/consultations/report_writer.h"
#include "domain/sha256.h"
#include "server/app/command_http.h"
#include "server/app/consultation_access.h"
#include "server/app/report_language.h"
#include "server/app/report_query.h"
#include "server/app/stored_content.h"

namespace hoering::app {
namespace {

namespace cs = consultations;
using nlohmann::json;

Status ReportNotFound(std::size_t number) {
  return NotFound("the consultation has no published report " + std::to_string(number),
                  "report-not-found");
}

// The report's bytes as the public reads it; 413 past the limit.
struct Generated {
  std::string bytes;
  std::uint64_t as_of_position = 0;
};
Result<Generated> Generate(AppContext& ctx, const std::string& consultation, web::Language lang,
                           const std::string& format) {
  try {
    auto passes = ReportPasses::Open(ctx, access::Principal{}, consultation);
    if (!passes.ok()) return passes.status();
    auto writer =
        cs::MakeReportWriter(format == "md" ? cs::ReportFormat::kMarkdown : cs::ReportFormat::kHtml,
                             ReportLabelsIn(lang));
    Generated out;
    const json head = (*passes)->Head();
    out.as_of_position = head.value("as_of_position", std::uint64_t{0});
    writer->Head(head, out.bytes);
    const Status too_large(Code::kPayloadTooLarge,
                           "the report is larger than " +
                               std::to_string(kMaxPublishedReportBytes >> 20) +
                               " MiB; read it through GET .../report instead",
                           "report-too-large");
    while (true) {
      auto entry = (*passes)->Next();
      if (!entry.ok()) return entry.status();
      if (!*entry) break;
      writer->Response(**entry, out.bytes);
      if (out.bytes.size() > kMaxPublishedReportBytes) return too_large;
    }
    writer->Tail((*passes)->Tail(), out.bytes);
    if (out.bytes.size() > kMaxPublishedReportBytes) return too_large;
    return out;
  } catch (const std::exception& e) {
    // A defect, not bad input: logged, answered as 500 without a crash.
    spdlog::error("report of consultation '{}' for publishing failed: {}", consultation, e.what());
    return Status(Code::kInternal, "internal error", "internal");
  }
}

commands::Decide DecidePublish(AppContext& ctx, cs::ReportPublished report) {
  return [&ctx, report = std::move(report)]() -> Result<commands::Command> {
    auto state = LoadConsultation(ctx, report.consultation);
    if (!state.ok()) return state.status();
    auto events = cs::DecidePublishReport(**state, report, ctx.clock());
    if (!events.ok()) return events.status();
    return CommandFor(cs::ConsultationStream(report.consultation),
                      ExpectedVersion::Exact((*state)->version()), *events);
  };
}

// The publication recorded at `position` (after a write or a replay).
void AnswerAt(AppContext& ctx, const std::string& consultation, std::uint64_t position,
              const std::function<void(Result<PublishedReport>)>& done) {
  auto all = PublishedReports(ctx, consultation);
  if (!all.ok()) return done(all.status());
  for (const auto& p : *all) {
    if (p.position == position) return done(p);
  }
  done(Status(Code::kInternal, "the publication just written is not in its stream", "internal"));
}

}  // namespace

json PublishedReportJson(const PublishedReport& p) {
  json j = cs::ReportPublishedJson(p.report);
  j["number"] = p.number;
  j["position"] = p.position;
  j["hash"] = p.hash;
  j["recorded_at"] = FormatRfc3339Ms(p.recorded_at);
  j["href"] = "/v1/consultations/" + p.report.consultation + "/report/published/" +
              std::to_string(p.number);
  return j;
}

Result<std::vector<PublishedReport>> PublishedReports(AppContext& ctx,
                                                      const std::string& consultation) {
  auto state = LoadConsultation(ctx, consultation);
  if (!state.ok()) return state.status();
  std::vector<PublishedReport> out;
  constexpr std::size_t kBatch = 256;
  for (std::uint64_t from = 1;;) {
    auto events = ctx.log.ReadStream(cs::ConsultationStream(consultation), from, kBatch);
    if (!events.ok()) return events.status();
    for (const RecordedEvent& e : *events) {
      if (e.type != cs::kReportPublished) continue;
      auto j = json::parse(e.data, nullptr, false);
      auto report = cs::ReportPublishedFromJson(j);
      if (!report.ok()) {
        return Status(Code::kCorruption,
                      "event " + std::to_string(e.position) + ": " + report.status().detail(),
                      "corruption");
      }
      out.push_back(PublishedReport{out.size() + 1, std::move(report).value(), e.position,
                                    ToHex(e.hash), e.recorded_at_ms, e.actor});
    }
    if (events->size() < kBatch) break;
    from = events->back().stream_version + 1;
  }
  return out;
}

Result<PublishedReportFile> PublishedReportContent(AppContext& ctx, const std::string& consultation,
                                                   std::size_t number) {
  auto all = PublishedReports(ctx, consultation);
  if (!all.ok()) return all.status();
  if (number == 0 || number > all->size()) return ReportNotFound(number);
  PublishedReportFile file{(*all)[number - 1], {}};
  auto bytes = StoredContent(ctx.log, file.published.report.sha256);
  if (!bytes.ok()) return bytes.status();
  if (ToHex(Sha256(*bytes)) != file.published.report.sha256) {
    return Status(Code::kCorruption,
                  "published report " + std::to_string(number) + " does not match its hash",
                  "corruption");
  }
  file.bytes = std::move(bytes).value();
  return file;
}

void PublishReport(AppContext& ctx, commands::CommandMeta meta, std::string consultation,
                   web::Language language, std::string format,
                   std::function<void(Result<PublishedReport>)> done) {
  if (meta.idempotency) {
    if (auto replay = ctx.commands.Replay(*meta.idempotency)) {
      if (!replay->ok()) return done(replay->status());
      return AnswerAt(ctx, consultation, (*replay)->result.last_position, done);
    }
  }
  cs::ReportPublished report;
  report.consultation = consultation;
  report.language = std::string(web::Code(language));
  report.format = format;
  report.media_type = cs::PublishedMediaType(format);
  // Refusals that need no report (unknown, still open, bad format) come
  // before the work of making it.
  {
    cs::ReportPublished probe = report;
    probe.sha256 = std::string(64, '0');
    probe.size = 1;
    if (auto first = DecidePublish(ctx, probe)(); !first.ok()) return done(first.status());
  }
  ctx.run_blocking([&ctx, meta = std::move(meta), report = std::move(report), language,
                    done = std::move(done)]() mutable {
    auto generated = Generate(ctx, report.consultation, language, report.format);
    if (!generated.ok()) return done(generated.status());
    report.sha256 = ToHex(Sha256(generated->bytes));
    report.size = generated->bytes.size();
    report.as_of_position = generated->as_of_position;
    commands::CommandMeta content_meta;  // no idempotency key: stored once per content anyway
    content_meta.actor = meta.actor;
    content_meta.correlation_id = meta.correlation_id;
    auto store =
        StoreContentOnce(ctx, cs::AttachmentStored{report.sha256, report.media_type, report.size,
                                                   cs::EncodeBase64(generated->bytes)});
    ctx.commands.Execute(
        content_meta, std::move(store),
        [&ctx, meta = std::move(meta), report, done](Result<commands::Written> stored) {
          if (!stored.ok()) return done(stored.status());
          ctx.commands.Execute(meta, DecidePublish(ctx, report),
                               [&ctx, report, done](Result<commands::Written> written) {
                                 if (!written.ok()) return done(written.status());
                                 AnswerAt(ctx, report.consultation, written->result.last_position,
                                          done);
                               });
        });
  });
}

}  // namespace hoering::app
