// hoering projections status|rebuild|checkpoint
//
// The server's read views (docs/api.md "Projections"). `rebuild` folds the
// whole log again and reports whether the result is byte-identical to the
// read views it replaces; it exits 4 (kExitBroken) when it is not, so an
// auditor's script can rely on the exit code.
#include <memory>

#include "client/cli/answer.h"
#include "client/cli/commands.h"
#include "client/cli/exit_codes.h"
#include "client/cli/format.h"

namespace hoering::client {
namespace {

int Status(CliContext& ctx) {
  return Answer(
      ctx, [&](Api& api) { return api.ProjectionStatus(); },
      [&](const ApiResult& r) {
        const auto& b = r.body;
        const auto& start = b["start"];
        ctx.out() << "read views at position " << b.value("position", 0) << " of "
                  << b.value("head_position", 0)
                  << (b.value("ready", false) ? " (ready)" : " (not ready)") << "\n";
        const auto checkpoint_at = b.value("checkpoint_position", 0);
        const auto snapshot_at = b.value("snapshot_position", 0);
        ctx.out() << "last checkpoint at position " << checkpoint_at;
        if (snapshot_at != checkpoint_at) {
          ctx.out() << " (the snapshot at position " << snapshot_at << ", unchanged since)";
        }
        ctx.out() << "\n";
        if (start.value("from_checkpoint", false)) {
          ctx.out() << "started from the checkpoint at position "
                    << start.value("checkpoint_position", 0) << " (snapshot at position "
                    << start.value("snapshot_position", 0) << "), replayed "
                    << start.value("replayed", 0) << " events in " << start.value("seconds", 0.0)
                    << " s\n";
        } else {
          ctx.out() << "started by folding " << start.value("replayed", 0) << " events in "
                    << start.value("seconds", 0.0) << " s\n";
        }
        if (start.contains("checkpoint_problem")) {
          ctx.out() << "checkpoint not used: " << Text(start, "checkpoint_problem") << "\n";
        }
        if (b["last_rebuild"].is_object()) {
          const auto& rb = b["last_rebuild"];
          ctx.out() << "last rebuild: " << rb.value("events", 0) << " events, "
                    << (rb.value("identical", false) ? "identical" : "DIFFERENT") << "\n";
        }
        return kExitOk;
      });
}

// A rebuild or checkpoint of a large log takes minutes (docs/performance.md):
// these commands wait up to `wait_s` for the answer instead of --timeout.
int Rebuild(CliContext& ctx, double wait_s) {
  ctx.options().timeout_s = wait_s;
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto r = (*api)->RebuildProjections();
  if (!r.ok()) return ctx.Fail(r.error());
  const bool identical = r->body.value("identical", false);
  if (ctx.options().json) {
    ctx.PrintJson(r->body);
  } else {
    ctx.out() << "rebuilt the read views from " << r->body.value("events", 0)
              << " events (position " << r->body.value("position", 0) << ") in "
              << r->body.value("seconds", 0.0) << " s, "
              << static_cast<std::uint64_t>(r->body.value("events_per_second", 0.0))
              << " events/s\n";
    if (identical) {
      ctx.out() << "identical to the incrementally maintained read views ("
                << r->body.value("snapshot_bytes", 0) << " bytes compared)\n";
    } else {
      ctx.out() << "DIFFERENT from the read views they replaced, first in '"
                << Text(r->body, "first_difference") << "'; the rebuilt ones are served now\n";
    }
  }
  return identical ? kExitOk : kExitBroken;
}

int Checkpoint(CliContext& ctx, double wait_s) {
  ctx.options().timeout_s = wait_s;
  return Answer(
      ctx, [&](Api& api) { return api.CheckpointProjections(); },
      [&](const ApiResult& r) {
        ctx.out() << "checkpoint at position " << r.body.value("position", 0);
        if (!r.body.value("written", true)) {
          ctx.out() << ": already stored\n";
        } else if (r.body.value("snapshot", true)) {
          ctx.out() << ": a new snapshot (" << r.body.value("bytes", 0) << " bytes)\n";
        } else {
          ctx.out() << ": a marker; no read view changed since the stored snapshot\n";
        }
        return kExitOk;
      });
}

}  // namespace

void AddProjectionCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group = AddGroup(app, "projections", "The server's read views (admin, auditor)");
  AddLeaf(*group, "status", "Positions, checkpoint, how the server started", ctx,
          [&ctx] { return Status(ctx); });
  auto wait_s = std::make_shared<double>(3600);
  CLI::App* rebuild =
      AddLeaf(*group, "rebuild",
              "Fold the whole log again and compare with the served read views (admin; exit 4 "
              "when they differ)",
              ctx, [&ctx, wait_s] { return Rebuild(ctx, *wait_s); });
  CLI::App* checkpoint = AddLeaf(*group, "checkpoint", "Store a read-view checkpoint now (admin)",
                                 ctx, [&ctx, wait_s] { return Checkpoint(ctx, *wait_s); });
  for (CLI::App* leaf : {rebuild, checkpoint}) {
    leaf->add_option("--wait", *wait_s, "Seconds to wait for the answer (default 3600)")
        ->check(CLI::PositiveNumber);
  }
}

}  // namespace hoering::client
