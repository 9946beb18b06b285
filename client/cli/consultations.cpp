// hoering consultation open|extend|close|show|list|report
//
// Routes: api.md "Consultations and responses". Human output:
//   open, extend, close, show: the consultation as "key: value" lines (state,
//     deadlines, invited parties, response counts, ETag), then its extensions
//     as a table when there are any; after a write it is read again when the
//     answer is not the whole consultation, and `position` is the write's;
//   list: a table;
//   report: the server's rendering (md by default, or html, json, csv) written
//     verbatim to standard output or to --output FILE.
// --json prints the raw JSON answer (for report: the same as --format json).
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

#include "client/cli/commands.h"
#include "client/cli/format.h"
#include "client/cli/table.h"
#include "client/lib/target.h"
#include "domain/time.h"

namespace hoering::client {
namespace {

using nlohmann::json;

std::string ConsultationPath(const std::string& id) {
  return Path({"v1", "consultations", id});
}
std::string ConsultationPath(const std::string& id, std::string_view sub) {
  return Path({"v1", "consultations", id, sub});
}

// `1 "consultation draft"` for {number, label}; other values as text.
std::string VersionText(const json& v) {
  if (!v.is_object()) return Text(v);
  std::string out = Text(v, "number");
  if (v.contains("label") && !v["label"].is_null()) out += " \"" + Text(v, "label") + "\"";
  return out;
}

std::string Join(const json& array) {
  if (!array.is_array()) return Text(array);
  std::string out;
  for (const auto& item : array) out += (out.empty() ? "" : ", ") + Text(item);
  return out;
}

// "2 submitted, 1 withdrawn, 0 late" from {submitted, withdrawn, late}.
std::string CountsText(const json& counts) {
  if (!counts.is_object()) return Text(counts);
  return Text(counts, "submitted") + " submitted, " + Text(counts, "withdrawn") + " withdrawn, " +
         Text(counts, "late") + " late";
}

// `position` is the write's log position (or, for show, where the
// consultation was opened).
void PrintConsultation(CliContext& ctx, const json& c, const std::string& position,
                       const std::string& etag) {
  std::vector<std::pair<std::string, std::string>> fields = {
      {"id", Text(c, "id")}, {"title", Text(c, "title")}, {"agreement", Text(c, "agreement")}};
  const json version = c.value("version", json());
  std::string version_text = VersionText(version);
  if (version.is_object() && version.contains("hash")) {
    version_text += "  " + ShortHash(Text(version, "hash"));
  }
  fields.emplace_back("version", version_text);
  fields.emplace_back("state", Text(c, "state"));
  fields.emplace_back("opens_at", Text(c, "opens_at"));
  std::string closes = Text(c, "closes_at");
  const std::string original = Text(c, "original_closes_at");
  if (!original.empty() && original != closes) closes += "  (originally " + original + ")";
  fields.emplace_back("closes_at", closes);
  if (!Text(c, "time_zone").empty()) fields.emplace_back("time_zone", Text(c, "time_zone"));
  if (!Text(c, "closed_at").empty()) {
    std::string closed = Text(c, "closed_at");
    if (!Text(c, "close_reason").empty()) closed += "  (" + OneLine(Text(c, "close_reason")) + ")";
    fields.emplace_back("closed_at", closed);
  }
  fields.emplace_back("invited", Join(c.value("invited", json::array())));
  if (c.contains("responses")) fields.emplace_back("responses", CountsText(c["responses"]));
  const json extensions = c.value("extensions", json::array());
  if (extensions.is_array()) {
    fields.emplace_back("extensions", std::to_string(extensions.size()));
  }
  if (!Text(c, "created_at").empty()) fields.emplace_back("created_at", Text(c, "created_at"));
  if (!position.empty()) fields.emplace_back("position", position);
  if (!etag.empty()) fields.emplace_back("etag", etag);
  RenderFields(ctx.out(), fields);
  if (extensions.is_array() && !extensions.empty()) {
    ctx.out() << '\n';
    Table t({"EXTENDED TO", "REASON", "AT", "POSITION"});
    t.SetAlign(3, Align::kRight);
    for (const auto& e : extensions) {
      t.AddRow({Text(e, "closes_at"), Text(e, "reason"), Text(e, "at"), Text(e, "position")});
    }
    t.Render(ctx.out());
  }
}

bool IsTime(const std::string& s) {
  return ParseRfc3339(s).has_value();
}

// Writes go through here: sends, then prints the consultation `id` as it is
// now (read again when the answer is not the whole consultation) with the
// write's position.
int Write(CliContext& ctx, const std::string& id, const std::string& target, const json& body,
          const std::string& idempotency_key) {
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  CallOptions call;
  call.idempotency_key = idempotency_key;
  auto r = (*api)->Call(Verb::post, target, body, call);
  if (!r.ok()) return ctx.Fail(r.error());
  if (ctx.options().json) return ctx.PrintJson(r->body);
  std::string position = std::string(r->headers.Get("X-Log-Position").value_or(""));
  if (position.empty() && r->position) position = std::to_string(*r->position);
  if (r->body.contains("state")) {
    PrintConsultation(ctx, r->body, position, r->etag);
    return kExitOk;
  }
  auto now = (*api)->Call(Verb::get, ConsultationPath(id));
  if (!now.ok()) return ctx.Fail(now.error());
  PrintConsultation(ctx, now->body, position, now->etag);
  return kExitOk;
}

// --- open / extend / close ----------------------------------------------------

struct OpenOptions {
  std::string id, agreement, version, title, opens, closes, time_zone, idempotency_key;
  std::vector<std::string> invited;
};

int Open(CliContext& ctx, const OpenOptions& o) {
  if (!IsTime(o.opens)) return ctx.Usage("--opens must be an RFC 3339 time, not '" + o.opens + "'");
  if (!IsTime(o.closes)) {
    return ctx.Usage("--closes must be an RFC 3339 time, not '" + o.closes + "'");
  }
  // A version number is sent as a number, a label as a string.
  const json version = VersionSelectorJson(o.version);
  json body = {{"id", o.id},          {"agreement", o.agreement}, {"version", version},
               {"title", o.title},    {"opens_at", o.opens},      {"closes_at", o.closes},
               {"invited", o.invited}};
  if (!o.time_zone.empty()) body["time_zone"] = o.time_zone;
  return Write(ctx, o.id, "/v1/consultations", body, o.idempotency_key);
}

struct ExtendOptions {
  std::string id, closes, reason, idempotency_key;
};

int Extend(CliContext& ctx, const ExtendOptions& o) {
  if (!IsTime(o.closes)) {
    return ctx.Usage("--closes must be an RFC 3339 time, not '" + o.closes + "'");
  }
  json body = {{"closes_at", o.closes}, {"reason", o.reason}};
  return Write(ctx, o.id, ConsultationPath(o.id, "extend"), body, o.idempotency_key);
}

struct CloseOptions {
  std::string id, idempotency_key;
  std::optional<std::string> reason;
};

int Close(CliContext& ctx, const CloseOptions& o) {
  json body = json::object();
  if (o.reason) body["reason"] = *o.reason;
  return Write(ctx, o.id, ConsultationPath(o.id, "close"), body, o.idempotency_key);
}

// --- show / list / report -------------------------------------------------------

int Show(CliContext& ctx, const std::string& id) {
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto r = (*api)->Call(Verb::get, ConsultationPath(id));
  if (!r.ok()) return ctx.Fail(r.error());
  if (ctx.options().json) return ctx.PrintJson(r->body);
  PrintConsultation(ctx, r->body, Text(r->body, "position"), r->etag);
  return kExitOk;
}

int List(CliContext& ctx, const std::string& agreement) {
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto items = ListAllWhere(**api, "/v1/consultations", {{"agreement", agreement}});
  if (!items.ok()) return ctx.Fail(items.error());
  if (ctx.options().json) return ctx.PrintJson(*items);
  Table t({"ID", "AGREEMENT", "VERSION", "STATE", "OPENS", "CLOSES", "RESPONSES", "TITLE"});
  t.SetAlign(6, Align::kRight);
  for (const auto& c : *items) {
    const json counts = c.value("responses", json());
    t.AddRow({Text(c, "id"), Text(c, "agreement"), VersionText(c.value("version", json())),
              Text(c, "state"), Text(c, "opens_at"), Text(c, "closes_at"),
              counts.is_object() ? Text(counts, "submitted") : Text(counts), Text(c, "title")});
  }
  t.Render(ctx.out());
  return kExitOk;
}

struct ReportOptions {
  std::string id, format, output;
};

int Report(CliContext& ctx, const ReportOptions& o) {
  std::string format = o.format;
  if (ctx.options().json) {
    if (!format.empty() && format != "json") {
      return ctx.Usage("--json prints the JSON report; it excludes --format " + format);
    }
    format = "json";
  }
  if (format.empty()) format = "md";
  if (!o.output.empty() && !CanWriteFile(o.output)) {
    return ctx.Usage("cannot write --output " + o.output);
  }
  CallOptions call;
  if (format == "md") call.headers.Set("Accept", "text/markdown, application/problem+json");
  if (format == "html") call.headers.Set("Accept", "text/html, application/problem+json");
  if (format == "csv") call.headers.Set("Accept", "text/csv, application/problem+json");
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto r = (*api)->Call(
      Verb::get, WithQuery(ConsultationPath(o.id, "report"), {{"format", format}}), nullptr, call);
  if (!r.ok()) return ctx.Fail(r.error());
  if (o.output.empty()) {
    ctx.out() << r->raw;
    return kExitOk;
  }
  std::ofstream file(o.output, std::ios::binary | std::ios::trunc);
  file << r->raw;
  file.close();
  if (!file) {
    ctx.err() << "hoering: cannot write " << o.output << '\n';
    return kExitFailed;
  }
  ctx.out() << "wrote " << r->raw.size() << " bytes (" << format << ") to " << o.output << '\n';
  return kExitOk;
}

}  // namespace

bool CanWriteFile(const std::string& path) {
  std::error_code ec;
  const bool existed = std::filesystem::exists(path, ec);
  bool ok = static_cast<bool>(std::ofstream(path, std::ios::binary | std::ios::app));
  if (ok && !existed) std::filesystem::remove(path, ec);
  return ok;
}

Expected<std::vector<json>> ListAllWhere(Api& api, std::string_view path,
                                         const QueryParams& filters) {
  std::vector<json> items;
  std::string after;
  for (;;) {
    QueryParams q = filters;
    q.emplace_back("after", after);
    auto page = api.Call(Verb::get, WithQuery(path, q));
    if (!page.ok()) return page.error();
    const json& body = page->body;
    if (!body.is_object() || !body.contains("items") || !body["items"].is_array()) {
      return ClientError(InvalidArgument("a list answer needs an `items` array", "bad-response"),
                         page->status);
    }
    for (const auto& item : body["items"]) items.push_back(item);
    const json next = body.value("next", json());
    if (next.is_null() || body["items"].empty()) return items;
    std::string cursor = next.is_string() ? next.get<std::string>() : next.dump();
    if (cursor == after) {
      return ClientError(InvalidArgument("the list cursor did not advance", "bad-response"),
                         page->status);
    }
    after = std::move(cursor);
  }
}

void AddConsultationCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group = AddGroup(app, "consultation", "Open, extend, close and report consultations");
  group->alias("consultations");

