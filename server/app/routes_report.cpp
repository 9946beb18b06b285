// GET /v1/consultations/{id}/report?format=json|md|html|csv&lang=da|en: the
// consultation report (report_query.h), streamed. Public; what it shows of
// each response follows response visibility. md and html are worded in the
// language of report_language.h, with Content-Language and Vary:
// Accept-Language; csv is an attachment.
//
// Before the first byte, on the blocking pool: the query's first pass. Its
// errors (404 unknown consultation) are answered as problem+json, like the
// 400s for a bad format or lang found on the I/O thread. Then the head goes
// out (200, no Content-Length; the body ends with the connection) and the
// body follows in chunks of about kChunk bytes, each produced by a job on
// the blocking pool and handed to the connection; the next job is posted
// only once the connection has written the previous chunk (back-pressure: a
// slow reader holds no pool thread and at most one chunk in memory). A
// failure after the head (a read error of the log) is logged and ends the
// connection: the client gets a truncated body. A client that goes away, or
// a server shutdown, stops the production at the next chunk.
#include <spdlog/spdlog.h>

#include <memory>

#include "domain/consultations/report_writer.h"
#include "server/app/report_language.h"
#include "server/app/report_query.h"
#include "server/app/routes.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::field;
using boost::beast::http::status;
using boost::beast::http::verb;
namespace cs = consultations;

constexpr std::size_t kChunk = 64 * 1024;

// Writes one report to a connection, a chunk per blocking job.
class ReportStream : public std::enable_shared_from_this<ReportStream> {
 public:
  ReportStream(AppContext& ctx, std::string id, std::unique_ptr<ReportPasses> passes,
               std::unique_ptr<cs::ReportWriter> writer)
      : ctx_(ctx), id_(std::move(id)), passes_(std::move(passes)), writer_(std::move(writer)) {}

  // On the connection's strand: hands the production to the pool.
  void Start(std::shared_ptr<http::StreamWriter> out) {
    out_ = std::move(out);
    ctx_.run_blocking([self = shared_from_this()] { self->Step(); });
  }

 private:
  // On the blocking pool: produces the next chunk and hands it over.
  void Step() {
    if (out_->Closed()) return;  // the client went away, or the server stops
    std::string chunk;
    Result<bool> more = Produce(chunk);
    if (!more.ok()) {
      spdlog::error("report of consultation '{}' failed after {} bytes (body cut): {}", id_, sent_,
                    more.status().detail());
      return out_->Abort();
    }
    sent_ += chunk.size();
    if (chunk.empty() && !*more) return out_->Close();
    out_->Write(std::move(chunk), [self = shared_from_this(), last = !*more](bool ok) {
      if (!ok) return;
      if (last) return self->out_->Close();
      self->ctx_.run_blocking([self] { self->Step(); });
    });
  }

  // Appends at least kChunk bytes to `out`, or the rest of the report;
  // false when the report is complete.
  Result<bool> Produce(std::string& out) {
    try {
      if (!head_written_) {
        writer_->Head(passes_->Head(), out);
        head_written_ = true;
      }
      while (out.size() < kChunk) {
        auto entry = passes_->Next();
        if (!entry.ok()) return entry.status();
        if (!*entry) {
          writer_->Tail(passes_->Tail(), out);
          return false;
        }
        writer_->Response(**entry, out);
      }
      return true;
    } catch (const std::exception& e) {
      return Status(Code::kInternal, e.what());
    }
  }

  AppContext& ctx_;
  const std::string id_;
  std::unique_ptr<ReportPasses> passes_;
  std::unique_ptr<cs::ReportWriter> writer_;
  std::shared_ptr<http::StreamWriter> out_;
  bool head_written_ = false;
  std::size_t sent_ = 0;
};

struct Format {
  cs::ReportFormat format;
  const char* content_type;
  bool worded;  // md and html: Content-Language, Vary
};

Result<Format> ParseFormat(const std::string& format) {
  if (format == "json") return Format{cs::ReportFormat::kJson, "application/json", false};
  if (format == "md" || format == "markdown") {
    return Format{cs::ReportFormat::kMarkdown, "text/markdown; charset=utf-8", true};
  }
  if (format == "html") return Format{cs::ReportFormat::kHtml, "text/html; charset=utf-8", true};
  if (format == "csv") return Format{cs::ReportFormat::kCsv, "text/csv; charset=utf-8", false};
  return InvalidArgument("format must be json, md, html or csv", "invalid-query");
}

http::Response StreamHead(const http::Request& req, const Format& format, web::Language lang,
                          const std::string& id) {
  http::Response head{status::ok, req.version()};
  head.set(field::content_type, format.content_type);
  if (format.worded) {
    head.set(field::content_language, web::Code(lang));
    head.set(field::vary, "Accept-Language");
  }
  if (format.format == cs::ReportFormat::kCsv) {
    head.set(field::content_disposition, "attachment; filename=\"" + id + "-report.csv\"");
  }
  return head;
}

Result<Reply> Report(const Call& call) {
  auto format = ParseFormat(call.Query("format").value_or("json"));
  if (!format.ok()) return format.status();
  auto lang = ReportLanguage(call.Query("lang"), call.req[field::accept_language]);
  if (!lang.ok()) return lang.status();
  return Later{[&ctx = call.ctx, who = call.who, id = call.Param("id"), format = *format,
                lang = *lang](std::shared_ptr<const http::Request> req, http::Responder respond) {
    ctx.run_blocking([&ctx, who, id, format, lang, req = std::move(req),
                      respond = std::move(respond)] {
      auto passes = ReportPasses::Open(ctx, who, id);
      if (!passes.ok()) return respond(http::MakeProblem(passes.status(), *req));
      auto stream =
          std::make_shared<ReportStream>(ctx, id, std::move(passes).value(),
                                         cs::MakeReportWriter(format.format, ReportLabelsIn(lang)));
      respond.stream(http::StreamReply{
          StreamHead(*req, format, lang, id),
          [stream](std::shared_ptr<http::StreamWriter> out) { stream->Start(std::move(out)); }});
    });
  }};
}

}  // namespace

void AddReportRoutes(Routes& routes) {
  routes.Add(verb::get, "/v1/consultations/{id}/report", Anyone(), Report);
}

}  // namespace hoering::app
