#include "domain/agreements/body_condition.h"

#include "domain/sha256.h"

namespace hoering::agreements {

std::string BodySha256(std::string_view body) {
  return ToHex(Sha256(body));
}

Status CheckBodyConditions(const SectionTree& text, const std::vector<Op>& ops) {
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const Op& op = ops[i];
    if (!op.if_body_sha256) continue;
    const Section* section = text.Find(op.id);
    const std::string now = section ? BodySha256(section->body) : std::string();
    if (now == *op.if_body_sha256) continue;
    std::string detail =
        section ? "section '" + op.id + "' was changed by someone else since it was read (" +
                      OpLabel(op, i) + "); read it again and redo the change"
                : "section '" + op.id + "' was removed by someone else since it was read (" +
                      OpLabel(op, i) + ")";
    return Status(Code::kPreconditionFailed, std::move(detail), std::string(kSectionChanged))
        .WithErrors({{"/ops/" + std::to_string(i) + "/if_body_sha256",
                      std::string(kSectionChanged),
                      {{"section", op.id}, {"body_sha256", now}}}});
  }
  return Status::Ok();
}

std::string ChangedSection(const Status& status) {
  if (status.type() != kSectionChanged) return "";
  for (const FieldProblem& e : status.errors()) {
    for (const auto& [key, value] : e.params) {
      if (key == "section") return value;
    }
  }
  return "";
}

void AddBodySha256(nlohmann::json& sections) {
  if (!sections.is_array()) return;
  for (auto& s : sections) {
    if (!s.is_object()) continue;
    if (auto body = s.find("body"); body != s.end() && body->is_string()) {
      s["body_sha256"] = BodySha256(body->get<std::string>());
    }
    if (auto children = s.find("children"); children != s.end()) AddBodySha256(*children);
  }
}

}  // namespace hoering::agreements