  auto open = std::make_shared<OpenOptions>();
  CLI::App* o = AddLeaf(*group, "open", "Open a consultation on a published version", ctx,
                        [&ctx, open] { return Open(ctx, *open); });
  o->add_option("id", open->id, "Consultation id, e.g. sa-2024-hoering")->required();
  o->add_option("--agreement", open->agreement, "Agreement id")->required();
  o->add_option("--version", open->version, "Published version: number or label")->required();
  o->add_option("--title", open->title, "Title")->required();
  o->add_option("--opens", open->opens, "Opening time, RFC 3339")->required();
  o->add_option("--closes", open->closes, "Deadline, RFC 3339")->required();
  o->add_option("--invite", open->invited, "Invited party ids, comma-separated or repeated")
      ->required()
      ->delimiter(',')
      ->allow_extra_args(false);
  o->add_option("--time-zone", open->time_zone, "Time zone for display (default UTC)");
  o->add_option("--idempotency-key", open->idempotency_key, "Idempotency-Key for safe retries");

  auto extend = std::make_shared<ExtendOptions>();
  CLI::App* e = AddLeaf(*group, "extend", "Move the deadline later", ctx,
                        [&ctx, extend] { return Extend(ctx, *extend); });
  e->add_option("id", extend->id, "Consultation id")->required();
  e->add_option("--closes", extend->closes, "The new deadline, RFC 3339")->required();
  e->add_option("--reason", extend->reason, "Why")->required();
  e->add_option("--idempotency-key", extend->idempotency_key, "Idempotency-Key for safe retries");

