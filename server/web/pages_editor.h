// The secretariat's text editor (issue 15), split by idea:
//   pages_editor.cpp        GET /manage/agreements/{id}/edit: the working text
//                           section by section, one section's form
//                           (?section=<id>, or "new" to add one), import and
//                           publish; the rendering shared with the POSTs
//   pages_editor_save.cpp   the POSTs: a section saved, moved up or down,
//                           removed or added (one change set each, with a
//                           rationale and cited points), Markdown imported,
//                           a version published; through
//                           server/app/agreement_commands.h, the commands the
//                           JSON routes run
//   pages_editor_cites.cpp  the points a change set may cite: every point of
//                           the responses to consultations on the agreement,
//                           filtered by a word
//   pages_editor_why.cpp    the diff page's "why" column: per changed
//                           section, the change sets that touched it, their
//                           rationale and cited points
// Editors (admin, secretariat) only; the diff's why column also for auditors.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/agreements/section_tree.h"
#include "domain/agreements/time_travel.h"
#include "server/web/page.h"

namespace hoering::web {

void AddEditorPages(Pages& pages);
// The POST forms (pages_editor_save.cpp).
void AddEditorSavePages(Pages& pages);

// What the editor page shows in its forms: the text as read, or the input of
// a POST that was refused (kept as typed).
struct EditorForm {
  std::string section;  // "" no section form; "new" the add form; else a section id
  std::string heading, kind, body, body_sha256, parent, rationale, query;
  std::set<std::string> cites;  // "<response>:<point>"
  std::string import_markdown, import_rationale;
  std::string label, note;
  std::vector<std::pair<std::string, std::string>> errors;  // field id, message
  // A stale save: the section as it is now (nullopt and `removed` when gone).
  bool conflict = false;
  bool conflict_removed = false;
  std::string current_heading, current_body;
  std::string notice;  // catalogue key of a success message
  std::string notice_detail;
};

// The editor page for `id` with `form`, status `status` (422/412 on refusal).
Result<PageReply> EditorPage(const PageCall& call, const std::string& id, EditorForm form,
                             boost::beast::http::status status = boost::beast::http::status::ok);

// "/manage/agreements/<id>/edit".
std::string EditorHref(const std::string& id);

// Up to `limit` points of responses to consultations on `agreement` whose text
// (or quote, party, author) contains `word` (case-insensitive; "" = any), in
// the picker's shape [{value "<rid>:<n>", label, text, href, checked}], and
// those of `checked` not among them first. Reads through the responses
// query as `call.who` sees them.
Result<nlohmann::json> CitablePoints(const PageCall& call, const std::string& agreement,
                                     const std::string& word, const std::set<std::string>& checked,
                                     std::size_t limit = 50);

// Whether the reader sees the diff's "why" column: admin, secretariat, auditor.
bool SeesWhy(const PageCall& call);
// Per section id of `sections`, the change sets between `from` and `to` (the
// changes query behind GET /v1/agreements/{id}/changes) whose ops name it:
// [{change, rationale, time, cites: [{label, href}]}]. Cited responses are
// read only for change sets that touch one of `sections` (a page of the diff).
Result<std::map<std::string, nlohmann::json>> WhyBySection(const PageCall& call,
                                                           const std::string& agreement,
                                                           const agreements::AtSelector& from,
                                                           const agreements::AtSelector& to,
                                                           const std::set<std::string>& sections);

// Adds to each changed section of the diff page's `blocks` (pages_agreements.cpp)
// "why_shown", "has_why" and "why" (WhyBySection's entries for it).
Status AddWhy(const PageCall& call, const std::string& agreement,
              const agreements::AtSelector& from, const agreements::AtSelector& to,
              nlohmann::json& blocks);

}  // namespace hoering::web
