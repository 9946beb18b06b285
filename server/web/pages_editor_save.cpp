// The editor's POST forms (editors only), each one write through the
// command service with the JSON routes' commands (agreement_commands.h):
//   POST /manage/agreements/{id}/edit      fields section (an id, or "new"),
//        heading, kind, body, body_sha256 (as read), parent (new only),
//        rationale, cite (repeated "<response>:<point>"), q, form_key and
//        action: save (an edit op), up / down (a move op among the
//        section's siblings), remove, add (section "new"), or search (only
//        shows the points matching q; nothing written). Ops on an existing
//        section carry if_body_sha256 = body_sha256, so a section someone
//        else changed meanwhile is refused (412) and shown as a conflict:
//        the input kept, the current text beside it, and the current hash,
//        so saving again applies.
//   POST /manage/agreements/{id}/edit/import   import_markdown, import_rationale
//   POST /manage/agreements/{id}/edit/publish  label, note
// A success redirects (303) to the editor with a notice; a refusal shows the
// editor with every problem at its field and in the summary, the input kept
// and nothing written. form_key (random per rendering) is the idempotency
// key: a second click gets the first click's answer.
#include "domain/agreements/body_condition.h"
#include "server/app/agreement_commands.h"
#include "server/app/agreement_text_queries.h"
#include "server/app/token_secret.h"
#include "server/web/pages_editor.h"

