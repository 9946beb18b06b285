#include "domain/consultations/report_render_parts.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <utility>

namespace hoering::consultations::report_parts {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// [begin, end) of each whitespace-separated word.
std::vector<std::pair<std::size_t, std::size_t>> Words(const std::string& s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i == s.size()) break;
    std::size_t b = i;
    while (i < s.size() && !IsSpace(s[i])) ++i;
    out.emplace_back(b, i);
  }
  return out;
}

std::string Shorten(const std::string& s, bool change_before, bool change_after) {
  auto w = Words(s);
  const std::size_t k = kContextWords;
  std::string ell(kEllipsis);
  auto head = [&] { return s.substr(0, w[k - 1].second); };
  auto tail = [&] { return s.substr(w[w.size() - k].first); };
  if (change_before && change_after) {
    return w.size() <= 2 * k ? s : head() + " " + ell + " " + tail();
  }
  if (change_after) return w.size() <= k ? s : ell + " " + tail();
  if (change_before) return w.size() <= k ? s : head() + " " + ell;
  if (w.size() <= 2 * k) return s;  // no change at all: the opening words
  return s.substr(0, w[2 * k - 1].second) + " " + ell;
}

std::string FormatSize(const json& size) {
  if (!size.is_number()) return Text(size);
  double b = size.get<double>();
  char buf[32];
  if (b < 1024) return Text(size) + " B";
  if (b < 1024.0 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KiB", b / 1024);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MiB", b / (1024.0 * 1024));
  }
  return buf;
}

std::string StateName(const std::string& s) {
  if (s == "scheduled") return "Scheduled";
  if (s == "open") return "Open";
  if (s == "closed") return "Closed";
  return s;
}

void Add(std::vector<Fact>& out, std::string label, std::string value) {
  if (!value.empty()) out.push_back({std::move(label), std::move(value)});
}

std::string Joined(const std::string& a, const std::string& sep, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + sep + b;
}

}  // namespace

const json& Field(const json& j, const char* key) {
  static const json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

const json& List(const json& j, const char* key) {
  static const json kEmpty = json::array();
  const json& v = Field(j, key);
  return v.is_array() ? v : kEmpty;
}

std::string Text(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_unsigned()) return std::to_string(j.get<std::uint64_t>());
  if (j.is_number_integer()) return std::to_string(j.get<std::int64_t>());
  if (j.is_number() || j.is_boolean()) return j.dump();
  return "";
}

std::string Text(const json& j, const char* key) {
  return Text(Field(j, key));
}

bool Flag(const json& j, const char* key) {
  const json& v = Field(j, key);
  return v.is_boolean() && v.get<bool>();
}

std::int64_t Count(const json& j, const char* key) {
  const json& v = Field(j, key);
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (v.is_number()) return static_cast<std::int64_t>(v.get<double>());
  return 0;
}

std::string YesNo(bool b) {
  return b ? "yes" : "no";
}

std::string OutcomeName(std::string_view key) {
  if (key.empty() || key == "undecided") return "Not yet decided";
  if (key == "accepted") return "Accepted";
  if (key == "partially_accepted") return "Partially accepted";
  if (key == "not_accepted") return "Not accepted";
  if (key == "noted") return "Noted";
  if (key == "out_of_scope") return "Out of scope";
  return std::string(key);
}

std::string OutcomeKey(const json& point) {
  return Text(Field(point, "disposition"), "outcome");
}

std::vector<std::string> ChangeIds(const json& point) {
  std::vector<std::string> out;
  auto add = [&out](std::string id) {
    if (!id.empty() && std::find(out.begin(), out.end(), id) == out.end()) {
      out.push_back(std::move(id));
    }
  };
  for (const auto& id : List(Field(point, "disposition"), "changes")) add(Text(id));
  for (const auto& c : List(point, "changes")) add(Text(c, "change"));
  return out;
}

std::vector<Fact> ConsultationFacts(const json& report) {
  const json& c = Field(report, "consultation");
  const json& v = Field(c, "version");
  std::vector<Fact> out;
  Add(out, "Consultation", Text(c, "id"));
  std::string agreement = Text(c, "agreement");
  Add(out, "Agreement",
      Joined(Text(c, "agreement_title"), " ", agreement.empty() ? "" : "(" + agreement + ")"));
  std::string version = Text(v, "number");
  if (!Text(v, "label").empty()) version = Joined(version, " ", "\"" + Text(v, "label") + "\"");
  if (!Text(v, "hash").empty()) version = Joined(version, " ", "(hash " + Text(v, "hash") + ")");
  Add(out, "Consulted version", version);
  Add(out, "Opens", Text(c, "opens_at"));
  std::string closes = Text(c, "closes_at");
  std::string original = Text(c, "original_closes_at");
  if (!List(c, "extensions").empty() && !original.empty()) {
    closes = Joined(closes, " ", "(extended from " + original + ")");
  }
  Add(out, "Closes", closes);
  Add(out, "Time zone", Text(c, "time_zone"));
  Add(out, "State", StateName(Text(c, "state")));
  Add(out, "Closed at", Text(c, "closed_at"));
  Add(out, "Close reason", Text(c, "close_reason"));
  std::string generated = Text(report, "generated_at");
  std::string position = Text(report, "as_of_position");
  if (!position.empty()) generated = Joined(generated, ", ", "as of log position " + position);
  Add(out, "Generated", generated);
  return out;
}

