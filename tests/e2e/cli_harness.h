// Runs the `hoering` CLI in-process (RunCli) against a real TestServer and
// picks its output apart. For the e2e tests only.
#pragma once

#include <algorithm>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "client/cli/cli.h"
#include "tests/support/test_server.h"

namespace hoering::testing {

struct CliRun {
  int code = -1;
  std::string out, err;

  // The output parsed as one JSON document (--json); null when it is not.
  nlohmann::json json() const { return nlohmann::json::parse(out, nullptr, false); }
};

// hoering --url <url> [--token <token>] <args...>; no --token when `token`
// is empty.
inline CliRun RunCliAt(const std::string& url, const std::string& token,
                       std::vector<std::string> args) {
  std::vector<std::string> all = {"--url", url};
  if (!token.empty()) {
    all.push_back("--token");
    all.push_back(token);
  }
  all.insert(all.end(), args.begin(), args.end());
  std::ostringstream out, err;
  CliRun r;
  r.code = client::RunCli(all, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

inline CliRun Cli(const TestServer& server, std::vector<std::string> args,
                  const std::string& token = kAdminToken) {
  return RunCliAt(server.url(), token, std::move(args));
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
