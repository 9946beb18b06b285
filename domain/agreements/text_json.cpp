#include "domain/agreements/text_json.h"

#include "domain/ids.h"
#include "domain/sha256.h"
#include "domain/text/json_string.h"

namespace hoering::agreements {
namespace {

using nlohmann::json;
using text::AppendJsonString;

void AppendCanonical(std::string& out, const SectionTree& t, const std::vector<std::string>& ids) {
  out += '[';
  bool first = true;
  for (const auto& id : ids) {
    const Section* s = t.Find(id);
    if (!s) continue;
    if (!first) out += ',';
    first = false;
    out += "{\"body\":";
    AppendJsonString(out, s->body);
    out += ",\"children\":";
    AppendCanonical(out, t, s->children);
    out += ",\"heading\":";
    AppendJsonString(out, s->heading);
    out += ",\"id\":";
    AppendJsonString(out, s->id);
    out += ",\"kind\":";
    AppendJsonString(out, KindName(s->kind));
    out += '}';
  }
  out += ']';
}

json ChildrenToJson(const SectionTree& t, const std::vector<std::string>& ids) {
  json arr = json::array();
  for (const auto& id : ids) {
    if (const Section* s = t.Find(id)) arr.push_back(SectionToJson(t, *s));
  }
  return arr;
}

Status AddFromJson(SectionTree& t, const json& arr, const std::string& parent, std::size_t depth) {
  if (!arr.is_array()) return InvalidArgument("'children' must be an array", "invalid-sections");
  for (const auto& j : arr) {
    if (!j.is_object()) return InvalidArgument("a section must be an object", "invalid-sections");
    auto str = [&](const char* key) -> std::string {
      auto it = j.find(key);
      return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    Section s;
    s.id = str("id");
    if (Status st = ValidateId(s.id, "section id"); !st.ok()) return st;
    auto kind = ParseKind(str("kind"));
    if (!kind)
      return InvalidArgument("section '" + s.id + "' has an unknown kind", "invalid-sections");
    s.kind = *kind;
    s.heading = str("heading");
    if (s.heading.empty()) {
      return InvalidArgument("section '" + s.id + "' has no heading", "invalid-sections");
    }
    s.body = str("body");
    if (depth > kMaxDepth) {
      return InvalidArgument("sections nest deeper than " + std::to_string(kMaxDepth) + " levels",
                             "invalid-sections");
    }
    std::string id = s.id;
    if (!t.Insert(std::move(s), Place{parent, std::nullopt})) {
      return InvalidArgument("section id '" + id + "' appears twice", "invalid-sections");
    }
    auto children = j.find("children");
    if (children != j.end()) {
      if (Status st = AddFromJson(t, *children, id, depth + 1); !st.ok()) return st;
    }
  }
  return Status::Ok();
}

}  // namespace

json SectionToJson(const SectionTree& t, const Section& s) {
  return json{{"id", s.id},
              {"kind", std::string(KindName(s.kind))},
              {"heading", s.heading},
              {"body", s.body},
              {"children", ChildrenToJson(t, s.children)}};
}

json SectionsToJson(const SectionTree& t) {
  return ChildrenToJson(t, t.Children(""));
}

Result<SectionTree> SectionsFromJson(const json& sections) {
  SectionTree t;
  if (Status s = AddFromJson(t, sections, "", 1); !s.ok()) return s;
  return t;
}

std::string CanonicalText(const SectionTree& t) {
  std::string out;
  out.reserve(64 * t.size() + 2);
  AppendCanonical(out, t, t.Children(""));
  return out;
}

std::string TextHash(const SectionTree& t) {
  return ToHex(Sha256(CanonicalText(t)));
}

}  // namespace hoering::agreements
