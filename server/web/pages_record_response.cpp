// A response received by post or e-mail, recorded by the secretariat on a
// party's behalf (issue 15):
//   GET  /manage/consultations/{id}/responses/new
//        the form: the party (one of the invited), the author's name and
//        optional e-mail, publication, summary, the points (the respond
//        page's fields, partial _point_fields), when it was received (local
//        date and time in the consultation's zone) and, once the
//        consultation is closed, the reason for accepting it late
//   POST /manage/consultations/{id}/responses/new
//        action=add  shows the form again with one more empty point
//        action=record  records it; then its receipt (303)
// The letter itself (a scan, the e-mail's PDF) goes with it as attachments
// (the respond page's file field and limits, partial _attachment_fields).
// Files uploaded with a form that is shown again (a problem, "add a point")
// are kept beside the log as a draft of the reader and the form
// (ResponseDrafts, party "~record", target the SHA-256 of the reader's token
// id and the form's random upload_key), listed with a box to remove them,
// for a day; recording the response discards it.
// The body is the API's (POST /v1/consultations/{id}/responses with
// received_at and accept_late), read by consultations::ParseSubmission and
// written by app::SubmitResponse, so the page accepts exactly what the API
// accepts from an editor: a response received after the deadline is refused
// (409, shown at the reason field) unless a reason is given, and then
// recorded with late: true. Every problem is shown at its field in the
// reader's language, the input kept and nothing written; the form's
// form_key makes a second click answer with the first one's receipt.
#include <spdlog/spdlog.h>

#include "domain/consultations/response_decide.h"
#include "domain/field_problems.h"
#include "domain/sha256.h"
#include "server/app/consultation_queries.h"
#include "server/app/read_views.h"
#include "server/app/response_commands.h"
#include "server/app/token_secret.h"
#include "server/web/page_data.h"
#include "server/web/pages_manage.h"
#include "server/web/response_form.h"

