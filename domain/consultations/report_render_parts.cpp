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

// "240.0 KiB"; the decimal point is the labels' decimal mark.
std::string FormatSize(const json& size, const std::string& decimal_mark) {
  if (!size.is_number()) return Text(size);
  double b = size.get<double>();
  char buf[32];
  if (b < 1024) return Text(size) + " B";
  if (b < 1024.0 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KiB", b / 1024);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MiB", b / (1024.0 * 1024));
  }
  std::string out = buf;
  if (auto dot = out.find('.'); dot != std::string::npos) out.replace(dot, 1, decimal_mark);
  return out;
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

std::string YesNo(bool b, const ReportLabels& l) {
  return b ? l.yes : l.no;
}

std::string OutcomeName(std::string_view key, const ReportLabels& l) {
  return Name(l.outcome, key.empty() ? "undecided" : key);
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

std::vector<Fact> ConsultationFacts(const json& report, const ReportLabels& l) {
  const json& c = Field(report, "consultation");
  const json& v = Field(c, "version");
  std::vector<Fact> out;
  Add(out, l.fact_consultation, Text(c, "id"));
  std::string agreement = Text(c, "agreement");
  Add(out, l.fact_agreement,
      Joined(Text(c, "agreement_title"), " ", agreement.empty() ? "" : "(" + agreement + ")"));
  std::string version = Text(v, "number");
  if (!Text(v, "label").empty()) version = Joined(version, " ", "\"" + Text(v, "label") + "\"");
  if (!Text(v, "hash").empty()) {
    version = Joined(version, " ", FillLabel(l.version_hash, "{hash}", Text(v, "hash")));
  }
  Add(out, l.fact_version, version);
  Add(out, l.fact_opens, Text(c, "opens_at"));
  std::string closes = Text(c, "closes_at");
  std::string original = Text(c, "original_closes_at");
  if (!List(c, "extensions").empty() && !original.empty()) {
    closes = Joined(closes, " ", FillLabel(l.extended_from, "{closes_at}", original));
  }
  if (!closes.empty()) out.push_back({l.fact_closes, closes, true});
  Add(out, l.fact_time_zone, Text(c, "time_zone"));
  Add(out, l.fact_state, Name(l.state, Text(c, "state")));
  Add(out, l.fact_closed_at, Text(c, "closed_at"));
  Add(out, l.fact_close_reason, Text(c, "close_reason"));
  std::string generated = Text(report, "generated_at");
  std::string position = Text(report, "as_of_position");
  if (!position.empty()) {
    generated = Joined(generated, ", ", FillLabel(l.as_of_position, "{position}", position));
  }
  Add(out, l.fact_generated, generated);
  return out;
}

std::vector<std::string> ExtensionLines(const json& report, const ReportLabels& l) {
  std::vector<std::string> out;
  for (const auto& e : List(Field(report, "consultation"), "extensions")) {
    std::string line = FillLabel(l.extended_to, "{closes_at}", Text(e, "closes_at"));
    if (!Text(e, "at").empty()) line += " " + FillLabel(l.extended_on, "{at}", Text(e, "at"));
    if (!Text(e, "reason").empty()) line += ": " + Text(e, "reason");
    out.push_back(std::move(line));
  }
  return out;
}

std::vector<Fact> ResponseFacts(const json& r, const ReportLabels& l) {
  std::vector<Fact> out;
  std::string author = Text(Field(r, "author"), "name");
  std::string publication = Text(r, "publication");
  if (author.empty()) author = publication == "anonymous" ? l.author_anonymous : l.author_not_given;
  Add(out, l.response_author, author);
  Add(out, l.response_publication, publication.empty() ? "" : Name(l.publication, publication));
  std::string submitted = Text(r, "submitted_at");
  std::string first = Text(r, "first_submitted_at");
  if (!first.empty() && first != submitted) {
    submitted += " " + FillLabel(l.first_submitted, "{at}", first);
  }
  Add(out, l.response_submitted, submitted);
  Add(out, l.response_revision, Text(r, "revision"));
  Add(out, l.response_late, Flag(r, "late") ? Joined(l.yes, ": ", Text(r, "late_reason")) : l.no);
  std::string withdrawn = l.no;
  if (Flag(r, "withdrawn")) {
    withdrawn = Joined(l.yes, ", ", Text(r, "withdrawn_at"));
    withdrawn = Joined(withdrawn, ": ", Text(r, "withdrawal_reason"));
  }
  Add(out, l.response_withdrawn, withdrawn);
  return out;
}

std::vector<PartyRow> PartyRows(const json& report, const ReportLabels& l) {
  std::vector<PartyRow> out;
  std::set<std::string> seen;
  auto label = [](const std::string& name, const std::string& id) {
    return Joined(name, " ", id.empty() || id == name ? "" : "(" + id + ")");
  };
  for (const auto& p : List(report, "parties")) {
    std::string id = Text(p, "party");
    seen.insert(id);
    std::string kind = Text(p, "kind");
    out.push_back({label(Text(p, "name"), id), kind.empty() ? "" : Name(l.party_kind, kind),
                   Flag(p, "invited"), Flag(p, "responded"), Flag(p, "late"),
                   Flag(p, "withdrawn")});
  }
  for (const auto& r : List(report, "responses")) {
    std::string id = Text(r, "party");
    if (!seen.insert(id).second) continue;
    out.push_back(
        {label(Text(r, "party_name"), id), "", false, true, Flag(r, "late"), Flag(r, "withdrawn")});
  }
  return out;
}

std::vector<AttachmentRow> AttachmentRows(const json& response, const ReportLabels& l) {
  std::vector<AttachmentRow> out;
  for (const auto& a : List(response, "attachments")) {
    out.push_back({Text(a, "filename"), Text(a, "media_type"),
                   FormatSize(Field(a, "size"), l.decimal_mark), Text(a, "sha256").substr(0, 12)});
  }
  return out;
}

std::string PointSection(const json& point, const ReportLabels& l) {
  std::string s = Joined(Text(point, "section"), " ", Text(point, "section_heading"));
  return s.empty() ? l.section_general : s;
}

std::string ChangeSectionLabel(const json& section, const ReportLabels& l) {
  std::string s = Joined(Text(section, "id"), " ", Text(section, "heading"));
  std::string status = Text(section, "status");
  return status.empty() ? s : Joined(s, " ", "(" + Name(l.section_status, status) + ")");
}

std::string DispositionLine(const json& point, const ReportLabels& l) {
  const json& d = Field(point, "disposition");
  std::string line = OutcomeName(Text(d, "outcome"), l);
  std::string at = Text(d, "recorded_at");
  return at.empty() ? line : line + " " + FillLabel(l.recorded, "{at}", at);
}

agreements::WordDiff ShortenExcerpt(const json& excerpt) {
  using agreements::RunOp;
  agreements::WordDiff runs;
  if (!excerpt.is_array()) return runs;
  for (const auto& r : excerpt) {
    std::string op = Text(r, "op");
    agreements::WordRun run{op == "insert"   ? RunOp::kInsert
                            : op == "delete" ? RunOp::kDelete
                                             : RunOp::kEqual,
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
    if (runs[i].op == RunOp::kEqual) continue;
    first = std::min(first, i);
    last = i;
  }
  bool any = first < runs.size();
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (runs[i].op != RunOp::kEqual) continue;
    runs[i].text = Shorten(runs[i].text, any && i > first, any && i < last);
  }
  return runs;
}

std::vector<OutcomeCount> OutcomeCounts(const json& report, const ReportLabels& l) {
  const json& o = Field(Field(report, "totals"), "outcomes");
  std::vector<OutcomeCount> out;
  for (const char* key :
       {"accepted", "partially_accepted", "not_accepted", "noted", "out_of_scope", "undecided"}) {
    out.push_back({OutcomeName(key, l), Count(o, key)});
  }
  return out;
}

std::vector<Fact> TotalFacts(const json& report, const ReportLabels& l) {
  const json& t = Field(report, "totals");
  return {{l.total_responses, std::to_string(Count(t, "responses"))},
          {l.total_withdrawn, std::to_string(Count(t, "withdrawn"))},
          {l.total_late, std::to_string(Count(t, "late"))},
          {l.total_points, std::to_string(Count(t, "points"))}};
}

std::string WithheldLine(const json& report, const ReportLabels& l) {
  std::int64_t n = Count(report, "withheld");
  if (n <= 0) return "";
  return n == 1 ? l.withheld_one : FillLabel(l.withheld_many, "{n}", std::to_string(n));
}

}  // namespace hoering::consultations::report_parts
