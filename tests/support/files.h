// Files for tests and benchmarks: the checked-in fixtures (tests/fixtures/)
// and whole files read or written at once. REQUIRES: HOERING_SOURCE_DIR
// defined (the test and benchmark targets define it).
#pragma once

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "tests/support/temp_dir.h"

namespace hoering::testing {

// The path of tests/fixtures/<name> in the source tree.
inline std::string FixturePath(const std::string& name) {
  return std::string(HOERING_SOURCE_DIR) + "/tests/fixtures/" + name;
}

// The whole file, bytes as they are; nullopt when it cannot be opened.
inline std::optional<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Writes `text` to <dir>/<name> (replacing it) and returns the path.
inline std::string WriteFileIn(const TempDir& dir, const std::string& name,
                               const std::string& text) {
  const std::string path = dir.str() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace hoering::testing
