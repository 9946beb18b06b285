// Aligned plain-text tables and key/value blocks for the CLI's human output.
// Widths count UTF-8 code points, so "Samsø Kommune" lines up; tabs, newlines
// and other control characters inside cells are shown as spaces so that
// every row stays on one line. No trailing spaces are printed.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hoering::client {

enum class Align { kLeft, kRight };

class Table {
 public:
  explicit Table(std::vector<std::string> headers);

  // Right-aligns (or left-aligns) a column, e.g. positions. Default: left.
  // REQUIRES: column < number of headers.
  Table& SetAlign(std::size_t column, Align align);
  // Adds a row; missing trailing cells are empty, extra cells are dropped.
  void AddRow(std::vector<std::string> cells);
  std::size_t rows() const { return rows_.size(); }

  // Header line, a rule of dashes, then one line per row; columns are
  // separated by two spaces.
  void Render(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  std::vector<Align> align_;
  std::vector<std::vector<std::string>> rows_;
};

// "key:  value" lines with the values aligned after the longest key.
void RenderFields(std::ostream& out,
                  const std::vector<std::pair<std::string, std::string>>& fields);

// Number of UTF-8 code points (continuation bytes are not counted).
std::size_t DisplayWidth(std::string_view s);
// Replaces control characters (bytes < 0x20 and 0x7f) by spaces.
std::string OneLine(std::string_view s);

}  // namespace hoering::client
