// hoering agreement versions|diff|log: an agreement's published versions,
// what changed between two of them and the change sets that led there.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "client/cli/agreement_commands.h"
#include "client/cli/answer.h"
#include "client/cli/commands.h"
#include "client/cli/format.h"
#include "client/cli/table.h"

namespace hoering::client {
namespace {

using nlohmann::json;

// --- versions ----------------------------------------------------------------

int Versions(CliContext& ctx, const std::string& id) {
  return Answer(
      ctx, [&](Api& api) { return api.ListVersions(id); },
      [&](const std::vector<nlohmann::json>& items) {
        Table t({"NO", "LABEL", "HASH", "CHANGES", "PUBLISHED", "BY", "POSITION", "NOTE"});
        t.SetAlign(0, Align::kRight).SetAlign(3, Align::kRight).SetAlign(6, Align::kRight);
        for (const auto& v : items) {
          std::string when = Text(v, "published_at");
          if (when.empty()) when = Text(v, "recorded_at");
          t.AddRow({Text(v, "number"), Text(v, "label"), ShortHash(Text(v, "hash")),
                    Text(v, "changes"), when, v.contains("actor") ? ActorText(v["actor"]) : "",
                    Text(v, "position"), Text(v, "note")});
        }
        t.Render(ctx.out());
        return kExitOk;
      });
}

// An agreement and two points of its history, <id> --from --to: what diff
// compares and log lists.
struct RangeOptions {
  std::string id, from, to;
};

// Adds the range's options to `leaf`, all required.
void AddRangeOptions(CLI::App* leaf, RangeOptions& range, const std::string& from_help,
                     const std::string& to_help) {
  leaf->add_option("id", range.id, "Agreement id")->required();
  leaf->add_option("--from", range.from, from_help)->required();
  leaf->add_option("--to", range.to, to_help)->required();
}

// --- diff --------------------------------------------------------------------

struct DiffOptions : RangeOptions {
  std::string format;
  bool no_color = false;
};

int Diff(CliContext& ctx, const DiffOptions& o) {
  const auto rendered = ctx.RenderFormat(o.format, "text", "diff");
  if (!rendered) return kExitUsage;
  const std::string& format = *rendered;
  // Colour only for a terminal: the real stdout, not a captured stream.
  const bool color =
      format == "text" && !o.no_color && &ctx.out() == &std::cout && ::isatty(STDOUT_FILENO) != 0;
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto r = (*api)->DiffVersions(o.id, o.from, o.to, format, color);
  if (!r.ok()) return ctx.Fail(r.error());
  if (format == "json") return ctx.PrintJson(r->body);
  PrintText(ctx.out(), r->raw);
  return kExitOk;
}

// --- log ---------------------------------------------------------------------

// A JSON string shown in quotes on one line.
std::string Quoted(const json& j, std::string_view key) {
  return '"' + OneLine(Text(j, key)) + '"';
}

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

// One change set: "change c-2  <when>  <actor>  position 14", its fields
// (rationale, cites, source, ops count), then one line per op.
void PrintChangeSet(std::ostream& out, const json& c) {
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

int Log(CliContext& ctx, const RangeOptions& o) {
  return Answer(
      ctx, [&](Api& api) { return api.ChangeLog(o.id, o.from, o.to); },
      [&](const ApiResult& r) {
        const json items = r.body.value("items", json::array());
        std::ostream& out = ctx.out();
        if (r.body.value("reversed", false)) {
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
          PrintChangeSet(out, c);
        }
        return kExitOk;
      });
}

}  // namespace

void AddAgreementHistoryCommands(CLI::App& group, CliContext& ctx) {
  AddLeafOf(group, "versions", "List the published versions", ctx, "id", "Agreement id", Versions);

  auto [d, diff] =
      AddLeafWith<DiffOptions>(group, "diff", "Compare two versions (or other points)", ctx, Diff);
  AddRangeOptions(d, *diff, "Version number | label | position:<p> | time:<t> | current",
                  "Same forms as --from");
  d->add_option("--format", diff->format, "json | text (default) | html")
      ->check(CLI::IsMember({"json", "text", "html"}));
  d->add_flag("--no-color", diff->no_color, "No ANSI colours, even on a terminal");

  auto [g, log] =
      AddLeafWith<RangeOptions>(group, "log", "The change sets between two versions", ctx, Log);
  AddRangeOptions(g, *log, "Version number | label | position:<p> | time:<t>",
                  "Same forms as --from (or current)");
}

}  // namespace hoering::client
