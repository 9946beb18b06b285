#include "domain/field_problems.h"

namespace hoering {

bool FieldProblems::Add(const Status& status, std::string pointer, std::string type,
                        std::vector<std::pair<std::string, std::string>> params) {
  if (status.ok()) return true;
  if (first_.ok()) first_ = status;
  problems_.push_back(FieldProblem{
      std::move(pointer), type.empty() ? status.type() : std::move(type), std::move(params)});
  return false;
}

bool FieldProblems::AddText(const Status& status, std::string_view text, std::string pointer,
                            std::size_t max_len) {
  if (status.ok()) return true;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Add(status, std::move(pointer), "required");
  }
  return Add(status, std::move(pointer), "invalid-text", {{"max", std::to_string(max_len)}});
}

Status FieldProblems::ToStatus() && {
  if (problems_.empty()) return Status::Ok();
  std::string detail = first_.detail();
  if (problems_.size() > 1) {
    detail += " (and " + std::to_string(problems_.size() - 1) + " more, listed in errors)";
  }
  return Status(first_.code(), std::move(detail), first_.type()).WithErrors(std::move(problems_));
}

}  // namespace hoering
