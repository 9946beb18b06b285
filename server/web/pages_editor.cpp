// GET /manage/agreements/{id}/edit[?section=<id>|new][&q=<word>] (editors):
// the working text (the query behind GET /v1/agreements/{id}) section by
// section with a link to each section's form; the form of one section
// (heading, kind, Markdown body, the body's SHA-256 as read, move up or
// down, remove) or of a new one (kind, heading, body, parent); every form
// with a rationale and the response points it carries out (a search over
// the agreement's consultations' points with checkboxes); import Markdown;
// publish a version with a label. EditorPage() renders the page for the
// GET and for a refused POST (pages_editor_save.cpp), the input kept.
#include "server/web/pages_editor.h"

#include <algorithm>

#include "domain/agreements/body_condition.h"
#include "server/app/agreement_text_queries.h"
#include "server/app/token_secret.h"
#include "server/web/local_time.h"

namespace hoering::web {
namespace {

namespace ag = agreements;
using nlohmann::json;

constexpr ag::SectionKind kKinds[] = {ag::SectionKind::kChapter,   ag::SectionKind::kVision,
                                      ag::SectionKind::kFocusArea, ag::SectionKind::kObjective,
                                      ag::SectionKind::kIndicator, ag::SectionKind::kPrinciple,
                                      ag::SectionKind::kText};

std::string KindLabel(const PageCall& call, std::string_view kind) {
  return call.T("editor.kind." + std::string(kind));
}

json KindOptions(const PageCall& call, const std::string& selected) {
  json out = json::array();
  for (ag::SectionKind k : kKinds) {
    const std::string name(ag::KindName(k));
    out.push_back(
        {{"value", name}, {"label", KindLabel(call, name)}, {"selected", name == selected}});
  }
  return out;
}

// Every section in document order, for the overview and the parent choice.
json SectionList(const PageCall& call, const std::string& id, const ag::SectionTree& text,
                 const std::string& open) {
  json out = json::array();
  text.Walk([&](const ag::Section& s, std::size_t depth) {
    out.push_back(
        {{"id", s.id},
         {"heading", s.heading},
         {"kind_label", KindLabel(call, ag::KindName(s.kind))},
         {"depth", depth},
         {"depth_class", "editor-depth-" + std::to_string(std::min<std::size_t>(depth, 6))},
         {"href", EditorHref(id) + "?section=" + UrlEncode(s.id) + "#section-form"},
         {"open", s.id == open}});
  });
  return out;
}

json ParentOptions(const json& sections, const std::string& selected) {
  json out = json::array();
  for (const auto& s : sections) {
    const std::string indent(2 * (s["depth"].get<std::size_t>() - 1), ' ');
    out.push_back({{"value", s["id"]},
                   {"label", indent + s["heading"].get<std::string>()},
                   {"selected", s["id"] == selected}});
  }
  return out;
}

json VersionList(const PageCall& call, const ag::AgreementState& state) {
  json out = json::array();
  for (const ag::VersionInfo& v : state.versions()) {
    out.push_back(
        {{"number", v.number},
         {"label", v.label},
         {"href", "/agreements/" + UrlEncode(state.info().id) + "?at=" + std::to_string(v.number)},
         {"published", FormatLocalDateTime(v.recorded_at_ms, kSiteTimeZone, call.lang)}});
  }
  return out;
}

// The section form's data (nullopt: no such section, and no conflict to show).
std::optional<json> SectionForm(const PageCall& call, const std::string& id,
                                const ag::SectionTree& text, const EditorForm& form,
                                const json& sections) {
  json f = {{"action", EditorHref(id)},
            {"section", form.section},
            {"heading", form.heading},
            {"body", form.body},
            {"body_sha256", form.body_sha256},
            {"rationale", form.rationale},
            {"query", form.query},
            {"conflict", form.conflict},
            {"conflict_removed", form.conflict_removed},
            {"current_heading", form.current_heading},
            {"current_body", form.current_body}};
  if (form.section == "new") {
    f["adding"] = true;
    f["kinds"] = KindOptions(call, form.kind.empty() ? "text" : form.kind);
    f["parents"] = ParentOptions(sections, form.parent);
    return f;
  }
  const ag::Section* s = text.Find(form.section);
  if (s == nullptr && !form.conflict) return std::nullopt;
  f["editing"] = true;
  f["exists"] = s != nullptr;
  f["kinds"] =
      KindOptions(call, form.kind.empty() && s ? std::string(ag::KindName(s->kind)) : form.kind);
  if (s) {
    const auto& siblings = text.Children(s->parent);
    f["can_move_up"] = text.IndexOf(s->id) > 0;
    f["can_move_down"] = text.IndexOf(s->id) + 1 < siblings.size();
    f["shown_heading"] = s->heading;
  }
  return f;
}

Result<PageReply> ShowEditor(const PageCall& call) {
  const std::string& id = call.Param("id");
  EditorForm form;
  form.section = call.Query("section").value_or("");
  form.query = call.Query("q").value_or("");
  if (!form.section.empty() && form.section != "new") {
    auto text = app::AgreementTextAt(call.ctx, id, ag::AtSelector{});
    if (!text.ok()) return text.status();
    const ag::Section* s = text->snapshot.text->Find(form.section);
    if (s == nullptr)
      return NotFound("the text has no section '" + form.section + "'", "section-not-found");
    form.heading = s->heading;
    form.body = s->body;
    form.kind = std::string(ag::KindName(s->kind));
    form.body_sha256 = ag::BodySha256(s->body);
  }
  if (auto saved = call.Query("saved")) {
    form.notice = "editor.notice.saved";
    form.notice_detail = *saved;
  } else if (auto published = call.Query("published")) {
    form.notice = "editor.notice.published";
    form.notice_detail = *published;
  }
  return EditorPage(call, id, std::move(form));
}

}  // namespace

std::string EditorHref(const std::string& id) {
  return "/manage/agreements/" + UrlEncode(id) + "/edit";
}

Result<PageReply> EditorPage(const PageCall& call, const std::string& id, EditorForm form,
                             bh::status status) {
  auto text = app::AgreementTextAt(call.ctx, id, ag::AtSelector{});
  if (!text.ok()) return text.status();
  const ag::AgreementState& state = *text->agreement;
  const ag::SectionTree& tree = *text->snapshot.text;
  json sections = SectionList(call, id, tree, form.section);
  json data = {{"id", id},
               {"title", state.info().title},
               {"agreement_href", "/agreements/" + UrlEncode(id)},
               {"diff_href", "/agreements/" + UrlEncode(id) + "/diff"},
               {"add_href", EditorHref(id) + "?section=new#section-form"},
               {"action", EditorHref(id)},
               {"import_action", EditorHref(id) + "/import"},
               {"publish_action", EditorHref(id) + "/publish"},
               {"sections", sections},
               {"has_sections", !sections.empty()},
               {"versions", VersionList(call, state)},
               {"has_versions", !state.versions().empty()},
               {"import_markdown", form.import_markdown},
               {"import_rationale", form.import_rationale},
               {"label", form.label},
               {"note", form.note},
               {"form_key", app::RandomHex(16)}};
  if (!form.notice.empty()) {
    data["notice"] = call.T(form.notice);
    data["notice_detail"] = form.notice_detail;
  }
  if (!form.section.empty()) {
    auto section_form = SectionForm(call, id, tree, form, sections);
    if (!section_form) {
      return NotFound("the text has no section '" + form.section + "'", "section-not-found");
    }
    auto points = CitablePoints(call, id, form.query, form.cites);
    if (!points.ok()) return points.status();
    (*section_form)["points"] = *points;
    (*section_form)["has_points"] = !points->empty();
    data["form"] = std::move(*section_form);
  }
  json summary = json::array();
  for (const auto& [field, message] : form.errors) {
    summary.push_back({{"field", field}, {"message", message}});
    std::string key = field + "_error";
    std::replace(key.begin(), key.end(), '-', '_');
    json& holder =
        data.contains("form") && !field.starts_with("import") && field != "label" && field != "note"
            ? data["form"]
            : data;
    if (!holder.contains(key)) holder[key] = message;
  }
  data["errors"] = std::move(summary);
  data["has_errors"] = !form.errors.empty();
  return HtmlPage{"editor", call.T("editor.title") + " – " + state.info().title, std::move(data),
                  status};
}

void AddEditorPages(Pages& pages) {
  pages.Add(bh::verb::get, "/manage/agreements/{id}/edit", app::Editors(), ShowEditor);
  AddEditorSavePages(pages);
}

}  // namespace hoering::web
