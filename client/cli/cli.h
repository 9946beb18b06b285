// The `hoering` command-line tool, runnable in-process (tests call RunCli
// with string streams instead of std::cout/std::cerr).
//
//   hoering [--url URL] [--token T] [--json] [--timeout S] <group> <command> ...
//
// Exit codes: see exit_codes.h (0 ok, 1 usage, 2 rejected with 4xx,
// 3 server/transport failure, 4 broken hash chain).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "client/cli/exit_codes.h"

namespace hoering::client {

// argv[0] is the program name. Writes results to `out`, diagnostics to `err`.
// Never throws; never calls exit().
int RunCli(int argc, char** argv, std::ostream& out, std::ostream& err);
// Same with the arguments after the program name.
int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace hoering::client
