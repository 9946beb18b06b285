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
#include <fstream>
#include <functional>
#include <memory>
#include <optional>

#include "client/cli/answer.h"
#include "client/cli/commands.h"
#include "client/cli/files.h"
#include "client/cli/format.h"
#include "client/cli/table.h"
#include "client/cli/write_options.h"
#include "domain/time.h"

namespace hoering::client {
namespace {

using nlohmann::json;

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
  fields.emplace_back("invited", JoinText(c.value("invited", json::array())));
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

// Writes go through here: `send` sends, then the consultation `id` is
// printed as it is now (read again when the answer is not the whole
// consultation) with the write's position.
int Write(CliContext& ctx, const std::string& id,
          const std::function<Expected<ApiResult>(Api&)>& send) {
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto r = send(**api);
  if (!r.ok()) return ctx.Fail(r.error());
  if (ctx.options().json) return ctx.PrintJson(r->body);
  std::string position = std::string(r->headers.Get("X-Log-Position").value_or(""));
  if (position.empty() && r->position) position = std::to_string(*r->position);
  if (r->body.contains("state")) {
    PrintConsultation(ctx, r->body, position, r->etag);
    return kExitOk;
  }
  auto now = (*api)->GetConsultation(id);
  if (!now.ok()) return ctx.Fail(now.error());
  PrintConsultation(ctx, now->body, position, now->etag);
  return kExitOk;
}

// --- open / extend / close ----------------------------------------------------

struct OpenOptions {
  ConsultationInput consultation;
  WriteOptions write;
};

int Open(CliContext& ctx, const OpenOptions& o) {
  const ConsultationInput& c = o.consultation;
  if (!IsTime(c.opens_at)) {
    return ctx.Usage("--opens must be an RFC 3339 time, not '" + c.opens_at + "'");
  }
  if (!IsTime(c.closes_at)) {
    return ctx.Usage("--closes must be an RFC 3339 time, not '" + c.closes_at + "'");
  }
  return Write(ctx, c.id,
               [&](Api& api) { return api.OpenConsultation(c, ToCallOptions(o.write)); });
}

struct ExtendOptions {
  std::string id, closes, reason;
  WriteOptions write;
};

int Extend(CliContext& ctx, const ExtendOptions& o) {
  if (!IsTime(o.closes)) {
    return ctx.Usage("--closes must be an RFC 3339 time, not '" + o.closes + "'");
  }
  return Write(ctx, o.id, [&](Api& api) {
    return api.ExtendConsultation(o.id, o.closes, o.reason, ToCallOptions(o.write));
  });
}

struct CloseOptions {
  std::string id;
  std::optional<std::string> reason;
  WriteOptions write;
};

int Close(CliContext& ctx, const CloseOptions& o) {
  return Write(ctx, o.id, [&](Api& api) {
    return api.CloseConsultation(o.id, o.reason, ToCallOptions(o.write));
  });
}

// --- show / list / report -------------------------------------------------------

int ShowConsultation(CliContext& ctx, const std::string& id) {
  return Answer(
      ctx, [&](Api& api) { return api.GetConsultation(id); },
      [&](const ApiResult& r) {
        PrintConsultation(ctx, r.body, Text(r.body, "position"), r.etag);
        return kExitOk;
      });
}

int ListConsultations(CliContext& ctx, const std::string& agreement) {
  return Answer(
      ctx, [&](Api& api) { return api.ListConsultations(agreement); },
      [&](const std::vector<nlohmann::json>& items) {
        Table t({"ID", "AGREEMENT", "VERSION", "STATE", "OPENS", "CLOSES", "RESPONSES", "TITLE"});
        t.SetAlign(6, Align::kRight);
        for (const auto& c : items) {
          const json counts = c.value("responses", json());
          t.AddRow({Text(c, "id"), Text(c, "agreement"), VersionText(c.value("version", json())),
                    Text(c, "state"), Text(c, "opens_at"), Text(c, "closes_at"),
                    counts.is_object() ? Text(counts, "submitted") : Text(counts),
                    Text(c, "title")});
        }
        t.Render(ctx.out());
        return kExitOk;
      });
}

struct ReportOptions {
  std::string id, format, output, lang;
};

int Report(CliContext& ctx, const ReportOptions& o) {
  const auto rendered = ctx.RenderFormat(o.format, "md", "report");
  if (!rendered) return kExitUsage;
  const std::string& format = *rendered;
  if (!o.output.empty() && !CanWriteFile(o.output)) {
    return ctx.Usage("cannot write --output " + o.output);
  }
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto r = (*api)->ConsultationReport(o.id, format, o.lang);
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

void AddConsultationCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group = AddGroup(app, "consultation", "Open, extend, close and report consultations");
  group->alias("consultations");

  auto [o, open] = AddLeafWith<OpenOptions>(
      *group, "open", "Open a consultation on a published version", ctx, Open);
  ConsultationInput& in = open->consultation;
  o->add_option("id", in.id, "Consultation id, e.g. sa-2024-hoering")->required();
  o->add_option("--agreement", in.agreement, "Agreement id")->required();
  o->add_option("--version", in.version, "Published version: number or label")->required();
  o->add_option("--title", in.title, "Title")->required();
  o->add_option("--opens", in.opens_at, "Opening time, RFC 3339")->required();
  o->add_option("--closes", in.closes_at, "Deadline, RFC 3339")->required();
  o->add_option("--invite", in.invited, "Invited party ids, comma-separated or repeated")
      ->required()
      ->delimiter(',')
      ->allow_extra_args(false);
  o->add_option("--time-zone", in.time_zone, "Time zone for display (default UTC)");
  AddWriteOptions(o, open->write);

  auto [e, extend] =
      AddLeafWith<ExtendOptions>(*group, "extend", "Move the deadline later", ctx, Extend);
  e->add_option("id", extend->id, "Consultation id")->required();
  e->add_option("--closes", extend->closes, "The new deadline, RFC 3339")->required();
  e->add_option("--reason", extend->reason, "Why")->required();
  AddWriteOptions(e, extend->write);

  auto [c, close] =
      AddLeafWith<CloseOptions>(*group, "close", "Close now, also before the deadline", ctx, Close);
  c->add_option("id", close->id, "Consultation id")->required();
  c->add_option("--reason", close->reason, "Why");
  AddWriteOptions(c, close->write);

  AddLeafOf(*group, "show", "State, deadlines, extensions, invited, responses", ctx, "id",
            "Consultation id", ShowConsultation);

  AddLeafOf(*group, "list", "List consultations", ctx, "--agreement",
            "Only those on this agreement", ListConsultations);

  auto [r, report] =
      AddLeafWith<ReportOptions>(*group, "report", "The consultation report", ctx, Report);
  r->add_option("id", report->id, "Consultation id")->required();
  r->add_option("--format", report->format, "md (default) | html | json | csv")
      ->check(CLI::IsMember({"md", "html", "json", "csv"}));
  r->add_option("--output", report->output, "Write the report to this file");
  r->add_option("--lang", report->lang,
                "Language of the md and html report: da | en (default: the server's, English)")
      ->check(CLI::IsMember({"da", "en"}));
}

}  // namespace hoering::client
