// The report for the secretariat (issue 15), admin and secretariat only:
//   GET  /manage/consultations/{id}/report
//        the live report (a preview: the public report page, and downloads in
//        Danish or English as they would be published, i.e. as the public
//        reads them), every publication so far (number, time, language,
//        format, size, SHA-256, log position; download), and the form to
//        publish.
//   POST /manage/consultations/{id}/report/publish
//        fields `language` (da|en), `format` (html|md), `form_key`: the
//        write of POST /v1/consultations/{id}/report/publish
//        (app/report_publish.h); then this page with the new publication.
//        A refusal (still open, too large) is shown on the page, nothing
//        written; a second click of the same form is the first's answer.
#include "server/app/consultation_queries.h"
#include "server/app/report_publish.h"
#include "server/http/problem.h"
#include "server/web/page_data.h"
#include "server/web/pages.h"

namespace hoering::web {
namespace {

using bh::verb;
using nlohmann::json;

std::string ManageReportHref(const std::string& id) {
  return "/manage/consultations/" + UrlEncode(id) + "/report";
}

// The publications as the page lists them, newest first.
json PublicationEntries(const PageCall& call, const std::vector<app::PublishedReport>& all,
                        const std::string& zone) {
  json out = json::array();
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    const auto& r = it->report;
    out.push_back({{"number", it->number},
                   {"published", call.LocalTime(FormatRfc3339Ms(it->recorded_at), zone)},
                   {"language", call.T("publish.language_" + r.language)},
                   {"format", r.format == "md" ? "Markdown" : "HTML"},
                   {"size", r.size},
                   {"sha256", r.sha256},
                   {"as_of_position", r.as_of_position},
                   {"position", it->position},
                   {"href", "/v1/consultations/" + UrlEncode(r.consultation) +
                                "/report/published/" + std::to_string(it->number)}});
  }
  return out;
}

// The page, with `refusal` (a publish that was refused) shown at the form.
Result<PageReply> Page(const PageCall& call, const std::string& id, const Status& refusal,
                       const std::string& language, const std::string& format) {
  auto consultation = app::ConsultationFor(call.ctx, id);
  if (!consultation.ok()) return consultation.status();
  const json& c = consultation->body;
  auto all = app::PublishedReports(call.ctx, id);
  if (!all.ok()) return all.status();
  const std::string base = "/v1/consultations/" + UrlEncode(id) + "/report?format=";
  json data = {{"c", ConsultationEntry(call, c)},
               {"preview_href", "/consultations/" + UrlEncode(id) + "/report"},
               {"downloads",
                {{{"label", call.T("publish.download_html_da")}, {"href", base + "html&lang=da"}},
                 {{"label", call.T("publish.download_html_en")}, {"href", base + "html&lang=en"}},
                 {{"label", call.T("publish.download_md_da")}, {"href", base + "md&lang=da"}},
                 {{"label", call.T("publish.download_md_en")}, {"href", base + "md&lang=en"}}}},
               {"publications", PublicationEntries(call, *all, c.value("time_zone", "UTC"))},
               {"has_publications", !all->empty()},
               {"is_closed", c.value("state", "") == "closed"},
               {"action", ManageReportHref(id) + "/publish"},
               {"form_key", NewFormKey()},
               {"language_da", language != "en"},
               {"language_en", language == "en"},
               {"format_html", format != "md"},
               {"format_md", format == "md"}};
  auto status = bh::status::ok;
  if (!refusal.ok()) {
    const std::string by_type = "problems." + refusal.type();
    std::string message = call.T(by_type);
    if (message == by_type) message = refusal.detail();
    data["has_errors"] = true;
    data["refusal"] = message;
    data["errors"] = {{{"field", "language-da"}, {"message", message}}};
    status = static_cast<bh::status>(http::HttpStatusFor(refusal.code()));
  }
  return HtmlPage{"manage_report", call.T("publish.title") + " – " + c.value("title", id),
                  std::move(data), status};
}

Result<PageReply> ShowManageReport(const PageCall& call) {
  return BlockingPage{[id = call.Param("id")](const PageCall& later) -> Result<HtmlPage> {
    auto page = Page(later, id, Status::Ok(), "da", "html");
    if (!page.ok()) return page.status();
    return std::get<HtmlPage>(std::move(page).value());
  }};
}

Result<PageReply> PostPublish(const PageCall& call) {
  const std::string id = call.Param("id");
  const std::string language = call.Field("language").value_or("");
  const std::string format = call.Field("format").value_or("");
  if ((language != "da" && language != "en") || (format != "html" && format != "md")) {
    return Page(call, id,
                InvalidArgument("choose a language and a format", "invalid-publish-choice"),
                language, format);
  }
  commands::CommandMeta meta;
  meta.actor = call.who.actor();
  meta.idempotency = FormIdempotencyKey(call, "POST " + ManageReportHref(id) + "/publish",
                                        "language=" + language + "&format=" + format);
  return LaterPage{[id, language, format, meta](const PageCall& later, PageDone done) {
    app::PublishReport(
        later.ctx, meta, id, language == "en" ? Language::kEnglish : Language::kDanish, format,
        [&later, id, language, format, done](Result<app::PublishedReport> p) {
          if (p.ok()) {
            return done(PageReply(
                Redirect{ManageReportHref(id) + "#publication-" + std::to_string(p->number), {}}));
          }
          // Unknown consultation: the error page; else the form says
          // why (read on the pool: this may run on the completion thread).
          if (p.status().code() == Code::kNotFound) return done(p.status());
          later.ctx.run_blocking([&later, id, language, format, done, refusal = p.status()] {
            done(Page(later, id, refusal, language, format));
          });
        });
  }};
}

}  // namespace

void AddReportPublishPages(Pages& pages) {
  pages.Add(verb::get, "/manage/consultations/{id}/report", app::Editors(), ShowManageReport);
  pages.Add(verb::post, "/manage/consultations/{id}/report/publish", app::Editors(), PostPublish);
}

}  // namespace hoering::web