std::vector<std::string> ExtensionLines(const json& report) {
  std::vector<std::string> out;
  for (const auto& e : List(Field(report, "consultation"), "extensions")) {
    std::string line = "Extended to " + Text(e, "closes_at");
    if (!Text(e, "at").empty()) line += " (on " + Text(e, "at") + ")";
    if (!Text(e, "reason").empty()) line += ": " + Text(e, "reason");
    out.push_back(std::move(line));
  }
  return out;
}

std::vector<Fact> ResponseFacts(const json& r) {
  std::vector<Fact> out;
  std::string author = Text(Field(r, "author"), "name");
  std::string publication = Text(r, "publication");
  if (author.empty()) author = publication == "anonymous" ? "anonymous" : "not given";
  Add(out, "Author", author);
  Add(out, "Publication", publication);
  std::string submitted = Text(r, "submitted_at");
  std::string first = Text(r, "first_submitted_at");
  if (!first.empty() && first != submitted) submitted += " (first submitted " + first + ")";
  Add(out, "Submitted", submitted);
  Add(out, "Revision", Text(r, "revision"));
  Add(out, "Late", Flag(r, "late") ? Joined("yes", ": ", Text(r, "late_reason")) : "no");
  std::string withdrawn = "no";
  if (Flag(r, "withdrawn")) {
    withdrawn = Joined("yes", ", ", Text(r, "withdrawn_at"));
    withdrawn = Joined(withdrawn, ": ", Text(r, "withdrawal_reason"));
  }
  Add(out, "Withdrawn", withdrawn);
  return out;
}

std::vector<PartyRow> PartyRows(const json& report) {
  std::vector<PartyRow> out;
  std::set<std::string> seen;
  auto label = [](const std::string& name, const std::string& id) {
    return Joined(name, " ", id.empty() || id == name ? "" : "(" + id + ")");
  };
  for (const auto& p : List(report, "parties")) {
    std::string id = Text(p, "party");
    seen.insert(id);
    out.push_back({label(Text(p, "name"), id), Text(p, "kind"), Flag(p, "invited"),
                   Flag(p, "responded"), Flag(p, "late"), Flag(p, "withdrawn")});
  }
  for (const auto& r : List(report, "responses")) {
    std::string id = Text(r, "party");
    if (!seen.insert(id).second) continue;
    out.push_back(
        {label(Text(r, "party_name"), id), "", false, true, Flag(r, "late"), Flag(r, "withdrawn")});
  }
  return out;
}

std::vector<AttachmentRow> AttachmentRows(const json& response) {
  std::vector<AttachmentRow> out;
  for (const auto& a : List(response, "attachments")) {
    out.push_back({Text(a, "filename"), Text(a, "media_type"), FormatSize(Field(a, "size")),
                   Text(a, "sha256").substr(0, 12)});
  }
  return out;
}

std::string PointSection(const json& point) {
  std::string s = Joined(Text(point, "section"), " ", Text(point, "section_heading"));
  return s.empty() ? "(general)" : s;
}

std::string ChangeSectionLabel(const json& section) {
  std::string s = Joined(Text(section, "id"), " ", Text(section, "heading"));
  std::string status = Text(section, "status");
  return status.empty() ? s : Joined(s, " ", "(" + status + ")");
}

std::string DispositionLine(const json& point) {
  const json& d = Field(point, "disposition");
  std::string line = OutcomeName(Text(d, "outcome"));
  std::string at = Text(d, "recorded_at");
  return at.empty() ? line : line + " (recorded " + at + ")";
}

std::vector<Run> ShortenExcerpt(const json& excerpt) {
  std::vector<Run> runs;
  if (!excerpt.is_array()) return runs;
  for (const auto& r : excerpt) {
    std::string op = Text(r, "op");
    Run run{op == "insert"   ? Op::kInsert
            : op == "delete" ? Op::kDelete
                             : Op::kEqual,
            Text(r, "text")};
    if (run.text.empty()) continue;
    if (!runs.empty() && runs.back().op == run.op) {
      runs.back().text += run.text;
    } else {
      runs.push_back(std::move(run));
    }
  }
  std::size_t first = runs.size(), last = 0;  // first and last changed run
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (runs[i].op == Op::kEqual) continue;
    first = std::min(first, i);
    last = i;
  }
  bool any = first < runs.size();
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (runs[i].op != Op::kEqual) continue;
    runs[i].text = Shorten(runs[i].text, any && i > first, any && i < last);
  }
  return runs;
}

std::vector<OutcomeCount> OutcomeCounts(const json& report) {
  const json& o = Field(Field(report, "totals"), "outcomes");
  std::vector<OutcomeCount> out;
  for (const char* key :
       {"accepted", "partially_accepted", "not_accepted", "noted", "out_of_scope", "undecided"}) {
    out.push_back({OutcomeName(key), Count(o, key)});
  }
  return out;
}

std::vector<Fact> TotalFacts(const json& report) {
  const json& t = Field(report, "totals");
  return {{"Responses", std::to_string(Count(t, "responses"))},
          {"Withdrawn", std::to_string(Count(t, "withdrawn"))},
          {"Late", std::to_string(Count(t, "late"))},
          {"Points", std::to_string(Count(t, "points"))}};
}

std::string WithheldLine(const json& report) {
  std::int64_t n = Count(report, "withheld");
  if (n <= 0) return "";
  return n == 1 ? "1 response is not shown to this reader."
                : std::to_string(n) + " responses are not shown to this reader.";
}

}  // namespace hoering::consultations::report_parts