namespace hoering::web::manage {
namespace {

namespace cs = consultations;
using bh::verb;
using nlohmann::json;

std::string RecordHref(const std::string& id) {
  return InboxHref(id) + "/new";
}

bool Blank(const std::string& s) {
  return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

// The form's input.
struct RecordInput {
  std::string party, author_name, author_email, publication, summary;
  std::vector<DraftPoint> points;
  std::vector<DraftAttachment> attachments;
  std::string received_date, received_time, late_reason;
  std::string upload_key;  // 32 hex characters (KeptUploads)
};

// The files uploaded with one rendering of the form, while it is shown
// again: a draft only its reader reaches (see the top of the file).
class KeptUploads {
 public:
  static constexpr TimeMs kKeptFor = 24 * 3600 * 1000;

  KeptUploads(const PageCall& call, std::string consultation, const std::string& upload_key)
      : drafts_(call.ctx.local),
        consultation_(std::move(consultation)),
        target_(ToHex(Sha256(call.who.token_id + ":" + upload_key))),
        now_(call.Now()) {}

  Result<std::vector<DraftAttachment>> Load() {
    auto kept = drafts_.Load(kParty, consultation_, target_, now_);
    if (!kept.ok()) return kept.status();
    return *kept ? std::move((*kept)->attachments) : std::vector<DraftAttachment>{};
  }
  // Keeps `files` (none: forgets).
  Status Keep(const std::vector<DraftAttachment>& files) {
    if (files.empty()) return Forget();
    ResponseDraft d;
    d.attachments = files;
    d.saved_at = now_;
    d.expires_at = now_ + kKeptFor;
    return drafts_.Save(kParty, consultation_, target_, d);
  }
  Status Forget() { return drafts_.Discard(kParty, consultation_, target_); }

 private:
  static constexpr const char* kParty = "~record";
  ResponseDrafts drafts_;
  std::string consultation_, target_;
  TimeMs now_;
};

bool IsUploadKey(const std::string& s) {
  return s.size() == 32 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

RecordInput InputOf(const PageCall& call) {
  RecordInput in;
  const std::pair<const char*, std::string*> fields[] = {{"party", &in.party},
                                                         {"author_name", &in.author_name},
                                                         {"author_email", &in.author_email},
                                                         {"publication", &in.publication},
                                                         {"summary", &in.summary},
                                                         {"received_date", &in.received_date},
                                                         {"received_time", &in.received_time},
                                                         {"late_reason", &in.late_reason}};
  for (const auto& [field, out] : fields) *out = call.Field(field).value_or("");
  in.points = PointsFromForm(call);
  in.upload_key = call.Field("upload_key").value_or("");
  if (!IsUploadKey(in.upload_key)) in.upload_key = app::RandomHex(16);
  return in;
}

// What the form needs of its consultation.
struct Target {
  json doc;       // ConsultationJson
  json sections;  // the consulted text's sections (SectionsForPage shape)
};

Result<Target> LoadTarget(const PageCall& call, const std::string& id) {
  auto doc = app::ConsultationFor(call.ctx, id);
  if (!doc.ok()) return doc.status();
  auto text = ConsultedText(call, doc->body);
  if (!text.ok()) return text.status();
  return Target{doc->body, (*text)->sections};
}

std::string Zone(const Target& t) {
  return t.doc.value("time_zone", "UTC");
}

// The API's body of the input; received_at only when the local time parses.
json BodyOf(const RecordInput& in, const std::optional<TimeMs>& received_at) {
  ResponseDraft draft;
  draft.author_name = in.author_name;
  draft.author_email = in.author_email;
  draft.publication = in.publication;
  draft.summary = in.summary;
  draft.points = in.points;
  draft.attachments = in.attachments;
  json body = draft.SubmissionBody(in.party);
  if (in.party.empty()) body.erase("party");
  if (received_at) body["received_at"] = FormatRfc3339(*received_at);
  if (!Blank(in.late_reason)) body["accept_late"] = {{"reason", in.late_reason}};
  return body;
}

// A refusal of the decider that names no field, tied to the field it is
// about: a closed consultation asks for the late reason, a time before the
// opening or in the future for another time, an unknown party for another.
Status AtItsField(const Status& s) {
  if (!s.errors().empty()) return s;
  FieldProblems p;
  if (s.type() == "consultation-closed") {
    p.Add(s, "/accept_late/reason", "late-reason-required");
  } else if (s.type() == "consultation-not-open") {
    p.Add(s, "/received_at", "received-before-opening");
  } else if (s.type() == "invalid-field") {  // the only one: received_at in the future
    p.Add(s, "/received_at", "received-in-future");
  } else if (s.type() == "unknown-party") {
    p.Add(s, "/party", "unknown-party");
  } else {
    return s;
  }
  return std::move(p).ToStatus();
}

std::string FieldLabel(const PageCall& call, const std::string& id) {
  for (const char* f :
       {"party", "author_name", "author_email", "summary", "received_date", "late_reason"}) {
    if (id == f) return call.T(std::string("manage.record.") + f);
  }
  if (id == "files") return call.T("respond.files");
  if (id == "publication-public") return call.T("manage.record.publication");
  return PointFieldLabel(call, id, call.T("manage.record.point_text"));
}

json PartyOptions(const PageCall& call, const json& c, const std::string& chosen) {
  json out = json::array();
  for (const auto& p : c.value("invited", json::array())) {
    const std::string party = p.get<std::string>();
    out.push_back({{"value", party},
                   {"label", app::PartyName(call.ctx.views, party).value_or(party)},
                   {"selected", party == chosen}});
  }
  return out;
}

// The form with `in`, and `problem` at its fields when not ok (answered
// with the API's status for it).
HtmlPage FormPage(const PageCall& call, const Target& t, const RecordInput& in,
                  const Status& problem = Status::Ok()) {
  const std::string id = t.doc.value("id", "");
  json entry = ConsultationEntry(call, t.doc);
  entry["manage_href"] = ConsultationHref(id);
  entry["inbox_href"] = InboxHref(id);
  const bool closed = t.doc.value("state", "") == "closed";
  json data = {{"c", entry},
               {"action_href", RecordHref(id)},
               {"form_key", NewFormKey()},
               {"upload_key", in.upload_key},
               {"parties", PartyOptions(call, t.doc, in.party)},
               {"author_name", in.author_name},
               {"author_email", in.author_email},
               {"summary", in.summary},
               {"publication_" + (in.publication.empty() ? "none" : in.publication), true},
               {"received_date", in.received_date},
               {"received_time", in.received_time},
               {"late_reason", in.late_reason},
               {"point_text_label", call.T("manage.record.point_text")},
               {"field_errors", json::object()}};
  if (!problem.ok()) {
    AddProblems(
        call, problem,
        {[&call](const std::string& f) { return FieldLabel(call, f); }, nullptr, "record-form", ""},
        data);
  }
  const json& errors = data["field_errors"];
  data["points"] = PointFields(in.points, t.sections, errors);
  AddAttachmentFields(in.attachments, data);
  for (const char* f : {"party", "author_name", "author_email", "summary", "received_date",
                        "late_reason", "files"}) {
    data[std::string(f) + "_error"] = errors.contains(f) ? errors[f] : json("");
  }
  data["publication_error"] =
      errors.contains("publication-public") ? errors["publication-public"] : json("");
  // The reason is asked for when it may be needed: after the deadline.
  data["ask_late"] = closed || errors.contains("late_reason") || !Blank(in.late_reason);
  const bh::status status = problem.ok() ? bh::status::ok : FormStatus(problem);
  return HtmlPage{"manage_record_response",
                  call.T("manage.record.title") + " – " + t.doc.value("title", id), std::move(data),
                  status};
}

Result<PageReply> ShowForm(const PageCall& call) {
  auto t = LoadTarget(call, call.Param("id"));
  if (!t.ok()) return t.status();
  RecordInput in;
  in.upload_key = app::RandomHex(16);
  const LocalInput now = ToLocalInput(call.Now(), Zone(*t));
  in.received_date = now.date;
  in.received_time = now.time;
  return FormPage(call, *t, in);
}

Result<PageReply> PostForm(const PageCall& call) {
  const std::string id = call.Param("id");
  auto t = LoadTarget(call, id);
  if (!t.ok()) return t.status();
  RecordInput in = InputOf(call);
  KeptUploads uploads(call, id, in.upload_key);
  auto kept = uploads.Load();
  if (!kept.ok()) return kept.status();
  Status upload = Status::Ok();
  in.attachments = AttachmentsFromForm(call, std::move(kept).value(), upload);
  // Kept before anything else, so every way back to the form lists them.
  if (Status s = uploads.Keep(in.attachments); !s.ok()) return s;
  if (!upload.ok()) return FormPage(call, *t, in, upload);
  // "Add a point" (without JavaScript): the form again, one more empty point.
  if (call.Field("action").value_or("record") == "add") {
    in.points.push_back({});
    return FormPage(call, *t, in);
  }
  auto received = FromLocalInput(in.received_date, in.received_time, Zone(*t));
  auto parsed = cs::ParseSubmission(
      BodyOf(in, received.ok() ? std::optional<TimeMs>(*received) : std::nullopt));
  if (!received.ok() || !parsed.ok()) {
    FieldProblems problems;
    if (!received.ok()) {
      problems.Add(
          received.status(), "/received_at",
          received.status().type() == "nonexistent-time" ? "nonexistent-time" : "invalid-date");
    }
    if (!parsed.ok()) {
      const Status& whole = parsed.status();
      for (const FieldProblem& p : whole.errors()) {
        problems.Add(Status(whole.code(), whole.detail(), p.type), p.pointer, p.type, p.params);
      }
      if (whole.errors().empty()) problems.Add(whole, "");
    }
    return FormPage(call, *t, in, std::move(problems).ToStatus());
  }
  commands::CommandMeta meta = MetaFor(call, RecordHref(id));
  return LaterPage{[t = *t, in, meta, id, submission = std::move(parsed).value()](
                       const PageCall& later, PageDone done) {
    app::SubmitResponse(
        later.ctx, meta, later.who, id, app::NewResponseId(), submission,
        [&later, t, in, id, done](Result<commands::Written> written) {
          if (written.ok() && !written->events.empty()) {
            const std::string rid = written->events.front().data.value("response", "");
            // Off the store's completion thread: the kept files are no longer needed.
            later.ctx.run_blocking([&later, id, key = in.upload_key, rid, done] {
              if (Status s = KeptUploads(later, id, key).Forget(); !s.ok()) {
                spdlog::warn("could not discard the kept uploads of {}: {}", rid, s.detail());
              }
              done(PageReply(Redirect{ReceiptHref(id, rid), {}}));
            });
            return;
          }
          const Status refusal =
              written.ok() ? Status(Code::kInternal, "no event written", "") : written.status();
          // On the store's completion thread: the page is rendered on the pool.
          later.ctx.run_blocking([&later, t, in, done, refusal] {
            if (refusal.code() == Code::kNotFound) return done(refusal);
            done(PageReply(FormPage(later, t, in, AtItsField(refusal))));
          });
        });
  }};
}

}  // namespace

void AddRecordResponsePages(Pages& pages) {
  const std::string path = "/manage/consultations/{id}/responses/new";
  pages.Add(verb::get, path, app::Editors(), ShowForm);
  pages.Add(verb::post, path, app::Editors(), PostForm);
}

}  // namespace hoering::web::manage
