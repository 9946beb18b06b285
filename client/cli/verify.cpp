// hoering verify [--local | --data-dir DIR]
//
// Without options the server verifies its log (GET /v1/verify); --local
// re-hashes every event read through /v1/events here; --data-dir opens a
// STOPPED server's store (<DIR>/store) in this process, with no server, and
// runs the store's own Verify() (a running server holds the store's lock).
// All three print the same summary (or, with --json, {ok, checked, head:
// {position, hash}, first_bad?, problem?}) and exit 4 when the chain is broken.
#include <filesystem>
#include <memory>

#include "client/cli/commands.h"
#include "client/cli/format.h"
#include "client/lib/chain_verify.h"
#include "domain/sha256.h"
#include "storage/rocksdb_event_store.h"

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

// The store of a stopped server, opened in this process.
int Offline(CliContext& ctx, const std::string& data_dir) {
  const std::string path = data_dir + "/store";
  std::error_code ec;
  if (!std::filesystem::exists(path + "/CURRENT", ec)) {
    ctx.err() << "hoering: no event store in " << data_dir << " (expected " << path
              << "; --data-dir is the server's data directory)\n";
    return kExitUsage;
  }
  RocksDbStoreOptions options;
  options.path = path;
  options.must_exist = true;
  auto store = RocksDbEventStore::Open(std::move(options));
  if (!store.ok()) {
    const std::string detail = store.status().detail();
    if (detail.find("lock") != std::string::npos || detail.find("Lock") != std::string::npos) {
      ctx.err() << "hoering: the store is in use (is the server still running?)\n  " << detail
                << '\n';
    } else {
      ctx.err() << "hoering: cannot open the store " << path << ": " << detail << '\n';
    }
    return kExitFailed;
  }
  const VerifyReport r = (*store)->Verify();
  nlohmann::json j = {{"ok", r.ok},
                      {"checked", r.checked},
                      {"head", {{"position", r.head.position}, {"hash", ToHex(r.head.hash)}}}};
  if (r.first_bad) {
    j["first_bad"] = *r.first_bad;
    j["problem"] = r.problem;
  }
  return PrintReport(ctx, j);
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
      if (!o->data_dir.empty()) return Offline(ctx, o->data_dir);
      auto api = ctx.api();
      if (!api.ok()) return ctx.Fail(api.error());
      return o->local ? Local(ctx, **api, o->page_size) : Server(ctx, **api);
    });
  });
  CLI::Option* local =
      v->add_flag("--local", o->local,
                  "Re-hash every event read through /v1/events here instead of asking the server");
  v->add_option("--data-dir", o->data_dir,
                "Verify a stopped server's data directory (its store) offline, without a server")
      ->excludes(local);
  v->add_option("--page-size", o->page_size, "Events per request with --local")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
}

}  // namespace hoering::client
