// Keeps the server's per-request access log out of test output (warnings and
// errors still show). Runs before main() via a static initializer; linked
// into the test binaries that start servers (hoering_quiet_logs in
// tests/support/CMakeLists.txt).
#include <spdlog/spdlog.h>

namespace {
const bool kQuiet = [] {
  spdlog::set_level(spdlog::level::warn);
  return true;
}();
}  // namespace
