#include "domain/agreements/markdown_import.h"

#include <cmark.h>

#include <array>
#include <cctype>
#include <memory>
#include <unordered_map>

#include "domain/ids.h"

namespace hoering::agreements {
namespace {

Status LineError(std::size_t line, const std::string& why) {
  return Unprocessable("line " + std::to_string(line) + ": " + why, "invalid-markdown");
}

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

struct Heading {
  std::size_t start = 0;  // 1-based lines
  std::size_t end = 0;
  int level = 1;
};

std::string_view Trim(std::string_view s) {
  auto a = s.find_first_not_of(" \t");
  if (a == std::string_view::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

// Splits "text {#id kind=k}" into text and annotation items; sets has_annotation.
struct Annotation {
  bool present = false;
  std::string id;
  std::string kind;
};

Result<Annotation> ParseAnnotation(std::string_view& text, std::size_t line) {
  Annotation a;
  if (text.empty() || text.back() != '}') return a;
  auto open = text.rfind('{');
  if (open == std::string_view::npos ||
      (open > 0 && text[open - 1] != ' ' && text[open - 1] != '\t')) {
    return a;
  }
  std::string_view inner = Trim(text.substr(open + 1, text.size() - open - 2));
  if (!(inner.substr(0, 1) == "#" || inner.substr(0, 5) == "kind=")) return a;
  a.present = true;
  while (!inner.empty()) {
    auto sp = inner.find_first_of(" \t");
    std::string_view item = inner.substr(0, sp);
    inner = sp == std::string_view::npos ? std::string_view() : Trim(inner.substr(sp));
    if (item.substr(0, 1) == "#" && a.id.empty()) {
      a.id = std::string(item.substr(1));
      if (Status s = ValidateId(a.id, "section id"); !s.ok()) return LineError(line, s.detail());
    } else if (item.substr(0, 5) == "kind=" && a.kind.empty()) {
      a.kind = std::string(item.substr(5));
    } else {
      return LineError(line, "unknown or repeated heading attribute '" + std::string(item) +
                                 "' (use {#id kind=k})");
    }
  }
  text = Trim(text.substr(0, open));
  return a;
}

std::string_view StripClosingSequence(std::string_view text) {
  auto end = text.find_last_not_of('#');
  if (end == std::string_view::npos) return {};
  if (end + 1 == text.size()) return text;
  if (text[end] != ' ' && text[end] != '\t') return text;
  return Trim(text.substr(0, end + 1));
}

SectionKind InferKind(std::string_view heading, bool top_level) {
  static constexpr std::array<std::pair<std::string_view, SectionKind>, 6> kPrefixes = {{
      {"chapter", SectionKind::kChapter},
      {"vision", SectionKind::kVision},
      {"focus area", SectionKind::kFocusArea},
      {"objective", SectionKind::kObjective},
      {"indicator", SectionKind::kIndicator},
      {"principle", SectionKind::kPrinciple},
  }};
  for (const auto& [prefix, kind] : kPrefixes) {
    if (heading.size() < prefix.size()) continue;
    bool match = true;
    for (std::size_t i = 0; i < prefix.size() && match; ++i) {
      match = std::tolower(static_cast<unsigned char>(heading[i])) == prefix[i];
    }
    if (match && (heading.size() == prefix.size() ||
                  !std::isalpha(static_cast<unsigned char>(heading[prefix.size()])))) {
      return kind;
    }
  }
  return top_level ? SectionKind::kChapter : SectionKind::kText;
}

struct Flat {
  ImportedSection s;
  int parent = -1;
  int level = 0;
  std::vector<int> children;
};

ImportedSection Nest(std::vector<Flat>& flat, int i) {
  ImportedSection s = std::move(flat[i].s);
  for (int c : flat[i].children) s.children.push_back(Nest(flat, c));
  return s;
}

}  // namespace

Result<std::vector<ImportedSection>> ParseMarkdown(std::string_view markdown) {
  if (markdown.size() > kMaxMarkdownBytes) {
    return InvalidArgument(
        "the document is larger than " + std::to_string(kMaxMarkdownBytes) + " bytes",
        "invalid-markdown");
  }
  if (!IsValidUtf8(markdown)) {
    return InvalidArgument("the document is not valid UTF-8", "invalid-markdown");
  }
  std::string doc;
  doc.reserve(markdown.size());
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    if (markdown[i] != '\r') {
      doc += markdown[i];
    } else {
      doc += '\n';
      if (i + 1 < markdown.size() && markdown[i + 1] == '\n') ++i;
    }
  }
  std::vector<std::string_view> lines{""};  // lines[n] is line n (1-based)
  for (std::size_t pos = 0; pos <= doc.size();) {
    auto nl = doc.find('\n', pos);
    if (nl == std::string::npos) nl = doc.size();
    lines.push_back(std::string_view(doc).substr(pos, nl - pos));
    pos = nl + 1;
  }

  std::unique_ptr<cmark_node, NodeFree> root(
      cmark_parse_document(doc.data(), doc.size(), CMARK_OPT_DEFAULT));
  if (!root) return InvalidArgument("the document could not be parsed", "invalid-markdown");
  std::vector<Heading> headings;
  for (cmark_node* n = cmark_node_first_child(root.get()); n; n = cmark_node_next(n)) {
    auto start = static_cast<std::size_t>(cmark_node_get_start_line(n));
    if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
      headings.push_back({start, static_cast<std::size_t>(cmark_node_get_end_line(n)),
                          cmark_node_get_heading_level(n)});
    } else if (headings.empty()) {
      bool comment = cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK && start < lines.size() &&
                     Trim(lines[start]).substr(0, 4) == "<!--";
      if (!comment) return LineError(start, "text before the first heading belongs to no section");
    }
  }

