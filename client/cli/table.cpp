#include "client/cli/table.h"

#include <algorithm>

namespace hoering::client {
namespace {

void Pad(std::ostream& out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out.put(' ');
}

// Appends `cell` padded to a column of `width`.
void Cell(std::string& line, const std::string& cell, std::size_t width, Align align) {
  const std::size_t w = DisplayWidth(cell);
  const std::size_t gap = width > w ? width - w : 0;
  if (align == Align::kRight) line.append(gap, ' ');
  line += cell;
  if (align == Align::kLeft) line.append(gap, ' ');
}

}  // namespace

std::size_t DisplayWidth(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) c = ' ';
  }
  return out;
}

Table::Table(std::vector<std::string> headers)
    : headers_(std::move(headers)), align_(headers_.size(), Align::kLeft) {}

Table& Table::SetAlign(std::size_t column, Align align) {
  align_.at(column) = align;
  return *this;
}

void Table::AddRow(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  for (auto& c : cells) c = OneLine(c);
  rows_.push_back(std::move(cells));
}

void Table::Render(std::ostream& out) const {
  const std::size_t n = headers_.size();
  std::vector<std::size_t> width(n);
  for (std::size_t i = 0; i < n; ++i) {
    width[i] = DisplayWidth(headers_[i]);
    for (const auto& row : rows_) width[i] = std::max(width[i], DisplayWidth(row[i]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0) text += "  ";
      Cell(text, cells[i], width[i], align_[i]);
    }
    text.erase(text.find_last_not_of(' ') + 1);  // npos + 1 == 0: all blank
    out << text << '\n';
  };
  line(headers_);
  std::vector<std::string> rule(n);
  for (std::size_t i = 0; i < n; ++i) rule[i] = std::string(width[i], '-');
  line(rule);
  for (const auto& row : rows_) line(row);
}

void RenderFields(std::ostream& out,
                  const std::vector<std::pair<std::string, std::string>>& fields) {
  std::size_t width = 0;
  for (const auto& [key, value] : fields) width = std::max(width, DisplayWidth(key) + 1);
  for (const auto& [key, value] : fields) {
    out << key << ':';
    if (!value.empty()) {
      Pad(out, width - DisplayWidth(key) - 1 + 2);
      out << OneLine(value);
    }
    out << '\n';
  }
}

}  // namespace hoering::client
