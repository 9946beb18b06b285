// hoering agreement create|list|show|import|change|publish|versions|diff|log
//
// Routes: api.md "Agreements, change sets, versions". Human output:
//   create, import, change, publish: the answer as "key: value" lines, plus
//     the new ETag (for a following --if-match);
//   list, versions: tables;
//   show: the header fields, then the section tree as an indented outline
//     "<id> [<kind>] <heading>" (two spaces per level; --bodies adds the text);
//     --markdown prints the text as Markdown (GET ?format=md);
//   diff: the server's rendering (text by default, coloured on a terminal);
//   log: one block per change set.
// --json prints the raw JSON answer everywhere.
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "client/cli/commands.h"
#include "client/cli/format.h"
#include "client/cli/table.h"
#include "client/lib/target.h"
#include "domain/agreements/markdown_import.h"
#include "domain/agreements/text_json.h"

namespace hoering::client {
namespace {

using nlohmann::json;

// --- shared helpers ----------------------------------------------------------

struct WriteOptions {
  std::string if_match;
  std::string idempotency_key;
};

// If-Match as sent: `3` becomes `"3"`; an already quoted tag, a weak tag or
// `*` is sent verbatim.
std::string EntityTag(const std::string& s) {
  if (s.empty() || s == "*" || s.front() == '"' || s.rfind("W/", 0) == 0) return s;
  return '"' + s + '"';
}

CallOptions ToCallOptions(const WriteOptions& w) {
  CallOptions call;
  call.if_match = EntityTag(w.if_match);
  call.idempotency_key = w.idempotency_key;
  return call;
}

void AddWriteOptions(CLI::App* app, WriteOptions& w, bool if_match = true) {
  if (if_match) {
    app->add_option("--if-match", w.if_match,
                    "Only if the agreement is still at this ETag (stream version)");
  }
  app->add_option("--idempotency-key", w.idempotency_key, "Idempotency-Key for safe retries");
}

std::string AgreementPath(const std::string& id) {
  return Path({"v1", "agreements", id});
}
std::string AgreementPath(const std::string& id, std::string_view sub) {
  return Path({"v1", "agreements", id, sub});
}

// A write's answer: the body's fields (preferred first), then the ETag.
int PrintWrite(CliContext& ctx, const ApiResult& r, const std::vector<std::string>& preferred) {
  if (ctx.options().json) return ctx.PrintJson(r.body);
  auto fields = Fields(r.body, preferred);
  if (!r.etag.empty()) fields.emplace_back("etag", r.etag);
  RenderFields(ctx.out(), fields);
  return kExitOk;
}

std::string ActorText(const json& actor) {
  std::string role = Text(actor, "role"), party = Text(actor, "party");
  if (role.empty()) return "system";
  return party.empty() ? role : role + "/" + party;
}

// `1 "consultation draft"`; "" for null.
std::string VersionText(const json& v) {
  if (!v.is_object()) return {};
  std::string out = Text(v, "number");
  if (v.contains("label")) out += " \"" + Text(v, "label") + "\"";
  return out;
}

// A JSON string shown in quotes on one line.
std::string Quoted(const json& j, std::string_view key) {
  return '"' + OneLine(Text(j, key)) + '"';
}

bool ReadWholeFile(const std::string& path, std::string& text, std::string& error) {
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read " + path;
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = "cannot read " + path;
    return false;
  }
  text = buffer.str();
  return true;
}

// "YYYY-MM-DD" naming a real date.
bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  auto number = [&](std::size_t at, std::size_t n, int& v) {
    auto [end, ec] = std::from_chars(s.data() + at, s.data() + at + n, v);
    return ec == std::errc() && end == s.data() + at + n;
  };
  int y = 0, m = 0, d = 0;
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return false;
  using namespace std::chrono;
  return year_month_day(year(y), month(static_cast<unsigned>(m)), day(static_cast<unsigned>(d)))
      .ok();
}

std::string TermText(const json& term) {
  if (!term.is_object()) return Text(term);
  std::string out;
  if (term.contains("years") && !term["years"].is_null()) out = Text(term, "years") + " years";
  std::string from = Text(term, "entry_into_force");
  if (!from.empty()) out += (out.empty() ? "from " : " from ") + from;
  return out;
}