  auto close = std::make_shared<CloseOptions>();
  CLI::App* c = AddLeaf(*group, "close", "Close now, also before the deadline", ctx,
                        [&ctx, close] { return Close(ctx, *close); });
  c->add_option("id", close->id, "Consultation id")->required();
  c->add_option("--reason", close->reason, "Why");
  c->add_option("--idempotency-key", close->idempotency_key, "Idempotency-Key for safe retries");

  auto show_id = std::make_shared<std::string>();
  CLI::App* s = AddLeaf(*group, "show", "State, deadlines, extensions, invited, responses", ctx,
                        [&ctx, show_id] { return Show(ctx, *show_id); });
  s->add_option("id", *show_id, "Consultation id")->required();

  auto agreement = std::make_shared<std::string>();
  CLI::App* l = AddLeaf(*group, "list", "List consultations", ctx,
                        [&ctx, agreement] { return List(ctx, *agreement); });
  l->add_option("--agreement", *agreement, "Only those on this agreement");

  auto report = std::make_shared<ReportOptions>();
  CLI::App* r = AddLeaf(*group, "report", "The consultation report", ctx,
                        [&ctx, report] { return Report(ctx, *report); });
  r->add_option("id", report->id, "Consultation id")->required();
  r->add_option("--format", report->format, "md (default) | html | json | csv")
      ->check(CLI::IsMember({"md", "html", "json", "csv"}));
  r->add_option("--output", report->output, "Write the report to this file");
}

}  // namespace hoering::client
