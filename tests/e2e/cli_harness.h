// Runs the `hoering` CLI in-process against a real TestServer and picks its
// output apart (lines, "key: value" fields, table cells). For the e2e tests
// only; the runner itself is tests/support/cli_run.h.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "tests/support/cli_run.h"
#include "tests/support/files.h"
#include "tests/support/test_server.h"

namespace hoering::testing {

inline constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

// The CLI's exit codes (client/cli/cli.h) and JSON, for every CLI e2e test.
using client::kExitBroken;
using client::kExitFailed;
using client::kExitOk;
using client::kExitRejected;
using client::kExitUsage;
using nlohmann::json;

// The real 2024-2027 agreement (Markdown), the text the CLI e2e tests import.
inline const std::string kAgreementFixture = FixturePath("agreement-2024-2027.md");

// hoering --url <server> --token <token> <args...> (tests/support/cli_run.h).
inline CliRun Cli(const TestServer& server, std::vector<std::string> args,
                  const std::string& token = kAdminToken) {
  return RunCliAt(server.url(), token, std::move(args));
}

// hoering --json <args...> (as Cli): the output as JSON. Fails the test, and
// answers null or what was printed, when the CLI does not exit 0 or prints no
// JSON.
inline json CliJson(const TestServer& server, std::vector<std::string> args,
                    const std::string& token = kAdminToken) {
  args.insert(args.begin(), "--json");
  const CliRun r = Cli(server, std::move(args), token);
  EXPECT_EQ(r.code, kExitOk) << r.err;
  json answer = r.json();
  EXPECT_FALSE(answer.is_discarded()) << r.out;
  return answer;
}

// Registers party `id` ("Party <id>") through the CLI; fails the test when
// the CLI does not exit 0.
inline void AddParty(const TestServer& server, const std::string& id,
                     const std::string& kind = "municipality") {
  CliRun r = Cli(server, {"parties", "add", "--id", id, "--name", "Party " + id, "--kind", kind});
  ASSERT_EQ(r.code, kExitOk) << r.err;
}

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The value of "key:  value" in RenderFields output.
inline std::optional<std::string> FieldValue(const std::string& text, const std::string& key) {
  for (const auto& line : Lines(text)) {
    if (line.rfind(key + ":", 0) != 0) continue;
    std::string value = line.substr(key.size() + 1);
    value.erase(0, value.find_first_not_of(' '));
    return value;
  }
  return std::nullopt;
}

// The value of "key: value" in the run's output; "" when there is none.
inline std::string Field(const CliRun& r, const std::string& key) {
  return FieldValue(r.out, key).value_or("");
}

// Splits a table row on runs of two or more spaces (cells never contain
// them in these tests).
inline std::vector<std::string> Cells(const std::string& row) {
  std::vector<std::string> cells;
  std::size_t i = 0;
  while (i < row.size()) {
    while (i < row.size() && row[i] == ' ') ++i;
    if (i >= row.size()) break;
    std::size_t end = row.find("  ", i);
    if (end == std::string::npos) end = row.size();
    cells.push_back(row.substr(i, end - i));
    i = end;
  }
  return cells;
}

// An ostream buffer that another thread may read while the CLI writes to it.
class SyncBuffer : public std::streambuf {
 public:
  std::string str() const {
    std::lock_guard lock(mu_);
    return text_;
  }
  std::size_t lines() const {
    std::lock_guard lock(mu_);
    return static_cast<std::size_t>(std::count(text_.begin(), text_.end(), '\n'));
  }

 protected:
  int_type overflow(int_type ch) override {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    std::lock_guard lock(mu_);
    text_.push_back(traits_type::to_char_type(ch));
    return ch;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::lock_guard lock(mu_);
    text_.append(s, static_cast<std::size_t>(n));
    return n;
  }

 private:
  mutable std::mutex mu_;
  std::string text_;
};

}  // namespace hoering::testing