std::string JoinStrings(const json& array, std::string_view sep = ", ") {
  if (!array.is_array()) return Text(array);
  std::string out;
  for (const auto& item : array) {
    if (!out.empty()) out += sep;
    out += Text(item);
  }
  return out;
}

// --- create / list -----------------------------------------------------------

struct CreateOptions {
  std::string id, title, subtitle, entry_into_force;
  int years = 4;
  std::vector<std::string> parties;
  WriteOptions write;
};

int Create(CliContext& ctx, const CreateOptions& o) {
  if (!o.entry_into_force.empty() && !IsIsoDate(o.entry_into_force)) {
    return ctx.Usage("--entry-into-force must be a date YYYY-MM-DD, not '" + o.entry_into_force +
                     "'");
  }
  json term = {{"years", o.years}};
  if (!o.entry_into_force.empty()) term["entry_into_force"] = o.entry_into_force;
  json body = {{"id", o.id}, {"title", o.title}, {"term", term}, {"parties", o.parties}};
  if (!o.subtitle.empty()) body["subtitle"] = o.subtitle;
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto r = (*api)->Call(Verb::post, "/v1/agreements", body, ToCallOptions(o.write));
  if (!r.ok()) return ctx.Fail(r.error());
  if (ctx.options().json) return ctx.PrintJson(r->body);
  json shown = r->body;  // term and parties as text, not JSON
  if (shown.is_object()) {
    if (shown.contains("term")) shown["term"] = TermText(shown["term"]);
    if (shown.contains("parties")) shown["parties"] = JoinStrings(shown["parties"]);
  }
  auto fields = Fields(shown, {"id", "title", "subtitle", "term", "parties", "position"});
  if (!r->etag.empty()) fields.emplace_back("etag", r->etag);
  RenderFields(ctx.out(), fields);
  return kExitOk;
}

int List(CliContext& ctx, std::uint32_t page_size) {
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto items = (*api)->ListAll("/v1/agreements", page_size);
  if (!items.ok()) return ctx.Fail(items.error());
  if (ctx.options().json) return ctx.PrintJson(*items);
  Table t({"ID", "TITLE", "VERSION", "SECTIONS", "CREATED"});
  t.SetAlign(3, Align::kRight);
  for (const auto& a : *items) {
    t.AddRow({Text(a, "id"), Text(a, "title"), VersionText(a.value("version", json())),
              Text(a, "section_count"), Text(a, "created_at")});
  }
  t.Render(ctx.out());
  return kExitOk;
}

// --- show --------------------------------------------------------------------

struct ShowOptions {
  std::string id, at;
  bool markdown = false;
  bool bodies = false;
};

void PrintOutline(std::ostream& out, const json& sections, std::size_t depth, bool bodies) {
  if (!sections.is_array()) return;
  const std::string indent(2 * depth, ' ');
  for (const auto& s : sections) {
    out << indent << OneLine(Text(s, "id")) << " [" << OneLine(Text(s, "kind")) << "] "
        << OneLine(Text(s, "heading")) << '\n';
    if (bodies) {
      std::istringstream body(Text(s, "body"));
      for (std::string line; std::getline(body, line);) {
        if (line.empty()) {
          out << '\n';
        } else {
          out << indent << "    " << line << '\n';
        }
      }
    }
    PrintOutline(out, s.value("children", json::array()), depth + 1, bodies);
  }
}

// The Markdown of a JSON answer, for a server that ignored ?format=md.
std::optional<std::string> MarkdownFromJson(const json& body) {
  if (!body.is_object() || !body.contains("sections")) return std::nullopt;
  auto tree = agreements::SectionsFromJson(body["sections"]);
  if (!tree.ok()) return std::nullopt;
  return agreements::RenderMarkdown(tree.value());
}

void PrintText(std::ostream& out, const std::string& text) {
  out << text;
  if (!text.empty() && text.back() != '\n') out << '\n';
}

