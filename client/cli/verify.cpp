// hoering verify [--local]
//
// Without options the server verifies its log (GET /v1/verify); --local
// re-hashes every event read through /v1/events here. Both print the same
// summary (or, with --json, {ok, checked, head: {position, hash}, first_bad?,
// problem?}) and exit 4 when the chain is broken.
//
// The CLI does not open a store itself: `--data-dir DIR` prints one line to
// standard error pointing to `hoering-server --verify DIR` (which checks a
// stopped server's store offline) and exits 1 (kExitUsage), sending nothing.
#include <memory>

#include "client/cli/commands.h"
#include "client/cli/format.h"
#include "client/lib/chain_verify.h"
#include "domain/sha256.h"

namespace hoering::client {
namespace {

struct VerifyOptions {
  bool local = false;
  std::uint32_t page_size = 1000;
  std::string data_dir;
};

// Prints a {ok, checked, head, first_bad?, problem?} report.
int PrintReport(CliContext& ctx, const nlohmann::json& b) {
  const bool ok = b.value("ok", false);
  if (ctx.options().json) {
    ctx.PrintJson(b);
  } else {
    const nlohmann::json head = b.value("head", nlohmann::json::object());
    if (ok) {
      ctx.out() << "ok: " << Text(b, "checked") << " events checked; head "
                << Text(head, "position") << " " << Text(head, "hash") << '\n';
    } else {
      ctx.out() << "BROKEN: first bad position " << Text(b, "first_bad") << ": "
                << Text(b, "problem") << " (" << Text(b, "checked") << " events checked)\n";
    }
  }
  return ok ? kExitOk : kExitBroken;
}

int Server(CliContext& ctx, Api& api) {
  auto r = api.Verify();
  if (!r.ok()) return ctx.Fail(r.error());
  return PrintReport(ctx, r->body);
}

// `hoering verify --data-dir DIR` was removed: the server binary verifies a
// stopped server's store.
int PointToServerVerify(CliContext& ctx, const std::string& data_dir) {
  ctx.err() << "hoering: offline verification moved: run `hoering-server --verify " << data_dir
            << "` on the stopped server's data directory\n";
  return kExitUsage;
}

int Local(CliContext& ctx, Api& api, std::uint32_t page_size) {
  ChainVerifier verifier;
  auto scanned = api.ScanEvents(1, std::nullopt, page_size,
                                [&](const nlohmann::json& e) { return verifier.Add(e); });
  if (!scanned.ok()) return ctx.Fail(scanned.error());
  const ChainReport& r = verifier.report();
  if (ctx.options().json) {
    nlohmann::json j{{"ok", r.ok},
                     {"checked", r.checked},
                     {"head", {{"position", r.head_position}, {"hash", ToHex(r.head_hash)}}}};
    if (r.first_bad) j["first_bad"] = *r.first_bad;
    if (!r.ok) j["problem"] = r.problem;
    ctx.PrintJson(j);
  } else if (r.ok) {
    ctx.out() << "ok (local): " << r.checked << " events re-hashed; head " << r.head_position << " "
              << ToHex(r.head_hash) << '\n';
  } else {
    ctx.out() << "BROKEN (local): first bad position " << *r.first_bad << ": " << r.problem << '\n';
  }
  return r.ok ? kExitOk : kExitBroken;
}

}  // namespace

void AddVerifyCommands(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<VerifyOptions>();
  CLI::App* v = app.add_subcommand("verify", "Verify the hash chain of the whole log");
  v->callback([&ctx, o] {
    ctx.SetAction([&ctx, o] {
      if (!o->data_dir.empty()) return PointToServerVerify(ctx, o->data_dir);
      auto api = ctx.api();
      if (!api.ok()) return ctx.Fail(api.error());
      return o->local ? Local(ctx, **api, o->page_size) : Server(ctx, **api);
    });
  });
  CLI::Option* local =
      v->add_flag("--local", o->local,
                  "Re-hash every event read through /v1/events here instead of asking the server");
  v->add_option("--data-dir", o->data_dir,
                "Removed: prints how to run `hoering-server --verify DIR` instead")
      ->excludes(local);
  v->add_option("--page-size", o->page_size, "Events per request with --local")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
}

}  // namespace hoering::client
