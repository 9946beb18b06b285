#include "client/cli/response_markdown.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace hoering::client {
namespace {

using nlohmann::json;

constexpr const char* kType = "invalid-response-markdown";

Status Error(std::size_t line, const std::string& message) {
  return InvalidArgument("line " + std::to_string(line) + ": " + message, kType);
}

std::string_view Trim(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  const std::size_t end = s.find_last_not_of(" \t");
  return s.substr(begin, end - begin + 1);
}

bool IsBlank(std::string_view s) {
  return Trim(s).empty();
}

// The lines without their line ends (LF or CRLF) and without a leading BOM.
std::vector<std::string_view> SplitLines(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

bool IsFence(std::string_view line) {
  std::string_view t = Trim(line);
  return t.substr(0, 3) == "```" || t.substr(0, 3) == "~~~";
}

bool IsPointHeading(std::string_view line) {
  return line == "##" || line.substr(0, 3) == "## ";
}

// Lines [begin, end) joined with "\n", without leading and trailing blank lines.
std::string JoinBlock(const std::vector<std::string_view>& lines, std::size_t begin,
                      std::size_t end) {
  while (begin < end && IsBlank(lines[begin])) ++begin;
  while (end > begin && IsBlank(lines[end - 1])) --end;
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    if (i > begin) out += '\n';
    out += lines[i];
  }
  return out;
}

struct FrontMatter {
  std::optional<std::string> party, author, email, publication;
  std::size_t end = 0;  // index of the line after the closing "---"
};

// Parses the front matter starting at the first non-blank line.
Result<FrontMatter> ParseFrontMatter(const std::vector<std::string_view>& lines) {
  std::size_t i = 0;
  while (i < lines.size() && IsBlank(lines[i])) ++i;
  if (i == lines.size() || Trim(lines[i]) != "---") {
    return Error(i < lines.size() ? i + 1 : 1,
                 "a response file starts with front matter: a line '---', then 'key: value' "
                 "lines (party, author, email, publication), then '---'");
  }
  const std::size_t open = i;
  FrontMatter fm;
  for (++i; i < lines.size(); ++i) {
    std::string_view line = Trim(lines[i]);
    if (line == "---") break;
    if (line.empty()) continue;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      return Error(i + 1,
                   "expected 'key: value' in the front matter, not '" + std::string(line) + "'");
    }
    const std::string key(Trim(line.substr(0, colon)));
    std::string value(Trim(line.substr(colon + 1)));
    if (value.size() >= 2 && ((value.front() == '"' && value.back() == '"') ||
                              (value.front() == '\'' && value.back() == '\''))) {
      value = value.substr(1, value.size() - 2);
    }
    std::optional<std::string>* slot = nullptr;
    if (key == "party") slot = &fm.party;
    if (key == "author") slot = &fm.author;
    if (key == "email") slot = &fm.email;
    if (key == "publication") slot = &fm.publication;
    if (slot == nullptr) {
      return Error(i + 1, "unknown front matter key '" + key +
                              "' (known: party, author, email, publication)");
    }
    if (slot->has_value()) return Error(i + 1, "'" + key + "' is given twice");
    if (value.empty()) {
      if (key == "email") continue;  // an empty email is no email
      return Error(i + 1, "'" + key + "' has no value");
    }
    if (key == "publication") {
      if (value != "public" && value != "anonymous" && value != "private") {
        return Error(i + 1,
                     "publication must be public, anonymous or private, not '" + value + "'");
      }
    }
    *slot = std::move(value);
  }
  if (i == lines.size()) {
    return Error(open + 1, "the front matter is not closed: no second '---' line");
  }
  if (!fm.publication) {
    return Error(i + 1,
                 "the front matter has no 'publication' (public, anonymous or private); it is "
                 "required so that consent is explicit");
  }
  if (!fm.author) return Error(i + 1, "the front matter has no 'author' (the author's name)");
  fm.end = i + 1;
  return fm;
}