int Show(CliContext& ctx, const ShowOptions& o) {
  if (o.markdown && ctx.options().json)
    return ctx.Usage("--markdown and --json exclude each other");
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  QueryParams q{{"at", o.at}, {"format", o.markdown ? "md" : ""}};
  CallOptions call;
  if (o.markdown) call.headers.Set("Accept", "text/markdown, application/json;q=0.5");
  auto r = (*api)->Call(Verb::get, WithQuery(AgreementPath(o.id), q), nullptr, call);
  if (!r.ok()) return ctx.Fail(r.error());
  if (ctx.options().json) return ctx.PrintJson(r->body);
  if (o.markdown) {
    if (r->body.is_object() && r->body.contains("markdown") && r->body["markdown"].is_string()) {
      PrintText(ctx.out(), r->body["markdown"].get<std::string>());
    } else if (auto md = MarkdownFromJson(r->body)) {
      PrintText(ctx.out(), *md);
    } else {
      PrintText(ctx.out(), r->raw);
    }
    return kExitOk;
  }
  const json& a = r->body;
  std::vector<std::pair<std::string, std::string>> fields = {{"id", Text(a, "id")},
                                                             {"title", Text(a, "title")}};
  if (!Text(a, "subtitle").empty()) fields.emplace_back("subtitle", Text(a, "subtitle"));
  fields.emplace_back("term", TermText(a.value("term", json())));
  fields.emplace_back("parties", JoinStrings(a.value("parties", json::array())));
  const json version = a.value("version", json());
  if (version.is_object()) {
    fields.emplace_back("version", VersionText(version) + "  " + ShortHash(Text(version, "hash")));
  } else {
    fields.emplace_back("version", "(none published)");
  }
  if (a.contains("at") && !a["at"].is_null()) fields.emplace_back("at", Text(a, "at"));
  if (!r->etag.empty()) fields.emplace_back("etag", r->etag);
  RenderFields(ctx.out(), fields);
  ctx.out() << '\n';
  const json sections = a.value("sections", json::array());
  if (sections.empty()) {
    ctx.out() << "(no sections)\n";
  } else {
    PrintOutline(ctx.out(), sections, 0, o.bodies);
  }
  return kExitOk;
}

// --- import / change / publish -----------------------------------------------

struct ImportOptions {
  std::string id, file, rationale;
  WriteOptions write;
};

int Import(CliContext& ctx, const ImportOptions& o) {
  std::string markdown, error;
  if (!ReadWholeFile(o.file, markdown, error)) return ctx.Usage(error);
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto r = (*api)->CallRaw(Verb::post,
                           WithQuery(AgreementPath(o.id, "import"), {{"rationale", o.rationale}}),
                           std::move(markdown), "text/markdown", ToCallOptions(o.write));
  if (!r.ok()) return ctx.Fail(r.error());
  return PrintWrite(ctx, *r, {"change", "position"});
}

struct ChangeOptions {
  std::string id, file, rationale;
  std::vector<std::string> ops, cites;
  WriteOptions write;
};

// The request body from --file, or from --rationale, --cite and --op.
std::optional<json> ChangeBody(CliContext& ctx, const ChangeOptions& o, int& code) {
  if (!o.file.empty()) {
    std::string text, error;
    if (!ReadWholeFile(o.file, text, error)) {
      code = ctx.Usage(error);
      return std::nullopt;
    }
    json body = json::parse(text, nullptr, false);
    if (!body.is_object()) {
      code = ctx.Usage(o.file + " must hold a JSON object {rationale, cites, ops}");
      return std::nullopt;
    }
    return body;
  }
  if (o.ops.empty()) {
    code = ctx.Usage("give the change set with --file, or with --rationale and one or more --op");
    return std::nullopt;
  }
  if (o.rationale.empty()) {
    code = ctx.Usage("--rationale is required with --op");
    return std::nullopt;
  }
  json ops = json::array();
  for (std::size_t i = 0; i < o.ops.size(); ++i) {
    json op = json::parse(o.ops[i], nullptr, false);
    if (!op.is_object()) {
      code = ctx.Usage("--op " + std::to_string(i + 1) + " is not a JSON object: " + o.ops[i]);
      return std::nullopt;
    }
    ops.push_back(std::move(op));
  }
  json cites = json::array();
  for (const auto& c : o.cites) {
    const std::size_t colon = c.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == c.size()) {
      code = ctx.Usage("--cite takes RESPONSE:POINT, not '" + c + "'");
      return std::nullopt;
    }
    cites.push_back({{"response", c.substr(0, colon)}, {"point", c.substr(colon + 1)}});
  }
  return json{{"rationale", o.rationale}, {"cites", std::move(cites)}, {"ops", std::move(ops)}};
}

