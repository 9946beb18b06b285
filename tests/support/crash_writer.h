// StartCrashWriter: runs tests/support/crash_writer.cpp (its usage is there)
// as a new process, fork followed at once by exec, so it shares no threads or
// locks with the test. Between the two the child calls nothing but execv
// (async-signal-safe); file descriptors without FD_CLOEXEC, such as a pipe's
// write end, stay open in it. Returns the child's pid, or -1 if fork failed;
// if exec fails the child exits with 127.
//
// The test binary is compiled with HOERING_CRASH_WRITER, the helper's path
// (tests/CMakeLists.txt).
#pragma once

#include <unistd.h>

#include <string>
#include <vector>

namespace hoering::testing {

inline pid_t StartCrashWriter(const std::vector<std::string>& args) {
  std::vector<std::string> all{HOERING_CRASH_WRITER};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

}  // namespace hoering::testing