namespace hoering::web {
namespace {

namespace ag = agreements;
using nlohmann::json;

EditorForm FormOf(const PageCall& call) {
  EditorForm f;
  auto field = [&](const char* name) { return call.Field(name).value_or(""); };
  f.section = field("section");
  f.heading = field("heading");
  f.kind = field("kind");
  f.body = field("body");
  f.body_sha256 = field("body_sha256");
  f.parent = field("parent");
  f.rationale = field("rationale");
  f.query = field("q");
  f.import_markdown = field("import_markdown");
  f.import_rationale = field("import_rationale");
  f.label = field("label");
  f.note = field("note");
  for (const auto& [name, value] : call.form) {
    if (name == "cite" && !value.empty()) f.cites.insert(value);
  }
  return f;
}

json CitesJson(const std::set<std::string>& cites) {
  json out = json::array();
  for (const std::string& c : cites) {
    const auto colon = c.rfind(':');
    if (colon == std::string::npos) {
      out.push_back({{"response", c}, {"point", ""}});  // refused by ParseCites
    } else {
      out.push_back({{"response", c.substr(0, colon)}, {"point", c.substr(colon + 1)}});
    }
  }
  return out;
}

// A refusal of the domain as the field it concerns and a message in the
// reader's language; nullopt for a refusal that is not the user's input.
std::optional<std::pair<std::string, std::string>> FieldOf(const PageCall& call, const Status& s,
                                                           const std::string& text_field) {
  const std::string& type = s.type();
  const std::string& d = s.detail();
  if (type == "invalid-citation") return std::pair{"cites", call.T("editor.errors.cites")};
  if (type == "invalid-field" && d.find("rationale") != std::string::npos) {
    return std::pair{"rationale", call.T("editor.errors.rationale")};
  }
  if (type == "invalid-op" || type == "malformed-op" || type == "empty-change-set" ||
      type == "too-many-ops") {
    if (d.find("changes nothing") != std::string::npos) {
      return std::pair{text_field, call.T("editor.errors.unchanged")};
    }
    if (d.find("Markdown heading") != std::string::npos) {
      return std::pair{"body", call.T("editor.errors.body_heading")};
    }
    if (d.find(": heading") != std::string::npos ||
        d.find("needs a heading") != std::string::npos) {
      return std::pair{"heading", call.T("editor.errors.heading")};
    }
    if (d.find("already at that place") != std::string::npos) {
      return std::pair{"section-actions", call.T("editor.errors.unmoved")};
    }
    return std::pair{text_field, call.T("editor.errors.refused") + " (" + d + ")"};
  }
  return std::nullopt;
}

std::optional<commands::IdempotencyKey> FormKey(const PageCall& call, const std::string& body) {
  const std::string key = call.Field("form_key").value_or("");
  if (key.empty() || key.size() > 64) return std::nullopt;
  return commands::IdempotencyKey::For(call.who.token_id, "form:" + key,
                                       "POST " + std::string(call.req.target()), body);
}

// Runs `decide` and answers: `after` for a write, else the editor with the
// refusal at its field (via `refused`).
using AfterWrite = std::function<PageReply(const commands::Written&)>;
using OnRefusal = std::function<Result<PageReply>(const PageCall&, const Status&)>;

PageReply Run(const PageCall& call, commands::Decide decide, std::string fingerprint,
              AfterWrite after, OnRefusal refused) {
  commands::CommandMeta meta;
  meta.actor = call.who.actor();
  meta.idempotency = FormKey(call, fingerprint);
  return LaterPage{[meta, decide = std::move(decide), after = std::move(after),
                    refused = std::move(refused)](const PageCall& later, PageDone done) {
    later.ctx.commands.Execute(meta, decide,
                               [&later, done, after, refused](Result<commands::Written> written) {
                                 // Runs on the completion thread: render on the blocking pool.
                                 later.ctx.run_blocking([&later, done, after, refused, written] {
                                   if (written.ok()) return done(after(*written));
                                   done(refused(later, written.status()));
                                 });
                               });
  }};
}

// The change id (and, for an add, the new section's id) a change set wrote.
std::pair<std::string, std::string> Recorded(const commands::Written& w) {
  if (w.events.empty()) return {};
  const json& d = w.events.front().data;
  std::string section;
  const json ops = d.value("ops", json::array());
  if (!ops.empty() && ops[0].value("op", "") == "add") {
    section = ops[0].value("section", json::object()).value("id", "");
  }
  return {d.value("change", ""), section};
}

// The ops of one section form, or a refusal at a field.
Result<json> SectionOps(const PageCall& call, const EditorForm& f, const std::string& action,
                        const ag::SectionTree& text) {
  if (f.section == "new") {
    json op = {{"op", "add"},
               {"section", {{"kind", f.kind}, {"heading", f.heading}, {"body", f.body}}}};
    if (!f.parent.empty()) op["parent"] = f.parent;
    return json::array({op});
  }
  json op = {{"id", f.section}, {"if_body_sha256", f.body_sha256}};
  if (action == "remove") {
    op["op"] = "remove";
  } else if (action == "up" || action == "down") {
    op["op"] = "move";
    if (const ag::Section* s = text.Find(f.section)) {
      const auto& siblings = text.Children(s->parent);
      const std::size_t i = text.IndexOf(s->id);
      if (action == "up" && i == 0) {
        return Status(Code::kUnprocessable, call.T("editor.errors.first"), "section-actions");
      }
      if (action == "down" && i + 1 >= siblings.size()) {
        return Status(Code::kUnprocessable, call.T("editor.errors.last"), "section-actions");
      }
      if (!s->parent.empty()) op["parent"] = s->parent;
      op["after"] = action == "up" ? (i >= 2 ? siblings[i - 2] : std::string()) : siblings[i + 1];
    }
  } else {
    op["op"] = "edit";
    op["heading"] = f.heading;
    op["body"] = f.body;
    if (!f.kind.empty()) op["kind"] = f.kind;
  }
  return json::array({op});
}

// The editor again after a refused section form: a stale section as a
// conflict (the input kept, the current text beside it, the current hash so
// that saving again applies), another refusal at its field.
Result<PageReply> SectionRefused(const PageCall& call, EditorForm form, const Status& s) {
  const std::string id = call.Param("id");
  if (s.type() == ag::kSectionChanged) {
    auto text = app::AgreementTextAt(call.ctx, id, ag::AtSelector{});
    if (!text.ok()) return text.status();
    form.conflict = true;
    if (const ag::Section* now = text->snapshot.text->Find(form.section)) {
      form.current_heading = now->heading;
      form.current_body = now->body;
      form.body_sha256 = ag::BodySha256(now->body);
    } else {
      form.conflict_removed = true;
    }
    form.errors.emplace_back("conflict", call.T(form.conflict_removed ? "editor.conflict.removed"
                                                                      : "editor.conflict.summary"));
    return EditorPage(call, id, std::move(form), bh::status::precondition_failed);
  }
  if (s.type() == "section-actions") {
    form.errors.emplace_back("section-actions", s.detail());
    return EditorPage(call, id, std::move(form), bh::status::unprocessable_entity);
  }
  auto field = FieldOf(call, s, "body");
  if (!field) return s;
  form.errors.push_back(*field);
  return EditorPage(call, id, std::move(form), bh::status::unprocessable_entity);
}

Result<PageReply> SaveSection(const PageCall& call) {
  const std::string id = call.Param("id");
  EditorForm form = FormOf(call);
  const std::string action = call.Field("action").value_or("save");
  if (form.section.empty()) return InvalidArgument("the form names no section", "invalid-form");
  if (action == "search") return EditorPage(call, id, std::move(form));
  auto text = app::AgreementTextAt(call.ctx, id, ag::AtSelector{});
  if (!text.ok()) return text.status();
  auto ops = SectionOps(call, form, action, *text->snapshot.text);
  if (!ops.ok()) return SectionRefused(call, std::move(form), ops.status());
  json body = {{"rationale", form.rationale}, {"cites", CitesJson(form.cites)}, {"ops", *ops}};
  auto cmd = ag::ParseRecordChange(body);
  if (!cmd.ok()) return SectionRefused(call, std::move(form), cmd.status());
  const bool removed = action == "remove";
  std::string section = form.section;
  return Run(
      call, app::DecideRecordChange(call.ctx, id, std::move(cmd).value()), body.dump(),
      [id, section, removed](const commands::Written& w) -> PageReply {
        auto [change, added] = Recorded(w);
        const std::string shown = removed ? "" : (added.empty() ? section : added);
        std::string href = EditorHref(id) + "?saved=" + UrlEncode(change);
        if (!shown.empty()) href += "&section=" + UrlEncode(shown) + "#section-form";
        return Redirect{href, {}};
      },
      [form](const PageCall& later, const Status& s) { return SectionRefused(later, form, s); });
}

Result<PageReply> Import(const PageCall& call) {
  const std::string id = call.Param("id");
  EditorForm form = FormOf(call);
  auto refused = [form](const PageCall& later, const Status& s) -> Result<PageReply> {
    EditorForm f = form;
    if (s.type() == "invalid-markdown") {
      f.errors.emplace_back("import_markdown",
                            later.T("editor.errors.markdown") + " (" + s.detail() + ")");
    } else if (s.type() == "empty-change-set") {
      f.errors.emplace_back("import_markdown", later.T("editor.errors.import_unchanged"));
    } else if (auto field = FieldOf(later, s, "import_markdown")) {
      f.errors.emplace_back(field->first == "rationale" ? "import_rationale" : "import_markdown",
                            field->second);
    } else {
      return s;
    }
    return EditorPage(later, later.Param("id"), std::move(f), bh::status::unprocessable_entity);
  };
  if (form.import_markdown.find_first_not_of(" \t\r\n") == std::string::npos) {
    form.errors.emplace_back("import_markdown", call.T("editor.errors.markdown_empty"));
    return EditorPage(call, id, std::move(form), bh::status::unprocessable_entity);
  }
  ag::ImportMarkdown cmd{form.import_markdown, form.import_rationale, {}};
  return Run(
      call, app::DecideImportMarkdown(call.ctx, id, std::move(cmd)),
      form.import_markdown + "\n" + form.import_rationale,
      [id](const commands::Written& w) -> PageReply {
        return Redirect{EditorHref(id) + "?saved=" + UrlEncode(Recorded(w).first), {}};
      },
      refused);
}

Result<PageReply> Publish(const PageCall& call) {
  const std::string id = call.Param("id");
  EditorForm form = FormOf(call);
  auto refused = [form](const PageCall& later, const Status& s) -> Result<PageReply> {
    EditorForm f = form;
    if (s.type() == "invalid-label" || s.type() == "invalid-field") {
      f.errors.emplace_back(s.detail().find("note") != std::string::npos ? "note" : "label",
                            later.T("editor.errors.label"));
    } else if (s.type() == "label-taken") {
      f.errors.emplace_back("label", later.T("editor.errors.label_taken"));
    } else if (s.type() == "nothing-to-publish") {
      f.errors.emplace_back("label", later.T("editor.errors.nothing_to_publish"));
    } else {
      return s;
    }
    return EditorPage(later, later.Param("id"), std::move(f), bh::status::unprocessable_entity);
  };
  json body = {{"label", form.label}};
  if (!form.note.empty()) body["note"] = form.note;
  auto cmd = ag::ParsePublishVersion(body);
  if (!cmd.ok()) return refused(call, cmd.status());
  return Run(
      call, app::DecidePublishVersion(call.ctx, id, std::move(cmd).value()), body.dump(),
      [id](const commands::Written& w) -> PageReply {
        const json& d = w.events.front().data;
        return Redirect{EditorHref(id) + "?published=" + std::to_string(d.value("number", 0)) +
                            UrlEncode(" – " + d.value("label", "")),
                        {}};
      },
      refused);
}

}  // namespace

void AddEditorSavePages(Pages& pages) {
  pages.Add(bh::verb::post, "/manage/agreements/{id}/edit", app::Editors(), SaveSection);
  pages.Add(bh::verb::post, "/manage/agreements/{id}/edit/import", app::Editors(), Import);
  pages.Add(bh::verb::post, "/manage/agreements/{id}/edit/publish", app::Editors(), Publish);
}

}  // namespace hoering::web