int Change(CliContext& ctx, const ChangeOptions& o) {
  int code = kExitUsage;
  auto body = ChangeBody(ctx, o, code);
  if (!body) return code;
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto r = (*api)->Call(Verb::post, AgreementPath(o.id, "changes"), *body, ToCallOptions(o.write));
  if (!r.ok()) return ctx.Fail(r.error());
  return PrintWrite(ctx, *r, {"change", "position"});
}

struct PublishOptions {
  std::string id, label;
  std::optional<std::string> note;
  WriteOptions write;
};

int Publish(CliContext& ctx, const PublishOptions& o) {
  json body = {{"label", o.label}};
  if (o.note) body["note"] = *o.note;
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto r = (*api)->Call(Verb::post, AgreementPath(o.id, "versions"), body, ToCallOptions(o.write));
  if (!r.ok()) return ctx.Fail(r.error());
  return PrintWrite(ctx, *r, {"number", "label", "hash", "position"});
}

// --- versions / diff / log ---------------------------------------------------

int Versions(CliContext& ctx, const std::string& id) {
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto items = (*api)->ListAll(AgreementPath(id, "versions"));
  if (!items.ok()) return ctx.Fail(items.error());
  if (ctx.options().json) return ctx.PrintJson(*items);
  Table t({"NO", "LABEL", "HASH", "CHANGES", "PUBLISHED", "BY", "POSITION", "NOTE"});
  t.SetAlign(0, Align::kRight).SetAlign(3, Align::kRight).SetAlign(6, Align::kRight);
  for (const auto& v : *items) {
    std::string when = Text(v, "published_at");
    if (when.empty()) when = Text(v, "recorded_at");
    t.AddRow({Text(v, "number"), Text(v, "label"), ShortHash(Text(v, "hash")), Text(v, "changes"),
              when, v.contains("actor") ? ActorText(v["actor"]) : "", Text(v, "position"),
              Text(v, "note")});
  }
  t.Render(ctx.out());
  return kExitOk;
}

struct DiffOptions {
  std::string id, from, to, format;
  bool no_color = false;
};

int Diff(CliContext& ctx, const DiffOptions& o) {
  std::string format = o.format;
  if (ctx.options().json) {
    if (!format.empty() && format != "json") {
      return ctx.Usage("--json prints the JSON diff; it excludes --format " + format);
    }
    format = "json";
  }
  if (format.empty()) format = "text";
  // Colour only for a terminal: the real stdout, not a captured stream.
  const bool color =
      format == "text" && !o.no_color && &ctx.out() == &std::cout && ::isatty(STDOUT_FILENO) != 0;
  QueryParams q{{"from", o.from},
                {"to", o.to},
                {"format", format == "json" ? "" : format},
                {"color", color ? "1" : ""}};
  CallOptions call;
  if (format == "text") call.headers.Set("Accept", "text/plain, application/problem+json");
  if (format == "html") call.headers.Set("Accept", "text/html, application/problem+json");
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto r = (*api)->Call(Verb::get, WithQuery(AgreementPath(o.id, "diff"), q), nullptr, call);
  if (!r.ok()) return ctx.Fail(r.error());
  if (format == "json") return ctx.PrintJson(r->body);
  PrintText(ctx.out(), r->raw);
  return kExitOk;
}

struct LogOptions {
  std::string id, from, to;
};

// "under kap-2, after vision-3" / "at the top level, first" / "..., last"
std::string PlaceText(const json& op) {
  const std::string parent = Text(op, "parent");
  std::string out = parent.empty() ? "at the top level" : "under " + parent;
  if (op.contains("after") && !op["after"].is_null()) {
    const std::string after = Text(op, "after");
    out += after.empty() ? ", first" : ", after " + after;
  } else {
    out += ", last";
  }
  return out;
}

