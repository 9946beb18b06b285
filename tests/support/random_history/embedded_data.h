// The random history's data files (tests/support/random_history/data/),
// compiled into the library: tests/support/CMakeLists.txt reads each file with
// file(READ) and writes it into a generated source as a raw string literal
// (embedded_data.cpp.in), so the generator needs no source tree at run time
// and a changed data file rebuilds it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hoering::testdata::history {

// The text of data/<name>; aborts when there is no such file (a build bug).
std::string_view EmbeddedDataFile(std::string_view name);

// The non-empty lines of data/<name>, in file order.
std::vector<std::string> DataLines(std::string_view name);

}  // namespace hoering::testdata::history
