// The shared parts of the response forms (response_form.h).
#include "server/web/response_form.h"

#include <algorithm>

#include "domain/consultations/attachments.h"
#include "domain/consultations/response_decide.h"
#include "domain/decimal.h"
#include "domain/field_problems.h"
#include "server/http/problem.h"

namespace hoering::web {
namespace {

namespace cs = consultations;
using nlohmann::json;

bool Blank(const std::string& s) {
  return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

json SectionOptions(const json& sections, const std::string& chosen) {
  json options = json::array();
  for (const auto& s : sections) {
    const std::string id = s.value("id", "");
    std::string label;
    for (int d = 1; d < s.value("depth", 1); ++d) label += "– ";
    label += s.value("heading", id);
    options.push_back({{"id", id}, {"label", label}, {"selected", id == chosen}});
  }
  return options;
}

}  // namespace

std::vector<DraftPoint> PointsFromForm(const PageCall& call) {
  std::vector<DraftPoint> points;
  for (std::size_t i = 0; i <= cs::kMaxPoints; ++i) {
    const std::string p = "point-" + std::to_string(i) + "-";
    auto text = call.Field(p + "text");
    if (!text) break;
    DraftPoint point{call.Field(p + "section").value_or(""), call.Field(p + "quote").value_or(""),
                     *text};
    if (call.Field(p + "remove") || (Blank(point.text) && Blank(point.quote))) continue;
    points.push_back(std::move(point));
  }
  return points;
}

json PointFields(const std::vector<DraftPoint>& points, const json& sections,
                 const json& field_errors) {
  auto error_of = [&field_errors](const std::string& field) {
    return field_errors.contains(field) ? field_errors[field] : json("");
  };
  std::vector<DraftPoint> shown = points;
  if (shown.size() < cs::kMaxPoints) shown.push_back({});
  json out = json::array();
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const std::string p = "point-" + std::to_string(i) + "-";
    out.push_back({{"i", i},
                   {"n", i + 1},
                   {"blank", i == points.size()},
                   {"quote", shown[i].quote},
                   {"text", shown[i].text},
                   {"sections", SectionOptions(sections, shown[i].section)},
                   {"section_error", error_of(p + "section")},
                   {"quote_error", error_of(p + "quote")},
                   {"text_error", error_of(p + "text")}});
  }
  return out;
}

std::vector<DraftAttachment> AttachmentsFromForm(const PageCall& call,
                                                 std::vector<DraftAttachment> kept,
                                                 Status& problem) {
  std::vector<DraftAttachment> files;
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (call.Field("file-" + std::to_string(i) + "-remove")) continue;
    total += kept[i].size;
    files.push_back(std::move(kept[i]));
  }
  FieldProblems problems;
  for (const UploadedFile& f : call.files) {
    if (f.field != "files" || f.content.empty()) continue;
    std::string content = cs::EncodeBase64(f.content);
    const bool kept_already = std::any_of(
        files.begin(), files.end(), [&](const auto& a) { return a.content_base64 == content; });
    if (kept_already) continue;
    if (files.size() >= cs::kMaxAttachments) {
      problems.Add(InvalidArgument("at most 20 attachments per response", "invalid-field"),
                   "/attachments", "too-many-attachments",
                   {{"max", std::to_string(cs::kMaxAttachments)}});
      break;
    }
    if (total + f.content.size() > cs::kDefaultMaxAttachmentBytes) {
      problems.Add(Status(Code::kPayloadTooLarge, "attachments exceed 10 MB together",
                          "attachments-too-large"),
                   "/attachments");
      break;
    }
    total += f.content.size();
    files.push_back({f.filename, f.media_type, std::move(content), f.content.size()});
  }
  problem = std::move(problems).ToStatus();
  return files;
}

void AddAttachmentFields(const std::vector<DraftAttachment>& attachments, nlohmann::json& data) {
  nlohmann::json files = nlohmann::json::array();
  for (std::size_t i = 0; i < attachments.size(); ++i) {
    const auto& a = attachments[i];
    files.push_back({{"i", i},
                     {"filename", a.filename},
                     {"media_type", a.media_type},
                     {"size_kb", (a.size + 1023) / 1024}});
  }
  data["has_attachments"] = !files.empty();
  data["attachments"] = files;
}

std::string FieldIdFor(const std::string& pointer) {
  if (pointer == "/party") return "party";
  if (pointer == "/author/name") return "author_name";
  if (pointer == "/author/email") return "author_email";
  if (pointer == "/summary") return "summary";
  if (pointer == "/publication") return "publication-public";
  if (pointer == "/attachments" || pointer.starts_with("/attachments/")) return "files";
  if (pointer == "/received_at") return "received_date";
  if (pointer == "/accept_late/reason") return "late_reason";
  if (pointer == "/points") return "point-0-text";
  if (pointer.starts_with("/points/")) {
    const std::string rest = pointer.substr(8);
    const auto slash = rest.find('/');
    const std::string n = rest.substr(0, slash);
    return "point-" + n + "-" + (slash == std::string::npos ? "text" : rest.substr(slash + 1));
  }
  return "";
}

std::string PointFieldLabel(const PageCall& call, const std::string& id,
                            const std::string& text_label) {
  if (!id.starts_with("point-")) return "";
  const auto dash = id.find('-', 6);
  if (dash == std::string::npos) return "";
  const auto n = ParseDecimal<std::uint64_t>(id.substr(6, dash - 6));
  const std::string part = id.substr(dash + 1);
  const std::string point = call.T("response.point") + " " + std::to_string(n.value_or(0) + 1);
  if (part == "section") return point + ", " + call.T("respond.section");
  if (part == "quote") return point + ", " + call.T("respond.quote");
  return point + ", " + text_label;
}

std::string FieldMessage(const PageCall& call, const FieldProblem& p, const Status& whole) {
  for (const std::string& key : {"field_errors." + p.type, "problems." + p.type}) {
    std::string text = call.T(key);
    if (text == key) continue;
    for (const auto& [k, v] : p.params) {
      const std::string mark = "{" + k + "}";
      if (auto at = text.find(mark); at != std::string::npos) text.replace(at, mark.size(), v);
    }
    return text;
  }
  const std::string by_status =
      "errors.status_" + std::to_string(http::HttpStatusFor(whole.code()));
  const std::string text = call.T(by_status);
  return text == by_status ? call.T("errors.other") : text;
}

void AddProblems(const PageCall& call, const Status& status, const ProblemFields& how, json& data) {
  json summary = json::array();
  std::vector<FieldProblem> problems = status.errors();
  const bool whole = problems.empty();
  if (whole) problems.push_back({"", status.type(), {}});
  if (!data.contains("field_errors")) data["field_errors"] = json::object();
  for (const FieldProblem& p : problems) {
    const std::string message = how.instead.empty() ? FieldMessage(call, p, status) : how.instead;
    std::string field = FieldIdFor(p.pointer);
    if (whole && field.empty() && how.field_of) field = how.field_of(status);
    const std::string label = field.empty() || !how.label_of ? "" : how.label_of(field);
    summary.push_back({{"field", field.empty() ? how.form_id : field},
                       {"message", label.empty() ? message : label + ": " + message}});
    if (!field.empty() && !data["field_errors"].contains(field)) {
      data["field_errors"][field] = message;
    }
  }
  data["errors"] = summary;
  data["has_errors"] = true;
}

}  // namespace hoering::web