  std::vector<Flat> flat;
  std::vector<int> roots;
  std::unordered_map<std::string, std::size_t> first_line;  // explicit id -> line
  for (std::size_t h = 0; h < headings.size(); ++h) {
    const Heading& hd = headings[h];
    std::string_view text;
    std::string joined;
    bool atx = Trim(lines[hd.start]).substr(0, 1) == "#";
    if (atx) {
      text = Trim(lines[hd.start]);
      text.remove_prefix(std::min(text.find_first_not_of('#'), text.size()));
      text = Trim(text);
    } else {
      for (std::size_t l = hd.start; l < hd.end; ++l) {
        if (!joined.empty()) joined += ' ';
        joined += Trim(lines[l]);
      }
      text = joined;
    }
    Annotation ann;
    if (atx) {
      auto a = ParseAnnotation(text, hd.start);
      if (!a.ok()) return a.status();
      ann = std::move(a).value();
      if (!ann.present) text = StripClosingSequence(text);
    }
    auto heading = NormalizeHeading(text);
    if (!heading.ok()) return LineError(hd.start, heading.status().detail());

    Flat f;
    f.level = hd.level;
    f.s.line = hd.start;
    f.s.heading = std::move(heading).value();
    f.s.id = ann.id;
    if (!f.s.id.empty()) {
      auto [it, fresh] = first_line.emplace(f.s.id, hd.start);
      if (!fresh) {
        return LineError(hd.start, "id '" + f.s.id + "' is used twice (first on line " +
                                       std::to_string(it->second) + ")");
      }
    }
    // Parent: the nearest preceding heading of a lower level.
    for (int p = static_cast<int>(flat.size()) - 1; p >= 0; p = flat[p].parent) {
      if (flat[p].level < hd.level) {
        f.parent = p;
        break;
      }
    }
    if (!ann.kind.empty()) {
      auto kind = ParseKind(ann.kind);
      if (!kind) {
        return LineError(hd.start,
                         "unknown kind '" + ann.kind + "' (one of: " + KnownKinds() + ")");
      }
      f.s.kind = *kind;
    } else {
      f.s.kind = InferKind(f.s.heading, f.parent < 0);
    }
    // Body: the lines up to the next top-level heading.
    std::size_t body_end = h + 1 < headings.size() ? headings[h + 1].start : lines.size();
    std::string body;
    for (std::size_t l = hd.end + 1; l < body_end; ++l) {
      body += lines[l];
      body += '\n';
    }
    auto normal = NormalizeBody(body);
    if (!normal.ok()) return LineError(hd.start, normal.status().detail());
    if (Status s = CheckBodyMarkdown(*normal); !s.ok()) return LineError(hd.start, s.detail());
    f.s.body = std::move(normal).value();

    int index = static_cast<int>(flat.size());
    if (f.parent < 0) {
      roots.push_back(index);
    } else {
      flat[f.parent].children.push_back(index);
    }
    flat.push_back(std::move(f));
  }
  std::vector<ImportedSection> out;
  for (int r : roots) out.push_back(Nest(flat, r));
  return out;
}

std::string RenderMarkdown(const SectionTree& t) {
  std::string out;
  t.Walk([&](const Section& s, std::size_t depth) {
    out.append(depth, '#');
    out += ' ';
    out += s.heading;
    out += " {#" + s.id + " kind=" + std::string(KindName(s.kind)) + "}\n\n";
    if (!s.body.empty()) {
      out += s.body;
      out += "\n\n";
    }
  });
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace hoering::agreements