// One line per op: "add vision-5 [vision] "Heading" under kap-2, after vision-4",
// "edit kap-1: heading "New", body", "move x under y, first", "remove x".
std::string OpText(const json& op) {
  const std::string name = Text(op, "op");
  if (name == "add") {
    const json section = op.value("section", json::object());
    std::string id = Text(section, "id");
    if (id.empty()) id = Text(op, "id");
    return "add " + (id.empty() ? std::string("(new)") : id) + " [" + Text(section, "kind") + "] " +
           Quoted(section, "heading") + " " + PlaceText(op);
  }
  if (name == "edit") {
    std::string what;
    auto add = [&](const std::string& part) { what += (what.empty() ? "" : ", ") + part; };
    if (op.contains("kind")) add("kind " + Text(op, "kind"));
    if (op.contains("heading")) add("heading " + Quoted(op, "heading"));
    if (op.contains("body")) add("body");
    return "edit " + Text(op, "id") + (what.empty() ? "" : ": " + what);
  }
  if (name == "move") return "move " + Text(op, "id") + " " + PlaceText(op);
  if (name == "remove") return "remove " + Text(op, "id");
  return OneLine(Text(op));
}

std::string CiteText(const json& cite) {
  if (!cite.is_object()) return Text(cite);
  std::string out = Text(cite, "response");
  const std::string point = Text(cite, "point");
  if (!point.empty()) out += ":" + point;
  return out;
}

int Log(CliContext& ctx, const LogOptions& o) {
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  QueryParams q{{"from", o.from}, {"to", o.to}};
  auto r = (*api)->Call(Verb::get, WithQuery(AgreementPath(o.id, "changes"), q));
  if (!r.ok()) return ctx.Fail(r.error());
  if (ctx.options().json) return ctx.PrintJson(r->body);
  const json items = r->body.value("items", json::array());
  std::ostream& out = ctx.out();
  if (r->body.value("reversed", false)) {
    out << "(--to lies before --from: these change sets, read backwards, lead from " << o.from
        << " to " << o.to << ")\n\n";
  }
  if (items.empty()) {
    out << "no change sets between " << o.from << " and " << o.to << '\n';
    return kExitOk;
  }
  bool first = true;
  for (const auto& c : items) {
    if (!first) out << '\n';
    first = false;
    std::string when = Text(c, "recorded_at");
    if (when.empty()) when = Text(c, "time");
    out << "change " << Text(c, "change") << "  " << when << "  "
        << ActorText(c.value("actor", json::object()));
    if (c.contains("position")) out << "  position " << Text(c, "position");
    out << '\n';
    std::vector<std::pair<std::string, std::string>> fields = {
        {"  rationale", OneLine(Text(c, "rationale"))}};
    const json cites = c.value("cites", json::array());
    if (cites.is_array() && !cites.empty()) {
      std::string text;
      for (const auto& cite : cites) text += (text.empty() ? "" : ", ") + CiteText(cite);
      fields.emplace_back("  cites", text);
    }
    const std::string source = Text(c, "source");
    if (!source.empty() && source != "api") fields.emplace_back("  source", source);
    const json ops = c.value("ops", json::array());
    fields.emplace_back("  ops", std::to_string(ops.is_array() ? ops.size() : 0));
    RenderFields(out, fields);
    if (ops.is_array()) {
      for (const auto& op : ops) out << "    " << OneLine(OpText(op)) << '\n';
    }
  }
  return kExitOk;
}

}  // namespace

void AddAgreementCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group = AddGroup(app, "agreement", "Draft, change, publish and compare agreements");
  group->alias("agreements");

  auto create = std::make_shared<CreateOptions>();
  CLI::App* c = AddLeaf(*group, "create", "Create an agreement (no text yet)", ctx,
                        [&ctx, create] { return Create(ctx, *create); });
  c->add_option("--id", create->id, "Stable agreement id, e.g. sundhedsaftalen-2024")->required();
  c->add_option("--title", create->title, "Title")->required();
  c->add_option("--subtitle", create->subtitle, "Subtitle");
  c->add_option("--entry-into-force", create->entry_into_force, "Date it takes effect, YYYY-MM-DD");
  c->add_option("--years", create->years, "Term in years")
      ->check(CLI::Range(1, 50))
      ->capture_default_str();
  c->add_option("--party", create->parties, "A party to the agreement (repeatable)")
      ->allow_extra_args(false);
  AddWriteOptions(c, create->write, /*if_match=*/false);

  auto page_size = std::make_shared<std::uint32_t>(0);
  CLI::App* l = AddLeaf(*group, "list", "List agreements", ctx,
                        [&ctx, page_size] { return List(ctx, *page_size); });
  l->add_option("--page-size", *page_size, "Items per request (server default when 0)")
      ->check(CLI::Range(0, 1000));

  auto show = std::make_shared<ShowOptions>();
  CLI::App* s = AddLeaf(*group, "show", "Show the text as an outline (or as Markdown)", ctx,
                        [&ctx, show] { return Show(ctx, *show); });
  s->add_option("id", show->id, "Agreement id")->required();
  s->add_option("--at", show->at,
                "The text as it was: version number | label | position:<p> | time:<RFC 3339>");
  s->add_flag("--markdown", show->markdown, "Print the text as Markdown");
  s->add_flag("--bodies", show->bodies, "Print each section's body under its heading");

  auto import = std::make_shared<ImportOptions>();
  CLI::App* i = AddLeaf(*group, "import", "Make a Markdown document the text (one change set)", ctx,
                        [&ctx, import] { return Import(ctx, *import); });
  i->add_option("id", import->id, "Agreement id")->required();
  i->add_option("file", import->file, "Markdown file ('-' = standard input)")->required();
  i->add_option("--rationale", import->rationale, "Why (default: the server's)");
  AddWriteOptions(i, import->write);

  auto change = std::make_shared<ChangeOptions>();
  CLI::App* ch = AddLeaf(*group, "change", "Record a change set", ctx,
                         [&ctx, change] { return Change(ctx, *change); });
  ch->add_option("id", change->id, "Agreement id")->required();
  CLI::Option* file = ch->add_option(
      "--file", change->file, "JSON file holding {rationale, cites, ops} ('-' = standard input)");
  CLI::Option* rationale = ch->add_option("--rationale", change->rationale, "Why");
  CLI::Option* op =
      ch->add_option(
            "--op", change->ops,
            R"(One op as JSON, e.g. '{"op":"edit","id":"kap-1","body":"..."}' (repeatable))")
          ->allow_extra_args(false);
  CLI::Option* cite =
      ch->add_option("--cite", change->cites, "A cited response point RESPONSE:POINT (repeatable)")
          ->allow_extra_args(false);
  file->excludes(rationale)->excludes(op)->excludes(cite);
  AddWriteOptions(ch, change->write);

  auto publish = std::make_shared<PublishOptions>();
  CLI::App* p = AddLeaf(*group, "publish", "Publish the current text as a numbered version", ctx,
                        [&ctx, publish] { return Publish(ctx, *publish); });
  p->add_option("id", publish->id, "Agreement id")->required();
  p->add_option("--label", publish->label, "Version label, e.g. \"consultation draft\"")
      ->required();
  p->add_option("--note", publish->note, "A note on the version");
  AddWriteOptions(p, publish->write);

  auto versions_id = std::make_shared<std::string>();
  CLI::App* v = AddLeaf(*group, "versions", "List the published versions", ctx,
                        [&ctx, versions_id] { return Versions(ctx, *versions_id); });
  v->add_option("id", *versions_id, "Agreement id")->required();

  auto diff = std::make_shared<DiffOptions>();
  CLI::App* d = AddLeaf(*group, "diff", "Compare two versions (or other points)", ctx,
                        [&ctx, diff] { return Diff(ctx, *diff); });
  d->add_option("id", diff->id, "Agreement id")->required();
  d->add_option("--from", diff->from, "Version number | label | position:<p> | time:<t> | current")
      ->required();
  d->add_option("--to", diff->to, "Same forms as --from")->required();
  d->add_option("--format", diff->format, "json | text (default) | html")
      ->check(CLI::IsMember({"json", "text", "html"}));
  d->add_flag("--no-color", diff->no_color, "No ANSI colours, even on a terminal");

  auto log = std::make_shared<LogOptions>();
  CLI::App* g = AddLeaf(*group, "log", "The change sets between two versions", ctx,
                        [&ctx, log] { return Log(ctx, *log); });
  g->add_option("id", log->id, "Agreement id")->required();
  g->add_option("--from", log->from, "Version number | label | position:<p> | time:<t>")
      ->required();
  g->add_option("--to", log->to, "Same forms as --from (or current)")->required();
}

}  // namespace hoering::client
