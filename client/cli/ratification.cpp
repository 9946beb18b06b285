// hoering agreement ratification|obligations|obligation-done
//
// Extra subcommands on the `agreement` group (added by agreements.cpp, which
// must be registered first; see kCommandGroups in cli.cpp).
// Routes: api.md "Decisions, ratification, obligations". Human output:
//   ratification: the version and "concluded: yes/no" as "key: value" lines,
//     the parties as a table PARTY | KIND | REQUIRED | STATUS | DECISION, the
//     open conditions (overdue ones marked OVERDUE) and the recommendations;
//   obligations: the term as "key: value" lines, then a table
//     KEY | KIND | DUE | STATUS | TITLE (overdue duties marked OVERDUE);
//   obligation-done: the recorded fulfilment as "key: value" lines.
// --json prints the raw JSON answer.

#include "client/cli/answer.h"
#include "client/cli/commands.h"
#include "client/cli/format.h"
#include "client/cli/table.h"
#include "client/cli/write_options.h"

namespace hoering::client {
namespace {

using nlohmann::json;

// `2 "final"  ffeeddccbbaa`: the version with its short text hash.
std::string VersionWithHash(const json& v) {
  std::string out = VersionText(v);
  if (!Text(v, "hash").empty()) out += "  " + ShortHash(Text(v, "hash"));
  return out;
}

struct RatificationOptions {
  std::string agreement, version;
};

int Ratification(CliContext& ctx, const RatificationOptions& o) {
  return Answer(
      ctx, [&](Api& api) { return api.Ratification(o.agreement, o.version); },
      [&](const ApiResult& r) {
        const json& b = r.body;
        std::ostream& out = ctx.out();
        RenderFields(out, {{"agreement", Text(b, "agreement")},
                           {"version", VersionWithHash(b.value("version", json()))},
                           {"required", JoinText(b.value("required", json::array()))},
                           {"concluded", b.value("concluded", false) ? "yes" : "no"},
                           {"as_of", Text(b, "as_of")}});
        out << '\n';
        Table parties({"PARTY", "KIND", "REQUIRED", "STATUS", "DECISION"});
        for (const auto& p : b.value("parties", json::array())) {
          parties.AddRow({Text(p, "party"), Text(p, "kind"),
                          p.value("required", false) ? "yes" : "no", Text(p, "status"),
                          Text(p, "decision")});
        }
        parties.Render(out);
        const json open = b.value("open_conditions", json::array());
        if (open.empty()) {
          out << "\nopen conditions: none\n";
        } else {
          out << "\nopen conditions:\n";
          Table t({"DECISION", "N", "PARTY", "DUE", "TEXT"});
          t.SetAlign(1, Align::kRight);
          for (const auto& c : open) {
            t.AddRow({Text(c, "decision"), Text(c, "n"), Text(c, "party"),
                      Text(c, "due") + (c.value("overdue", false) ? " OVERDUE" : ""),
                      Text(c, "text")});
          }
          t.Render(out);
        }
        const json recommendations = b.value("recommendations", json::array());
        if (!recommendations.empty()) {
          out << "\nrecommendations:\n";
          for (const auto& rec : recommendations) {
            out << "  - " << OneLine(Text(rec, "text")) << "  (" << Text(rec, "decision") << ")\n";
          }
        }
        return kExitOk;
      });
}

int Obligations(CliContext& ctx, const std::string& agreement) {
  return Answer(
      ctx, [&](Api& api) { return api.Obligations(agreement); },
      [&](const ApiResult& r) {
        const json& b = r.body;
        RenderFields(ctx.out(), {{"agreement", Text(b, "agreement")},
                                 {"entry_into_force", Text(b, "entry_into_force")},
                                 {"years", Text(b, "years")},
                                 {"expires", Text(b, "expires")},
                                 {"as_of", Text(b, "as_of")}});
        const json items = b.value("items", json::array());
        if (items.empty()) {
          ctx.out() << "\nno obligations: the agreement has no entry-into-force date\n";
          return kExitOk;
        }
        ctx.out() << '\n';
        Table t({"KEY", "KIND", "DUE", "STATUS", "TITLE"});
        for (const auto& o : items) {
          std::string status = Text(o, "status");
          if (status == "overdue") status = "OVERDUE";
          std::string title = Text(o, "title");
          if (!Text(o, "evidence").empty()) title += " (done: " + Text(o, "evidence") + ")";
          t.AddRow({Text(o, "key"), Text(o, "kind"), Text(o, "due"), status, title});
        }
        t.Render(ctx.out());
        return kExitOk;
      });
}

struct DoneOptions {
  std::string agreement, key, evidence;
  WriteOptions write;
};

int ObligationDone(CliContext& ctx, const DoneOptions& o) {
  return Answer(
      ctx,
      [&](Api& api) {
        return api.MarkObligationDone(o.agreement, o.key, o.evidence, ToCallOptions(o.write));
      },
      PrintFields(ctx, {"agreement", "obligation", "evidence", "position"}));
}

}  // namespace

void AddRatificationCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group = app.get_subcommand("agreement");  // throws if not registered before

  auto [r, rat] = AddLeafWith<RatificationOptions>(
      *group, "ratification", "Which parties approved a version; concluded?", ctx, Ratification);
  r->add_option("id", rat->agreement, "Agreement id")->required();
  r->add_option("--version", rat->version, "Version number or label (default: the latest)");

  AddLeafOf(*group, "obligations", "Milestones and duties from the agreement's term", ctx, "id",
            "Agreement id", Obligations);

  auto [d, done] = AddLeafWith<DoneOptions>(
      *group, "obligation-done", "Record that a duty was fulfilled", ctx, ObligationDone);
  d->add_option("id", done->agreement, "Agreement id")->required();
  d->add_option("key", done->key, "Obligation key, e.g. review-2025 or midway-status")->required();
  d->add_option("--evidence", done->evidence, "What shows it was done")->required();
  AddWriteOptions(d, done->write);
}

}  // namespace hoering::client
