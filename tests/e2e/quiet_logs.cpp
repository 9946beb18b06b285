// Keeps the server's per-request access log out of test output (warnings and
// errors still show). Runs before main() via a static initializer.
#include <spdlog/spdlog.h>

namespace {
const bool kQuiet = [] {
  spdlog::set_level(spdlog::level::warn);
  return true;
}();
}  // namespace
