#include "domain/agreements/section_rules.h"

#include <cmark.h>

#include <memory>

#include "domain/text/utf8.h"

namespace hoering::agreements {
namespace {

Status Reason(std::string why) {
  return Unprocessable(std::move(why), "invalid-op");
}

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// Transliteration of common Latin letters (UTF-8, two bytes) for slugs.
std::string_view Transliterate(unsigned char a, unsigned char b) {
  if (a == 0xC3) {
    switch (b) {
      case 0x86:
      case 0xA6:
        return "ae";  // Æ æ
      case 0x98:
      case 0xB8:
        return "oe";  // Ø ø
      case 0x85:
      case 0xA5:
        return "aa";  // Å å
      case 0x84:
      case 0xA4:
        return "ae";  // Ä ä
      case 0x96:
      case 0xB6:
        return "oe";  // Ö ö
      case 0x9C:
      case 0xBC:
        return "ue";  // Ü ü
      case 0x9F:
        return "ss";  // ß
      case 0x80:
      case 0x81:
      case 0x82:
      case 0x83:
      case 0xA0:
      case 0xA1:
      case 0xA2:
      case 0xA3:
        return "a";
      case 0x87:
      case 0xA7:
        return "c";
      case 0x88:
      case 0x89:
      case 0x8A:
      case 0x8B:
      case 0xA8:
      case 0xA9:
      case 0xAA:
      case 0xAB:
        return "e";
      case 0x8C:
      case 0x8D:
      case 0x8E:
      case 0x8F:
      case 0xAC:
      case 0xAD:
      case 0xAE:
      case 0xAF:
        return "i";
      case 0x91:
      case 0xB1:
        return "n";
      case 0x92:
      case 0x93:
      case 0x94:
      case 0x95:
      case 0xB2:
      case 0xB3:
      case 0xB4:
      case 0xB5:
        return "o";
      case 0x99:
      case 0x9A:
      case 0x9B:
      case 0xB9:
      case 0xBA:
      case 0xBB:
        return "u";
      case 0x9D:
      case 0xBD:
      case 0xBF:
        return "y";
    }
  }
  return {};
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (text::DecodeUtf8(s, i) == text::kInvalidCodePoint) return false;
  }
  return true;
}

Result<std::string> NormalizeHeading(std::string_view h) {
  auto first = h.find_first_not_of(" \t");
  if (first == std::string_view::npos) return Reason("heading is empty");
  h = h.substr(first, h.find_last_not_of(" \t") - first + 1);
  if (h.size() > kMaxHeadingBytes) {
    return Reason("heading is longer than " + std::to_string(kMaxHeadingBytes) + " bytes");
  }
  for (unsigned char c : h) {
    if (c == '\n' || c == '\r') return Reason("heading must be one line");
    if (c < 0x20 && c != '\t') return Reason("heading contains a control character");
    if (c == 0x7F) return Reason("heading contains a control character");
  }
  if (!IsValidUtf8(h)) return Reason("heading is not valid UTF-8");
  return std::string(h);
}

Result<std::string> NormalizeBody(std::string_view b) {
  std::string out;
  out.reserve(b.size());
  for (std::size_t i = 0; i < b.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(b[i]);
    if (c == '\r') {
      out += '\n';
      if (i + 1 < b.size() && b[i + 1] == '\n') ++i;
      continue;
    }
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
      return Reason("body contains a control character");
    }
    out += static_cast<char>(c);
  }
  // Leading blank lines.
  std::size_t start = 0;
  while (start < out.size()) {
    auto nl = out.find('\n', start);
    if (nl == std::string::npos || !IsBlank(std::string_view(out).substr(start, nl - start))) break;
    start = nl + 1;
  }
  auto last = out.find_last_not_of(" \t\n");
  if (last == std::string::npos || last < start) return std::string();
  out = out.substr(start, last + 1 - start);
  if (out.size() > kMaxBodyBytes) {
    return Reason("body is longer than " + std::to_string(kMaxBodyBytes) + " bytes");
  }
  if (!IsValidUtf8(out)) return Reason("body is not valid UTF-8");
  return out;
}

Status CheckBodyMarkdown(std::string_view body) {
  if (body.empty()) return Status::Ok();
  // Parse the body followed by a probe heading: the body is fine when the
  // probe is the only top-level heading and starts where it was written.
  std::string doc(body);
  doc += "\n\n# probe\n";
  int probe_line = 3;
  for (char c : body) probe_line += c == '\n';
  std::unique_ptr<cmark_node, NodeFree> root(
      cmark_parse_document(doc.data(), doc.size(), CMARK_OPT_DEFAULT));
  if (!root) return Reason("body could not be parsed as Markdown");
  bool probe_seen = false;
  for (cmark_node* n = cmark_node_first_child(root.get()); n; n = cmark_node_next(n)) {
    if (cmark_node_get_type(n) != CMARK_NODE_HEADING) continue;
    int line = cmark_node_get_start_line(n);
    if (line == probe_line && !cmark_node_next(n)) {
      probe_seen = true;
      continue;
    }
    if (line < probe_line) {
      return Reason("body contains a Markdown heading (line " + std::to_string(line) +
                    " of the body); headings are sections: add a section instead");
    }
  }
  if (!probe_seen) {
    return Reason("body leaves a Markdown block open (an unclosed code fence or HTML comment?)");
  }
  return Status::Ok();
}

std::string SlugFor(std::string_view heading) {
  std::string slug;
  bool dash = false;
  auto put = [&](std::string_view piece) {
    if (dash && !slug.empty()) slug += '-';
    dash = false;
    slug += piece;
  };
  std::size_t i = 0;
  for (; i < heading.size() && slug.size() < 40; ++i) {
    unsigned char c = static_cast<unsigned char>(heading[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      put(std::string_view(&heading[i], 1));
    } else if (c >= 'A' && c <= 'Z') {
      char lower = static_cast<char>(c - 'A' + 'a');
      put(std::string_view(&lower, 1));
    } else if (c >= 0xC0 && i + 1 < heading.size()) {
      auto t = Transliterate(c, static_cast<unsigned char>(heading[i + 1]));
      if (!t.empty()) {
        put(t);
        ++i;
      } else {
        dash = true;
      }
    } else {
      dash = true;
    }
  }
  if (i < heading.size()) {  // cut short: end at a word boundary when one is near
    slug.resize(std::min<std::size_t>(slug.size(), 40));
    auto cut = slug.rfind('-');
    if (cut != std::string::npos && cut >= 20) slug.resize(cut);
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "s" : slug;
}

std::string GenerateSectionId(std::string_view heading, const SectionTree& tree, const IdSet& used,
                              const IdSet* extra) {
  std::string slug = SlugFor(heading);
  auto taken = [&](const std::string& id) {
    return tree.Contains(id) || used.count(id) > 0 || (extra && extra->count(id) > 0);
  };
  if (!taken(slug)) return slug;
  for (std::size_t n = 2;; ++n) {
    std::string id = slug + "-" + std::to_string(n);
    if (!taken(id)) return id;
  }
}

}  // namespace hoering::agreements
