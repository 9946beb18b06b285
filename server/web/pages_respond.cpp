// The response form of a signed-in party (issue 14):
//   GET  /consultations/{id}/respond[?section=S][&response=R]
//        the form: author, publication consent in plain words, summary, the
//        points (each may be anchored to a section of the consulted text and
//        quote a passage of it), attachments. With ?response= it amends that
//        response (the form opens with its current revision); ?section= adds
//        a point on that section ("comment on this section" on the text).
//   POST /consultations/{id}/respond
//        action=save     keeps the input as the party's draft
//        action=preview  checks it and shows the response as it will be read
//        action=submit   submits (or amends) it; then the receipt page
//   GET  /consultations/{id}/responses/{rid}/receipt[?format=json]
//        the receipt of the latest revision, printable, and as the JSON file
//        `hoering receipt check` and /receipts/verify accept
//   POST /consultations/{id}/responses/{rid}/withdraw
//        withdraws the response (reason optional); then its receipt
// Over 400 lines: the form's actions (save, preview, submit, amend) share one
// draft, one parse and one render path here; the pieces other forms share are
// already in response_form.h and response_drafts.h.
//
// Rules and writes are the API's: the body is built from the draft and read
// by consultations::ParseSubmission, and response_commands.h decides and
// appends it, so a page never accepts what POST /v1/.../responses refuses.
// Every problem is shown in the reader's language at its field, the input
// kept in the draft (response_drafts.h) and nothing written. The form always
// ends with one empty point, so a point is added by filling it in and saving;
// a point is removed by ticking its box. Uploaded files stay with the draft.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>

#include "domain/consultations/attachments.h"
#include "domain/consultations/response_decide.h"
#include "domain/decimal.h"
#include "domain/field_problems.h"
#include "domain/time.h"
#include "server/app/command_http.h"
#include "server/app/consultation_queries.h"
#include "server/app/read_views.h"
#include "server/app/response_commands.h"
#include "server/app/response_queries.h"
#include "server/app/token_secret.h"
#include "server/http/problem.h"
#include "server/web/local_time.h"
#include "server/web/page_data.h"
#include "server/web/pages.h"
#include "server/web/response_drafts.h"
#include "server/web/response_form.h"
#include "server/web/text_view.h"

