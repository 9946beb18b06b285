// Runs the `hoering` CLI in-process (client::RunCli) and keeps what it
// printed: the one CLI runner of the tests. For tests that link the CLI
// (hoering_cli); against a real server see tests/e2e/cli_harness.h, against
// the scripted FakeServer pass its url().
#pragma once

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "client/cli/cli.h"

namespace hoering::testing {

struct CliRun {
  int code = -1;  // the exit code RunCli returned
  std::string out, err;

  // The output parsed as one JSON document (--json); null when it is not.
  nlohmann::json json() const { return nlohmann::json::parse(out, nullptr, false); }
};

// hoering <args...>, exactly as given.
inline CliRun RunCliArgs(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  CliRun r;
  r.code = client::RunCli(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// hoering --url <url> [--token <token>] <args...>; no --token when `token`
// is empty.
inline CliRun RunCliAt(const std::string& url, const std::string& token,
                       std::vector<std::string> args) {
  std::vector<std::string> all = {"--url", url};
  if (!token.empty()) {
    all.push_back("--token");
    all.push_back(token);
  }
  all.insert(all.end(), std::make_move_iterator(args.begin()), std::make_move_iterator(args.end()));
  return RunCliArgs(all);
}

}  // namespace hoering::testing
