// State shared by every `hoering` command during one run: the global options,
// the output streams, the lazily created Api, and the action chosen by the
// parsed subcommand.
//
// How a command group plugs in (see commands.h): it adds subcommands to the
// CLI::App, binds their options to state it owns (captured shared_ptrs), and
// in each leaf's callback calls ctx.SetAction(...). RunCli() runs that action
// after parsing succeeded and returns its exit code.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "client/cli/exit_codes.h"
#include "client/lib/api.h"

namespace hoering::client {

struct GlobalOptions {
  std::string url = "http://127.0.0.1:8080";  // --url, env HOERING_URL
  std::string token;                          // --token, env HOERING_TOKEN
  bool json = false;                          // --json: print the raw JSON answer
  double timeout_s = 30;                      // --timeout, seconds per request
};

class CliContext {
 public:
  CliContext(std::ostream& out, std::ostream& err) : out_(out), err_(err) {}

  GlobalOptions& options() { return options_; }
  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }

  // The Api for --url/--token, created on first use. A bad --url is an
  // ApiError (status 0, type urn:hoering:client:bad-url).
  Expected<Api*> api();

  // Chooses what runs after parsing. The last call wins.
  void SetAction(std::function<int()> action) { action_ = std::move(action); }
  // Runs the chosen action; kExitUsage when none was chosen.
  int RunAction();

  // Prints the error to err() (title, detail, type, HTTP status) and returns
  // ExitCodeFor(e).
  int Fail(const ApiError& e);
  // Prints a usage problem found after parsing and returns kExitUsage.
  int Usage(const std::string& message);
  // The format a rendering command asks for: "json" under --json, else
  // `format`, or `fallback` when that is empty. nullopt after printing a
  // usage error: --json with another --format (`what`: "diff", "report").
  std::optional<std::string> RenderFormat(const std::string& format, const std::string& fallback,
                                          const std::string& what);
  // Pretty-prints `j` to out() (for --json) and returns kExitOk.
  int PrintJson(const nlohmann::json& j);

 private:
  std::ostream& out_;
  std::ostream& err_;
  GlobalOptions options_;
  std::optional<Api> api_;
  std::function<int()> action_;
};

}  // namespace hoering::client
