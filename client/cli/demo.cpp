// hoering demo load [--wait S]
//
// Loads the demo data set (client/demo/demo.h) into an empty server through
// the public API, with the admin token given by --token. The server itself
// loads no data; scripts/run.sh runs this after starting a server on a new
// data directory. --wait polls GET /readyz first, for a server that is still
// starting. Exits 2 when the server refuses a step (e.g. party-exists on a
// server that has data already).
#include "client/demo/demo.h"

#include <chrono>
#include <memory>
#include <thread>

#include "client/cli/commands.h"
#include "client/cli/exit_codes.h"

namespace hoering::client {
namespace {

// Polls /readyz until it answers 200 or `wait_s` have passed; the last
// error when it never does.
std::optional<ApiError> WaitUntilReady(const GlobalOptions& options, double wait_s) {
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(static_cast<long long>(wait_s * 1000));
  ApiError last;
  for (;;) {
    auto api = Api::Connect(options.url, options.token);
    if (api.ok()) {
      auto ready = api->Ready();
      if (ready.ok()) return std::nullopt;
      last = ready.error();
    } else {
      last = api.error();
    }
    if (last.type == "urn:hoering:client:bad-url" || std::chrono::steady_clock::now() >= deadline) {
      return last;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

int Load(CliContext& ctx, double wait_s) {
  if (wait_s > 0) {
    if (auto error = WaitUntilReady(ctx.options(), wait_s)) return ctx.Fail(*error);
  }
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  Status s = demo::LoadDemo(**api, [](const std::string&) {});
  if (!s.ok()) {
    ctx.err() << "hoering: the demo data set was not loaded: " << s.detail() << "\n";
    return kExitRejected;
  }
  ctx.out() << "demo data loaded (parties, the 2024-2027 agreement, its consultation, "
               "responses, decisions; see README)\n";
  return kExitOk;
}

}  // namespace

void AddDemoCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group = AddGroup(app, "demo", "The demo data set");
  auto wait_s = std::make_shared<double>(0);
  CLI::App* load =
      AddLeaf(*group, "load", "Load the demo data set into an empty server (admin token)", ctx,
              [&ctx, wait_s] { return Load(ctx, *wait_s); });
  load->add_option("--wait", *wait_s,
                   "Seconds to wait for the server to be ready first (default 0: no wait)")
      ->check(CLI::NonNegativeNumber);
}

}  // namespace hoering::client
