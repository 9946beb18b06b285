// hoering disposition set|show
//
// Routes: api.md "Consultations and responses" (PUT/GET
// /v1/consultations/{id}/responses/{rid}/points/{n}/disposition). Human
// output: set prints the recorded disposition as "key: value" lines; show
// prints the current one, then every recording as a table (oldest first).
// --json prints the raw JSON answer.
#include <memory>

#include "client/cli/answer.h"
#include "client/cli/commands.h"
#include "client/cli/format.h"
#include "client/cli/table.h"
#include "client/cli/write_options.h"

namespace hoering::client {
namespace {

using nlohmann::json;

// A disposition's fields with `changes` as a list and the actor as text.
std::vector<std::pair<std::string, std::string>> DispositionFields(const json& d) {
  json shown = d;
  if (shown.is_object() && shown.contains("changes")) shown["changes"] = JoinText(shown["changes"]);
  if (shown.is_object() && shown.contains("actor")) shown["actor"] = ActorText(shown["actor"]);
  return Fields(shown, {"response", "point", "outcome", "rationale", "changes", "recorded",
                        "recorded_at", "position"});
}

struct SetOptions {
  PointRef ref;
  DispositionInput disposition;
  WriteOptions write;
};

int Set(CliContext& ctx, const SetOptions& o) {
  return Answer(
      ctx,
      [&](Api& api) { return api.SetDisposition(o.ref, o.disposition, ToCallOptions(o.write)); },
      [&](const ApiResult& r) {
        RenderFields(ctx.out(), DispositionFields(r.body));
        return kExitOk;
      });
}

int Show(CliContext& ctx, const PointRef& ref) {
  return Answer(
      ctx, [&](Api& api) { return api.GetDisposition(ref); },
      [&](const ApiResult& r) {
        const json current = r.body.value("current", json());
        if (current.is_object()) {
          RenderFields(ctx.out(), DispositionFields(current));
        } else {
          ctx.out() << "no disposition recorded for point " << ref.point << '\n';
        }
        const json history = r.body.value("history", json::array());
        if (history.is_array() && !history.empty()) {
          ctx.out() << "\nhistory:\n";
          Table t({"RECORDED", "BY", "OUTCOME", "RATIONALE", "CHANGES", "POSITION"});
          t.SetAlign(5, Align::kRight);
          for (const auto& d : history) {
            std::string when = Text(d, "recorded");
            if (when.empty()) when = Text(d, "recorded_at");
            t.AddRow({when, ActorText(d.value("actor", json())), Text(d, "outcome"),
                      Text(d, "rationale"), JoinText(d.value("changes", json())),
                      Text(d, "position")});
          }
          t.Render(ctx.out());
        }
        return kExitOk;
      });
}

void AddPointArgs(CLI::App* app, PointRef& ref) {
  app->add_option("consultation", ref.consultation, "Consultation id")->required();
  app->add_option("response", ref.response, "Response id")->required();
  app->add_option("point", ref.point, "Point number (from 1)")
      ->required()
      ->check(CLI::Range(1u, 1000u));
}

}  // namespace

void AddDispositionCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group = AddGroup(app, "disposition", "Record how a response point was handled");
  group->alias("dispositions");

  auto [s, set] = AddLeafWith<SetOptions>(*group, "set",
                                          "Record (or re-record) a point's disposition", ctx, Set);
  AddPointArgs(s, set->ref);
  s->add_option("--outcome", set->disposition.outcome,
                "accepted | partially_accepted | not_accepted | noted | out_of_scope")
      ->required()
      ->check(CLI::IsMember(
          {"accepted", "partially_accepted", "not_accepted", "noted", "out_of_scope"}));
  s->add_option("--rationale", set->disposition.rationale, "Why")->required();
  s->add_option("--changes", set->disposition.changes, "Change set ids it led to, comma-separated")
      ->delimiter(',')
      ->allow_extra_args(false);
  AddWriteOptions(s, set->write);

  auto [sh, show] = AddLeafWith<PointRef>(
      *group, "show", "A point's current disposition and its history", ctx, Show);
  AddPointArgs(sh, *show);
}

}  // namespace hoering::client
