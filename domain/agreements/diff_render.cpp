#include "domain/agreements/diff_render.h"

namespace hoering::agreements {
namespace {

using nlohmann::json;

template <typename T, typename F>
json Side(const std::optional<T>& v, F f) {
  return v ? json(f(*v)) : json(nullptr);
}

json FromTo(json from, json to) {
  return json{{"from", std::move(from)}, {"to", std::move(to)}};
}

std::string Summary(const DiffCounts& c) {
  return std::to_string(c.added) + " added, " + std::to_string(c.removed) + " removed, " +
         std::to_string(c.modified) + " modified, " + std::to_string(c.moved) + " moved, " +
         std::to_string(c.unchanged) + " unchanged";
}

std::string PlaceText(const std::optional<Placement>& p) {
  if (!p) return "-";
  return (p->parent.empty() ? std::string("(top)") : p->parent) + "#" + std::to_string(p->index);
}

// ---- text ----

constexpr const char* kRed = "\x1b[31m";
constexpr const char* kGreen = "\x1b[32m";
constexpr const char* kYellow = "\x1b[33m";
constexpr const char* kCyan = "\x1b[36m";
constexpr const char* kReset = "\x1b[0m";

constexpr std::string_view kNewlineMark = "\xE2\x8F\x8E";  // ⏎

struct Piece {
  RunOp op;
  std::string_view text;
  bool newline = false;  // ends with a changed newline (shown as ⏎)
};
using Line = std::vector<Piece>;

std::vector<Line> SplitLines(const WordDiff& d) {
  std::vector<Line> lines(1);
  for (const auto& r : d) {
    std::string_view t = r.text;
    while (true) {
      auto nl = t.find('\n');
      if (!t.substr(0, nl).empty()) lines.back().push_back({r.op, t.substr(0, nl)});
      if (nl == std::string_view::npos) break;
      // A newline that exists only on one side still marks the line as changed.
      if (r.op != RunOp::kEqual) {
        if (!lines.back().empty() && lines.back().back().op == r.op) {
          lines.back().back().newline = true;
        } else {
          lines.back().push_back({r.op, {}, true});
        }
      }
      lines.emplace_back();
      t.remove_prefix(nl + 1);
    }
  }
  return lines;
}

std::string Paint(const Line& line, bool color) {
  std::string out;
  for (const auto& p : line) {
    if (p.op == RunOp::kEqual) {
      out += p.text;
    } else if (color) {
      out += p.op == RunOp::kDelete ? kRed : kGreen;
      out += p.text;
      if (p.newline) out += kNewlineMark;
      out += kReset;
    } else {
      out += p.op == RunOp::kDelete ? "[-" : "{+";
      out += p.text;
      if (p.newline) out += kNewlineMark;
      out += p.op == RunOp::kDelete ? "-]" : "+}";
    }
  }
  return out;
}

bool Changed(const Line& line) {
  for (const auto& p : line) {
    if (p.op != RunOp::kEqual) return true;
  }
  return false;
}

void RenderBody(std::string& out, const SectionChange& c, const TextRenderOptions& o) {
  if (c.status == DiffStatus::kAdded || c.status == DiffStatus::kRemoved) {
    std::string text = c.status == DiffStatus::kAdded ? ToSide(c.body_diff) : FromSide(c.body_diff);
    if (text.empty()) return;
    const char* mark = c.status == DiffStatus::kAdded ? "+ " : "- ";
    const char* col = c.status == DiffStatus::kAdded ? kGreen : kRed;
    out += "    body:\n";
    std::size_t pos = 0;
    while (pos <= text.size()) {
      auto nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      out += "      ";
      if (o.color) out += col;
      out += mark;
      out.append(text, pos, nl - pos);
      if (o.color) out += kReset;
      out += '\n';
      pos = nl + 1;
    }
    return;
  }
  if (!c.body_changed) return;
  out += "    body:\n";
  auto lines = SplitLines(c.body_diff);
  bool skipped = false;
  for (const auto& line : lines) {
    if (!Changed(line)) {
      skipped = true;
      continue;
    }
    if (skipped) out += "      \xE2\x80\xA6\n";  // …
    skipped = false;
    out += "      " + Paint(line, o.color) + "\n";
  }
  if (skipped) out += "      \xE2\x80\xA6\n";
}

// ---- html ----

constexpr const char* kStyle =
    ".hoering-diff .diff-body{white-space:pre-wrap}"
    ".hoering-diff ins{background:#d4f7d4;text-decoration:none}"
    ".hoering-diff del{background:#f9d0d0}"
    ".hoering-diff .diff-status,.hoering-diff .diff-kind{font-size:.7em;font-weight:normal;"
    "margin-right:.5em;color:#555}"
    ".hoering-diff .diff-place{font-size:.85em;color:#555}";

}  // namespace

json SectionChangeToJson(const SectionChange& c, bool with_body) {
  auto kind = [](SectionKind k) { return std::string(KindName(k)); };
  auto same = [](const std::string& s) { return s; };
  json changes = json::array();
  for (auto ch : c.changes()) changes.push_back(std::string(ch));
  json parent_from = c.from && !c.from->parent.empty() ? json(c.from->parent) : json(nullptr);
  json parent_to = c.to && !c.to->parent.empty() ? json(c.to->parent) : json(nullptr);
  json j = {{"id", c.id},
            {"status", std::string(StatusName(c.status))},
            {"modified", c.modified()},
            {"changes", std::move(changes)},
            {"kind", FromTo(Side(c.kind_from, kind), Side(c.kind_to, kind))},
            {"heading", FromTo(Side(c.heading_from, same), Side(c.heading_to, same))},
            {"parent", FromTo(std::move(parent_from), std::move(parent_to))},
            {"position", FromTo(c.from ? json(c.from->index) : json(nullptr),
                                c.to ? json(c.to->index) : json(nullptr))},
            {"depth", c.depth},
            {"heading_diff", WordDiffToJson(c.heading_diff)}};
  if (with_body) j["body_diff"] = WordDiffToJson(c.body_diff);
  return j;
}

json DiffToJson(const TextDiff& d, const json& from_ref, const json& to_ref,
                const DiffJsonOptions& options) {
  json sections = json::array();
  for (const auto& c : d.sections) {
    bool unchanged = c.status == DiffStatus::kUnchanged;
    if (unchanged && !options.include_unchanged) continue;
    sections.push_back(SectionChangeToJson(c, !unchanged || options.unchanged_bodies));
  }
  return json{{"from", from_ref},
              {"to", to_ref},
              {"summary", DiffCountsToJson(d.counts)},
              {"sections", std::move(sections)}};
}

json DiffCountsToJson(const DiffCounts& n) {
  return json{{"added", n.added},
              {"removed", n.removed},
              {"modified", n.modified},
              {"moved", n.moved},
              {"unchanged", n.unchanged}};
}

std::string RenderDiffText(const TextDiff& d, const TextRenderOptions& o) {
  std::string out;
  if (!o.title.empty()) out += o.title + "\n";
  out += Summary(d.counts) + "\n";
  for (const auto& c : d.sections) {
    if (c.status == DiffStatus::kUnchanged && !o.show_unchanged) continue;
    const char* sign = "  ";
    const char* col = "";
    switch (c.status) {
      case DiffStatus::kAdded:
        sign = "+ ";
        col = kGreen;
        break;
      case DiffStatus::kRemoved:
        sign = "- ";
        col = kRed;
        break;
      case DiffStatus::kModified:
        sign = "~ ";
        col = kYellow;
        break;
      case DiffStatus::kMoved:
        sign = "> ";
        col = kCyan;
        break;
      case DiffStatus::kUnchanged:
        break;
    }
    SectionKind kind = c.kind_to.value_or(c.kind_from.value_or(SectionKind::kText));
    std::string heading = c.heading_to.value_or(c.heading_from.value_or(""));
    std::string status(StatusName(c.status));
    status.resize(std::max<std::size_t>(status.size(), 9), ' ');
    out += "\n";
    if (o.color && *col) out += col;
    out += sign + status + " " + std::string(KindName(kind)) + " " + c.id + ": " + heading;
    if (c.moved && c.modified()) out += "  (also modified)";
    if (o.color && *col) out += kReset;
    out += "\n";
    if (c.status == DiffStatus::kUnchanged) continue;
    if (c.kind_changed) {
      out += "    kind:    " + std::string(KindName(*c.kind_from)) + " -> " +
             std::string(KindName(*c.kind_to)) + "\n";
    }
    if (c.heading_changed) {
      auto lines = SplitLines(c.heading_diff);
      out += "    heading: " + Paint(lines.front(), o.color) + "\n";
    }
    if (c.moved) out += "    place:   " + PlaceText(c.from) + " -> " + PlaceText(c.to) + "\n";
    if (c.status == DiffStatus::kAdded) out += "    place:   " + PlaceText(c.to) + "\n";
    RenderBody(out, c, o);
  }
  return out;
}

std::string RenderDiffHtml(const TextDiff& d, const HtmlRenderOptions& o) {
  std::string out;
  if (o.standalone) {
    out += "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + EscapeHtml(o.title) +
           "</title><style>" + kStyle + "</style></head><body>\n";
  }
  out += "<div class=\"hoering-diff\">\n";
  if (!o.title.empty()) out += "<h1>" + EscapeHtml(o.title) + "</h1>\n";
  out += "<p class=\"diff-summary\">" + EscapeHtml(Summary(d.counts)) + "</p>\n";
  for (const auto& c : d.sections) {
    if (c.status == DiffStatus::kUnchanged && !o.show_unchanged) continue;
    std::string status(StatusName(c.status));
    std::string level = std::to_string(std::min<std::size_t>(c.depth + 1, 6));
    SectionKind kind = c.kind_to.value_or(c.kind_from.value_or(SectionKind::kText));
    out += "<section class=\"diff-section diff-" + status + "\" id=\"diff-" + EscapeHtml(c.id) +
           "\" data-id=\"" + EscapeHtml(c.id) + "\" data-status=\"" + status + "\">\n";
    out += "<h" + level + " class=\"diff-heading\"><span class=\"diff-status\">" + status +
           (c.moved && c.modified() ? ", modified" : "") + "</span><span class=\"diff-kind\">" +
           std::string(KindName(kind)) + "</span>";
    AppendHtmlRuns(out, c.heading_diff);
    out += "</h" + level + ">\n";
    if (c.kind_changed) {
      out += "<p class=\"diff-place\">kind: <del>" + std::string(KindName(*c.kind_from)) +
             "</del> <ins>" + std::string(KindName(*c.kind_to)) + "</ins></p>\n";
    }
    if (c.moved) {
      out += "<p class=\"diff-place\">moved from " + EscapeHtml(PlaceText(c.from)) + " to " +
             EscapeHtml(PlaceText(c.to)) + "</p>\n";
    }
    if (!c.body_diff.empty()) {
      out += "<div class=\"diff-body\">";
      AppendHtmlRuns(out, c.body_diff);
      out += "</div>\n";
    }
    out += "</section>\n";
  }
  out += "</div>\n";
  if (o.standalone) out += "</body></html>\n";
  return out;
}

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void AppendHtmlRuns(std::string& out, const WordDiff& d) {
  for (const auto& r : d) {
    if (r.op == RunOp::kEqual) {
      out += EscapeHtml(r.text);
    } else {
      const char* tag = r.op == RunOp::kInsert ? "ins" : "del";
      out += std::string("<") + tag + ">" + EscapeHtml(r.text) + "</" + tag + ">";
    }
  }
}

}  // namespace hoering::agreements
