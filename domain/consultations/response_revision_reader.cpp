#include "domain/consultations/response_revision_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <limits>
#include <vector>

#include "domain/time.h"

namespace hoering::consultations {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

// Thrown inside the reader only: the data leaves the fast path.
struct NotFast {};

std::string Text(element e) {
  std::string_view s;
  if (e.get_string().get(s)) throw NotFast{};
  return std::string(s);
}

// Absent (the caller's default) or null: nullopt; a string: it; else not fast.
void OptionalText(element e, std::optional<std::string>& out) {
  if (e.is_null()) {
    out.reset();
    return;
  }
  out = Text(e);
}

std::uint64_t Unsigned(element e, std::uint64_t max) {
  std::uint64_t v = 0;
  if (!e.is_uint64() && !e.is_int64()) throw NotFast{};  // floats convert in nlohmann
  if (e.get_uint64().get(v) || v > max) throw NotFast{};
  return v;
}

TimeMs Time(element e) {
  std::string_view s;
  if (e.get_string().get(s)) throw NotFast{};
  auto t = ParseRfc3339(std::string(s));
  if (!t) throw NotFast{};
  return *t;
}

// Calls `field(key, value)` for each member of `e` (an object), each key at
// most once: nlohmann keeps the last of a repeated key, so a repeat leaves
// the fast path.
template <typename Field>
void Members(element e, Field&& field) {
  object o;
  if (e.get_object().get(o)) throw NotFast{};
  std::vector<std::string_view> seen;
  for (auto [key, value] : o) {
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) throw NotFast{};
    seen.push_back(key);
    field(key, value);
  }
}

// Required members: a bit per member, all set at the end.
struct Required {
  unsigned seen = 0;
  void Set(unsigned bit) { seen |= 1u << bit; }
  void Check(unsigned count) const {
    if (seen != (1u << count) - 1) throw NotFast{};
  }
};

Author ReadAuthor(element e) {
  Author a;
  Required required;
  Members(e, [&](std::string_view key, element v) {
    if (key == "name") {
      a.name = Text(v);
      required.Set(0);
    } else if (key == "email") {
      OptionalText(v, a.email);
    }
  });
  required.Check(1);
  return a;
}

Point ReadPoint(element e) {
  Point p;
  Required required;
  Members(e, [&](std::string_view key, element v) {
    if (key == "text") {
      p.text = Text(v);
      required.Set(0);
    } else if (key == "section") {
      OptionalText(v, p.section);
    } else if (key == "quote") {
      OptionalText(v, p.quote);
    }
  });
  required.Check(1);
  return p;
}

AttachmentRef ReadAttachment(element e) {
  AttachmentRef a;
  Required required;
  Members(e, [&](std::string_view key, element v) {
    if (key == "filename") {
      a.filename = Text(v);
      required.Set(0);
    } else if (key == "media_type") {
      a.media_type = Text(v);
      required.Set(1);
    } else if (key == "size") {
      a.size = Unsigned(v, std::numeric_limits<std::uint64_t>::max());
      required.Set(2);
    } else if (key == "sha256") {
      a.sha256 = Text(v);
      required.Set(3);
    }
  });
  required.Check(4);
  return a;
}

template <typename T>
std::vector<T> Array(element e, T (*read)(element)) {
  simdjson::dom::array items;
  if (e.get_array().get(items)) throw NotFast{};
  std::vector<T> out;
  out.reserve(items.size());
  for (element item : items) out.push_back(read(item));
  return out;
}

ResponseRevisionEvent Read(element root) {
  ResponseRevisionEvent r;
  ResponseContent& c = r.content;
  Required required;
  Members(root, [&](std::string_view key, element v) {
    if (key == "response") {
      r.response = Text(v);
      required.Set(0);
    } else if (key == "consultation") {
      r.consultation = Text(v);
      required.Set(1);
    } else if (key == "agreement") {
      r.agreement = Text(v);
      required.Set(2);
    } else if (key == "revision") {
      r.revision =
          static_cast<std::uint32_t>(Unsigned(v, std::numeric_limits<std::uint32_t>::max()));
      required.Set(3);
    } else if (key == "submitted_at") {
      r.submitted_at = Time(v);
      required.Set(4);
    } else if (key == "party") {
      c.party = Text(v);
      required.Set(5);
    } else if (key == "author") {
      c.author = ReadAuthor(v);
      required.Set(6);
    } else if (key == "points") {
      c.points = Array(v, ReadPoint);
      required.Set(7);
    } else if (key == "publication") {
      auto publication = ParsePublication(Text(v));
      if (!publication) throw NotFast{};
      c.publication = *publication;
      required.Set(8);
    } else if (key == "attachments") {
      c.attachments = Array(v, ReadAttachment);
      required.Set(9);
    } else if (key == "late") {
      bool late = false;
      if (v.get_bool().get(late)) throw NotFast{};
      r.late = late;
    } else if (key == "late_reason") {
      OptionalText(v, r.late_reason);
    } else if (key == "received_at") {
      r.received_at = Time(v);  // when present, a time (a null is an error there)
    } else if (key == "summary") {
      OptionalText(v, c.summary);
    }
  });
  required.Check(10);
  return r;
}

}  // namespace

std::optional<ResponseRevisionEvent> ReadResponseRevisionFast(std::string_view data) {
  thread_local simdjson::dom::parser parser;
  element root;
  if (parser.parse(data.data(), data.size()).get(root)) return std::nullopt;
  try {
    return Read(root);
  } catch (const NotFast&) {
    return std::nullopt;
  }
}

}  // namespace hoering::consultations
