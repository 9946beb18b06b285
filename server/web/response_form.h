// The parts of a response form shared by the party's form
// (pages_respond.cpp) and the secretariat's form for a response received by
// post or e-mail (pages_record_response.cpp): the points (fields
// "point-<i>-section|quote|text|remove", template partial _point_fields),
// and the API's problems (FieldProblem, JSON pointers) shown in the error
// summary and at their fields in the reader's language.
// Thread safety: functions of values.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "server/web/page.h"
#include "server/web/response_drafts.h"

namespace hoering::web {

// The points of a posted form, in order: blank ones (no text, no quote) and
// those ticked for removal dropped.
std::vector<DraftPoint> PointsFromForm(const PageCall& call);

// The template data of the points (partial _point_fields): `points` plus
// one empty point (up to the API's limit), each with its section options
// from `sections` (SectionsForPage shape) and its problems from
// `field_errors` ("point-<i>-<part>" -> message).
nlohmann::json PointFields(const std::vector<DraftPoint>& points, const nlohmann::json& sections,
                           const nlohmann::json& field_errors);

// The attachments of a posted form: `kept` less those ticked for removal
// ("file-<i>-remove"), plus the new uploads of field "files". An upload
// beyond the API's limits (20 files, 10 MB together) is not added, nor a
// file already kept; `problem` then says why (at "/attachments", the file
// field), else it is ok.
std::vector<DraftAttachment> AttachmentsFromForm(const PageCall& call,
                                                 std::vector<DraftAttachment> kept,
                                                 Status& problem);

// The template data of the attachments (partial _attachment_fields):
// has_attachments and attachments [{i, filename, media_type, size_kb}].
void AddAttachmentFields(const std::vector<DraftAttachment>& attachments, nlohmann::json& data);

// The form element a problem's JSON pointer names ("/points/1/quote" ->
// "point-1-quote", "/received_at" -> "received_date"); "" when none.
std::string FieldIdFor(const std::string& pointer);

// What the error summary calls a point's field ("Point 2, Quoted passage"),
// `text_label` naming its comment field; "" for a field that is not a point's.
std::string PointFieldLabel(const PageCall& call, const std::string& id,
                            const std::string& text_label);

// A problem's message in the reader's language: "field_errors.<type>" (with
// {max}), else "problems.<type>", else the status's general message.
std::string FieldMessage(const PageCall& call, const FieldProblem& p, const Status& whole);

// `data` with the problems of `status`: the summary list (each linking to
// its field, named by `label_of`) and data["field_errors"][<field id>].
// A status without field problems is shown at `field_of(status)` (or, when
// that is "", in the summary only, linking to `form_id`). A non-empty
// `instead` replaces every message (a stale form's explanation).
struct ProblemFields {
  std::function<std::string(const std::string& id)> label_of;
  std::function<std::string(const Status& whole)> field_of;
  std::string form_id;
  std::string instead;
};
void AddProblems(const PageCall& call, const Status& status, const ProblemFields& how,
                 nlohmann::json& data);

}  // namespace hoering::web