// One point: lines [begin, end) after its heading at index `heading`.
Result<json> ParsePoint(const std::vector<std::string_view>& lines, std::size_t heading,
                        std::size_t end, std::size_t number) {
  const std::string which =
      "point " + std::to_string(number) + " (heading on line " + std::to_string(heading + 1) + ")";
  json point = json::object();
  std::string quote;
  std::size_t i = heading + 1;
  for (; i < end; ++i) {
    std::string_view line = Trim(lines[i]);
    if (line.empty()) continue;
    if (line.substr(0, 8) == "Section:" || line.substr(0, 8) == "section:") {
      if (point.contains("section")) return Error(i + 1, which + " has a second Section: line");
      std::string_view id = Trim(line.substr(8));
      if (id.empty()) return Error(i + 1, "'Section:' needs a section id, e.g. 'Section: kap-3'");
      point["section"] = std::string(id);
      continue;
    }
    if (line.front() == '>') {
      std::string_view part = Trim(line.substr(1));
      if (!part.empty()) quote += (quote.empty() ? "" : " ") + std::string(part);
      continue;
    }
    break;  // the text starts here
  }
  if (!quote.empty()) point["quote"] = quote;
  std::string text = JoinBlock(lines, i, end);
  if (text.empty()) {
    return Error(heading + 1, which + " has no text: write it below the heading" +
                                  std::string(point.contains("section") || !quote.empty()
                                                  ? ", after the Section: and > lines"
                                                  : ""));
  }
  point["text"] = std::move(text);
  return point;
}

}  // namespace

Result<json> ParseResponseMarkdown(std::string_view text) {
  const std::vector<std::string_view> lines = SplitLines(text);
  auto fm = ParseFrontMatter(lines);
  if (!fm.ok()) return fm.status();

  // Point headings outside fences.
  std::vector<std::size_t> headings;
  bool fenced = false;
  for (std::size_t i = fm->end; i < lines.size(); ++i) {
    if (IsFence(lines[i])) fenced = !fenced;
    if (!fenced && IsPointHeading(lines[i])) headings.push_back(i);
  }
  if (headings.empty()) {
    return InvalidArgument(
        "line " + std::to_string(lines.size()) +
            ": the response has no points; each point starts with a '## ' heading line",
        kType);
  }

  json body = json::object();
  if (fm->party) body["party"] = *fm->party;
  json author = {{"name", *fm->author}};
  if (fm->email) author["email"] = *fm->email;
  body["author"] = std::move(author);
  std::string summary = JoinBlock(lines, fm->end, headings.front());
  if (!summary.empty()) body["summary"] = std::move(summary);
  json points = json::array();
  for (std::size_t k = 0; k < headings.size(); ++k) {
    const std::size_t end = k + 1 < headings.size() ? headings[k + 1] : lines.size();
    auto point = ParsePoint(lines, headings[k], end, k + 1);
    if (!point.ok()) return point.status();
    points.push_back(std::move(point).value());
  }
  body["points"] = std::move(points);
  body["publication"] = *fm->publication;
  return body;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

Result<json> ResponseBodyFromFile(std::string_view name, std::string_view text,
                                  std::string_view party) {
  const std::string file(name);
  bool is_json = EndsWith(name, ".json");
  if (!is_json && !EndsWith(name, ".md") && !EndsWith(name, ".markdown")) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    is_json = first != std::string_view::npos && text[first] == '{';
  }
  json body;
  if (is_json) {
    body = json::parse(text, nullptr, false);
    if (!body.is_object()) {
      return InvalidArgument(file + " must hold a JSON object {party, author, points, publication}",
                             kType);
    }
  } else {
    auto parsed = ParseResponseMarkdown(text);
    if (!parsed.ok()) return InvalidArgument(file + ": " + parsed.status().detail(), kType);
    body = std::move(parsed).value();
  }
  const auto given = body.find("party");
  const bool has_party = given != body.end() && given->is_string() && !given->empty();
  if (!party.empty()) {
    if (has_party && *given != party) {
      return InvalidArgument("--party " + std::string(party) + " contradicts party '" +
                                 given->get<std::string>() + "' in " + file,
                             kType);
    }
    body["party"] = std::string(party);
  } else if (!has_party) {
    return InvalidArgument("no party: give --party or 'party:' in " + file, kType);
  }
  return body;
}

}  // namespace hoering::client