namespace hoering::web {
namespace {

namespace cs = consultations;
using bh::verb;
using nlohmann::json;

constexpr TimeMs kDraftKeptAfterCloseMs = 30LL * 24 * 60 * 60 * 1000;

std::string RespondHref(const std::string& consultation) {
  return "/consultations/" + UrlEncode(consultation) + "/respond";
}

// What the form needs of its consultation: the API's document, the consulted
// text's sections (for the section choice) and until when a draft is kept.
struct Consulted {
  json doc;
  json sections;  // SectionsForPage shape
  TimeMs draft_expires_at = 0;
};

// The consultation must take responses now (the form is no use otherwise):
// the decider's own answer, 409 "consultation-closed" / "consultation-not-open".
Status CheckOpen(const Consulted& c) {
  const std::string state = c.doc.value("state", "");
  if (state == "open") return Status::Ok();
  if (state == "scheduled") {
    return Status(Code::kConflict, "the consultation is not open yet", "consultation-not-open");
  }
  return Status(Code::kConflict, "the consultation is closed", "consultation-closed");
}

// The consultation `id` for the form; it must take responses now (CheckOpen).
Result<Consulted> LoadConsulted(const PageCall& call, const std::string& id) {
  auto doc = app::ConsultationFor(call.ctx, id);
  if (!doc.ok()) return doc.status();
  Consulted out;
  out.doc = doc->body;
  auto text = ConsultedText(call, out.doc);
  if (!text.ok()) return text.status();
  out.sections = (*text)->sections;
  const auto closes = ParseRfc3339(out.doc.value("closes_at", ""));
  out.draft_expires_at = (closes ? *closes : call.Now()) + kDraftKeptAfterCloseMs;
  if (Status s = CheckOpen(out); !s.ok()) return s;
  return out;
}

// The form's input over `kept` (whose attachments and version stay, less the
// ones ticked for removal, plus new uploads). Blank points are dropped. An
// upload beyond the API's limits (20 files, 10 MB together) or a file already
// kept is not added; `upload` then says why (at the file field).
ResponseDraft DraftFromForm(const PageCall& call, ResponseDraft kept, Status& upload) {
  ResponseDraft d = std::move(kept);
  d.author_name = call.Field("author_name").value_or("");
  d.author_email = call.Field("author_email").value_or("");
  d.publication = call.Field("publication").value_or("");
  d.summary = call.Field("summary").value_or("");
  d.points = PointsFromForm(call);
  d.attachments = AttachmentsFromForm(call, std::move(d.attachments), upload);
  d.version = ParseDecimal<std::uint64_t>(call.Field("version").value_or("")).value_or(0);
  return d;
}

// A refusal because the response changed after the form was opened.
bool IsStale(const Status& s) {
  return s.code() == Code::kPreconditionFailed || s.code() == Code::kWrongExpectedVersion;
}

// What the summary calls field `id` ("Point 2, Quoted passage"), so that
// each of its links says where it leads.
std::string FieldLabel(const PageCall& call, const std::string& id) {
  static const std::map<std::string, std::string> kLabels = {
      {"author_name", "respond.author_name"},
      {"author_email", "respond.author_email"},
      {"publication-public", "respond.publication"},
      {"summary", "respond.summary"},
      {"files", "respond.files"}};
  if (auto it = kLabels.find(id); it != kLabels.end()) return call.T(it->second);
  return PointFieldLabel(call, id, call.T("respond.point_text"));
}

// The form page for `draft` (plus one empty point), with `problem` shown
// when not ok; its status is the API's for the problem.
HtmlPage FormPage(const PageCall& call, const Consulted& c, const std::string& target,
                  const ResponseDraft& draft, const Status& problem = Status::Ok()) {
  const std::string id = c.doc.value("id", "");
  const std::string zone = c.doc.value("time_zone", "UTC");
  json data = {{"c", ConsultationEntry(call, c.doc)},
               {"action_href", RespondHref(id)},
               {"target", target},
               {"amend", target != kNewResponseDraft},
               {"version", draft.version},
               {"form_key", NewFormKey()},
               {"author_name", draft.author_name},
               {"author_email", draft.author_email},
               {"summary", draft.summary},
               {"publication_" + (draft.publication.empty() ? "none" : draft.publication), true},
               {"field_errors", json::object()}};
  if (target != kNewResponseDraft) data["response_id"] = target;
  if (draft.saved_at > 0) data["saved"] = FormatLocalDateTime(draft.saved_at, zone, call.lang);
  if (!problem.ok()) {
    AddProblems(call, problem,
                {[&call](const std::string& f) { return FieldLabel(call, f); }, nullptr,
                 "respond-form", IsStale(problem) ? call.T("respond.stale") : ""},
                data);
  }
  const json& errors = data["field_errors"];
  auto error_of = [&errors](const std::string& field) {
    return errors.contains(field) ? errors[field] : json("");
  };
  data["points"] = PointFields(draft.points, c.sections, errors);
  data["point_text_label"] = call.T("respond.point_text");
  AddAttachmentFields(draft.attachments, data);
  for (const char* f : {"author_name", "author_email", "summary", "files"}) {
    data[std::string(f) + "_error"] = error_of(f);
  }
  data["publication_error"] = error_of("publication-public");
  const auto status = bh::int_to_status(problem.ok() ? 200 : http::HttpStatusFor(problem.code()));
  return HtmlPage{"respond", call.T("respond.title") + " – " + c.doc.value("title", id),
                  std::move(data), status};
}

// The target ("new" or a response id) a request works on; a response id
// must be one of the caller's (else 404, as in the API).
Result<std::string> TargetOf(const PageCall& call, const std::string& consultation,
                             const std::string& requested) {
  if (requested.empty() || requested == kNewResponseDraft) return std::string(kNewResponseDraft);
  auto doc = app::ResponseFor(call.ctx, call.who, consultation, requested);
  if (!doc.ok()) return doc.status();
  return requested;
}

// A new draft for amending `response`: its current revision, with its
// attachments read back from the log.
Result<ResponseDraft> DraftOfResponse(const PageCall& call, const std::string& consultation,
                                      const std::string& response) {
  auto doc = app::ResponseFor(call.ctx, call.who, consultation, response);
  if (!doc.ok()) return doc.status();
  const json& r = doc->body;
  ResponseDraft d;
  d.version = doc->version;
  if (r.contains("author") && r["author"].is_object()) {
    d.author_name = r["author"].value("name", "");
    const json email = r["author"].value("email", json());
    if (email.is_string()) d.author_email = email.get<std::string>();
  }
  d.publication = r.value("publication", "");
  if (r.value("summary", json()).is_string()) d.summary = r["summary"].get<std::string>();
  for (const auto& p : r.value("points", json::array())) {
    DraftPoint point;
    if (p.value("section", json()).is_string()) point.section = p["section"].get<std::string>();
    if (p.value("quote", json()).is_string()) point.quote = p["quote"].get<std::string>();
    point.text = p.value("text", "");
    d.points.push_back(std::move(point));
  }
  for (const auto& a : r.value("attachments", json::array())) {
    auto file =
        app::AttachmentFor(call.ctx, call.who, consultation, response, a.value("sha256", ""));
    if (!file.ok()) return file.status();
    d.attachments.push_back(
        {file->filename, file->media_type, cs::EncodeBase64(file->bytes), file->bytes.size()});
  }
  return d;
}

// The draft the form opens with: the saved one, else a new one (for an
// amendment, the response's current revision).
Result<ResponseDraft> CurrentDraft(const PageCall& call, const Consulted& c,
                                   const std::string& target) {
  const std::string id = c.doc.value("id", "");
  auto saved = ResponseDrafts(call.ctx.local).Load(call.who.party, id, target, call.Now());
  if (!saved.ok()) return saved.status();
  if (*saved) return **saved;
  if (target != kNewResponseDraft) return DraftOfResponse(call, id, target);
  return ResponseDraft{};
}

Status SaveDraft(const PageCall& call, const Consulted& c, const std::string& target,
                 ResponseDraft& draft) {
  draft.saved_at = call.Now();
  draft.expires_at = c.draft_expires_at;
  return ResponseDrafts(call.ctx.local).Save(call.who.party, c.doc.value("id", ""), target, draft);
}

Result<PageReply> ShowForm(const PageCall& call) {
  if (auto refused = UnlessParty(call)) return std::move(*refused);
  const std::string& id = call.Param("id");
  auto c = LoadConsulted(call, id);
  if (!c.ok()) return c.status();
  auto target = TargetOf(call, id, call.Query("response").value_or(""));
  if (!target.ok()) return target.status();
  auto draft = CurrentDraft(call, *c, *target);
  if (!draft.ok()) return draft.status();
  if (auto section = call.Query("section")) {
    // "Comment on this section": a point on it, unless the last one is.
    if (draft->points.empty() || draft->points.back().section != *section ||
        !draft->points.back().text.empty()) {
      draft->points.push_back({*section, "", ""});
    }
  }
  return FormPage(call, *c, *target, *draft);
}

// After a write: the draft it came from is gone, and the receipt page next.
PageReply AfterWrite(const PageCall& call, const std::string& consultation,
                     const std::string& target, const commands::Written& written) {
  const std::string response =
      written.events.empty() ? target : written.events.front().data.value("response", target);
  if (Status s = ResponseDrafts(call.ctx.local).Discard(call.who.party, consultation, target);
      !s.ok()) {
    spdlog::warn("could not discard a submitted draft: {}", s.detail());
  }
  return Redirect{ReceiptHref(consultation, response), {}};
}

// The response as it will be read, with a button to submit the saved draft
// and a link back to the form.
HtmlPage PreviewPage(const PageCall& call, const Consulted& c, const std::string& target,
                     const ResponseDraft& draft) {
  const std::string id = c.doc.value("id", "");
  std::map<std::string, std::string> headings;
  for (const auto& s : c.sections) headings[s.value("id", "")] = s.value("heading", "");
  json points = json::array();
  for (std::size_t i = 0; i < draft.points.size(); ++i) {
    const DraftPoint& p = draft.points[i];
    json point = {{"n", i + 1}, {"quote", p.quote}, {"text", p.text}};
    if (!p.section.empty()) {
      point["section"] = headings.count(p.section) ? headings[p.section] : p.section;
      point["section_href"] = "/consultations/" + UrlEncode(id) + "#" + UrlEncode(p.section);
    }
    points.push_back(std::move(point));
  }
  json files = json::array();
  for (const auto& a : draft.attachments) {
    files.push_back({{"filename", a.filename}, {"size_kb", (a.size + 1023) / 1024}});
  }
  std::string edit = RespondHref(id);
  if (target != kNewResponseDraft) edit += "?response=" + UrlEncode(target);
  json data = {{"c", ConsultationEntry(call, c.doc)},
               {"action_href", RespondHref(id)},
               {"edit_href", edit},
               {"target", target},
               {"amend", target != kNewResponseDraft},
               {"form_key", NewFormKey()},
               {"preview", true},
               {"author_name", draft.author_name},
               {"author_email", draft.author_email},
               {"summary", draft.summary},
               {"publication_label", call.T("respond.publication_" + draft.publication)},
               {"points", points},
               {"has_attachments", !files.empty()},
               {"attachments", files}};
  return HtmlPage{"respond_preview",
                  call.T("respond.preview_title") + " – " + c.doc.value("title", id),
                  std::move(data)};
}

// The idempotency key of one rendering of the form ("form_key", random per
// page): a second click of the same button is answered with the first's
// receipt. Its fingerprint is the target alone, so a second click whose body
// differs (the draft already gone, files sent again) is still a replay.
std::optional<commands::IdempotencyKey> FormKey(const PageCall& call, const std::string& id,
                                                const std::string& target) {
  return FormIdempotencyKey(call, "POST " + RespondHref(id), target);
}

// Submits (or amends) `draft`: the receipt page, or the form with every
// problem at its field.
Result<PageReply> Submit(const PageCall& call, const Consulted& c, const std::string& target,
                         const ResponseDraft& draft) {
  const std::string id = c.doc.value("id", "");
  auto submission = cs::ParseSubmission(draft.SubmissionBody(call.who.party));
  if (!submission.ok()) return FormPage(call, c, target, draft, submission.status());
  commands::CommandMeta meta;
  meta.actor = call.who.actor();
  meta.idempotency = FormKey(call, id, target);
  const bool amend = target != kNewResponseDraft;
  if (amend) meta.on_conflict = commands::OnConflict::kRefuse;
  return LaterPage{[c, target, draft, meta, amend, submission = std::move(submission).value()](
                       const PageCall& later, PageDone done) {
    const std::string id = c.doc.value("id", "");
    // Runs on the store's completion thread: the draft's synced writes move to
    // the blocking pool, so no commit waits for them.
    auto finish = [&later, c, target, draft, id, done](Result<commands::Written> written) {
      later.ctx.run_blocking([&later, c, target, draft, id, done, written] {
        if (written.ok()) return done(AfterWrite(later, id, target, *written));
        if (!IsStale(written.status())) {
          return done(PageReply(FormPage(later, c, target, draft, written.status())));
        }
        // Changed meanwhile: the form, explained, now names the current
        // version, so submitting it again (after a look) replaces the response.
        ResponseDraft current = draft;
        current.version = later.ctx.log.StreamVersion(cs::ResponseStream(target));
        if (Status s = SaveDraft(later, c, target, current); !s.ok()) return done(s);
        done(PageReply(FormPage(later, c, target, current, written.status())));
      });
    };
    if (amend) {
      app::AmendResponse(later.ctx, meta, later.who, id, target, draft.version, submission,
                         std::move(finish));
    } else {
      app::SubmitResponse(later.ctx, meta, later.who, id, app::NewResponseId(), submission,
                          std::move(finish));
    }
  }};
}

Result<PageReply> PostForm(const PageCall& call) {
  if (auto refused = UnlessParty(call)) return std::move(*refused);
  const std::string& id = call.Param("id");
  auto c = LoadConsulted(call, id);
  if (!c.ok()) return c.status();
  auto target = TargetOf(call, id, call.Field("target").value_or(""));
  if (!target.ok()) return target.status();
  const std::string action = call.Field("action").value_or("save");
  if (action == "submit") {
    // A second click after the first was recorded: its receipt, before the
    // (now discarded) draft is touched.
    if (auto key = FormKey(call, id, *target)) {
      if (auto replay = call.ctx.commands.Replay(*key); replay && replay->ok()) {
        return AfterWrite(call, id, *target, **replay);
      }
    }
  }
  auto kept = CurrentDraft(call, *c, *target);
  if (!kept.ok()) return kept.status();
  // The preview's submit button sends no fields: the saved draft is sent.
  Status upload = Status::Ok();
  ResponseDraft draft = call.Field("author_name") ? DraftFromForm(call, *kept, upload) : *kept;
  if (Status s = SaveDraft(call, *c, *target, draft); !s.ok()) return s;
  if (!upload.ok()) return FormPage(call, *c, *target, draft, upload);
  if (action == "submit") return Submit(call, *c, *target, draft);
  if (action == "preview") {
    auto submission = cs::ParseSubmission(draft.SubmissionBody(call.who.party));
    if (!submission.ok()) return FormPage(call, *c, *target, draft, submission.status());
    return PreviewPage(call, *c, *target, draft);
  }
  // Saved: back to the form by GET, so a reload does not post again.
  std::string back = RespondHref(id);
  if (*target != kNewResponseDraft) back += "?response=" + UrlEncode(*target);
  return Redirect{back + "#respond-form", {}};
}

}  // namespace

void AddRespondPages(Pages& pages) {
  pages.Add(verb::get, "/consultations/{id}/respond", ShowForm);
  pages.Add(verb::post, "/consultations/{id}/respond", PostForm);
}

}  // namespace hoering::web
